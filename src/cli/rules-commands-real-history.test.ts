import { beforeAll, describe, expect, it } from 'vitest'
import { dataFile } from '../data-files.js'
import { parseOutcomes } from '../areas/register/outcomes/parse-outcomes.js'
import { readSpreadsheet } from '../areas/register/outcomes/spreadsheet.js'
import type { OutcomeJudgement } from '../areas/register/outcomes/records.js'
import { buildCliFirst, historyFile, json, workFolder } from '../test-support/cli.js'

/**
 * Issue 14, "Corrections that real data showed": `ilacs pathway` and `ilacs intervention` refused a
 * history without overall grades, as every judgement from April 2026 will be. The real cases are
 * Ofsted's own: the three LAs whose care leavers alone were judged inadequate (2024–2025, the
 * shipped 2025 file), each judged inadequate overall. Given only their area grades, both commands
 * answer as they do with the overall grades Ofsted published.
 */
const FILE = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
const work = workFolder()
let judgements: OutcomeJudgement[]

beforeAll(async () => {
  buildCliFirst()
  const parsed = parseOutcomes(FILE, await readSpreadsheet(dataFile('ofsted-outcomes', FILE), FILE))
  judgements = parsed.records.filter(
    (record): record is OutcomeJudgement =>
      record.kind === 'judgement' && record.source.sheet === 'ILACS_inspection_history',
  )
}, 120_000)

/** The LA's ILACS history as the commands read it: with Ofsted's overall grade, or with the area grades only. */
function history(name: string, withOverall: boolean) {
  return judgements
    .filter((record) => record.la.name === name)
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''))
    .map(({ published, activityType, grades }) => ({
      published,
      type: activityType,
      ...(withOverall
        ? { overall: grades.overall }
        : {
            grades: {
              helpAndProtection: grades['help-and-protection'],
              childrenInCare: grades['children-in-care'],
              careLeavers: grades['care-leavers'] ?? null,
              leaders: grades.leaders,
            },
          }),
    }))
}

describe('ilacs pathway and intervention on real histories without overall grades', () => {
  it.each([
    ['Peterborough', '2024-01-30'],
    ['Cheshire East', '2024-05-16'],
    ['Harrow', '2025-03-04'],
  ])(
    '%s, care leavers alone inadequate (published %s): the same answers as with Ofsted’s overall grades',
    (name, published) => {
      const slug = name.replace(/\W+/g, '-').toLowerCase()
      const real = historyFile(work, `${slug}-real.json`, history(name, true))
      const areasOnly = historyFile(work, `${slug}-areas.json`, history(name, false))
      expect(history(name, true).at(-1)).toMatchObject({ published, overall: 'inadequate' })
      const on = '2025-06-02'
      const pathway = json('pathway', '--history', areasOnly, '--on', on)
      expect(pathway).toMatchObject({ pathway: 3 })
      expect(pathway).toEqual(json('pathway', '--history', real, '--on', on))
      expect(json('intervention', '--history', areasOnly, '--on', on)).toEqual(
        json('intervention', '--history', real, '--on', on),
      )
    },
    60_000,
  )
})
