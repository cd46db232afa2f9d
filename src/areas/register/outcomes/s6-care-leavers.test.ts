import { describe, expect, it } from 'vitest'
import { dataFile } from '../../../data-files.js'
import { checkJudgements } from '../../../rules/judgements.js'
import { parseOutcomes } from './parse-outcomes.js'
import { readOds } from './ods-reader.js'

/**
 * Issue 14, "Corrections that real data showed": S6 flagged the three real judgements of 2023–2025
 * where care leavers alone were inadequate, as it did not know care leavers became a judgement of
 * their own in 2023. Read from Ofsted's shipped file, not typed in: each is consistent now.
 */
describe('S6 on the real judgements where care leavers alone were inadequate', () => {
  it('finds exactly Peterborough, Cheshire East and Harrow, each consistent with its inadequate overall grade', async () => {
    const file = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
    const parsed = parseOutcomes(file, await readOds(dataFile('ofsted-outcomes', file)))
    const alone = parsed.records.flatMap((record) => {
      if (record.kind !== 'judgement' || record.source.sheet !== 'ILACS_inspection_history') return []
      const g = record.grades
      const others = [g['help-and-protection'], g['children-in-care'], g.leaders]
      return g['care-leavers'] === 'inadequate' && !others.includes('inadequate') ? [record] : []
    })
    expect(alone.map((record) => [record.la.name, record.published]).sort()).toEqual([
      ['Cheshire East', '2024-05-16'],
      ['Harrow', '2025-03-04'],
      ['Peterborough', '2024-01-30'],
    ])
    for (const record of alone) {
      const g = record.grades
      const result = checkJudgements({
        overall: g.overall!,
        helpAndProtection: g['help-and-protection']!,
        childrenInCare: g['children-in-care']!,
        careLeavers: g['care-leavers']!,
        leaders: g.leaders!,
        // A real report: leaders not judged inadequate beside a failure means they understood it (002#101).
        leadersUnderstandFailure: true,
      })
      expect([record.la.name, g.overall, result.problems]).toEqual([record.la.name, 'inadequate', []])
    }
  })
})
