import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../auth/audit.js'
import { fixedClock } from '../../../clock.js'
import { loadConfig } from '../../../config.js'
import { dataFile } from '../../../data-files.js'
import type { DatabaseHandle } from '../../../db/database.js'
import { createTestDatabase } from '../../../test-support/test-db.js'
import { createRegisterService, type RegisterService } from '../service.js'
import type { ImportResult } from './import.service.js'

/**
 * Issue 14: "a newer file adds what is new and shows, in the dry run, each record it would add or
 * change and each row it cannot read". The shipped files imported oldest first (2023, then 2025),
 * as a register kept since 2023 would have met them, against newest first; and the export's
 * contract checked on every entry of the real register.
 */
const FILE_2025 = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
const FILE_2023 = 'Childrens_social_care_in_England_2023_underlying_data.ods'
const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'silent' })
const opened: DatabaseHandle[] = []

async function register(): Promise<RegisterService> {
  const database = await createTestDatabase()
  opened.push(database)
  return createRegisterService({ db: database.db, clock: fixedClock('2025-10-01T10:00:00Z'), config })
}
const run = (service: RegisterService, file: string, dryRun = false) =>
  service.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file, { dryRun })
const counts = ({ created, updated, unchanged, conflicts, unread }: ImportResult) => ({
  created,
  updated,
  unchanged,
  conflicts,
  unread,
})

let oldestFirst: RegisterService
let newestFirst: RegisterService
let first2023: ImportResult
let dry2025: ImportResult
let then2025: ImportResult
beforeAll(async () => {
  oldestFirst = await register()
  first2023 = await run(oldestFirst, FILE_2023)
  dry2025 = await run(oldestFirst, FILE_2025, true)
  then2025 = await run(oldestFirst, FILE_2025)
  newestFirst = await register()
  await run(newestFirst, FILE_2025)
  await run(newestFirst, FILE_2023)
}, 180_000)
afterAll(() => Promise.all(opened.map((database) => database.close())))

describe('the 2023 file, then the newer 2025 file', () => {
  it('leaves one row of the 2023 file unread, with its reason: an inspection published after the file', () => {
    // South Tyneside's short inspection from 5 December 2022: the in-year table gives no
    // publication date and the file's latest judgements (31 March 2023) do not include it.
    expect(first2023.unread).toEqual([
      {
        sheet: 'LA_level_in_year_2022-23',
        row: 87,
        reason: 'The table gives no publication date, and no other row names this inspection',
      },
    ])
    expect(first2023.conflicts).toEqual([])
  })

  it('shows in its dry run what it adds and what it completes, and imports exactly that', () => {
    expect(counts(dry2025)).toEqual({ created: 158, updated: 24, unchanged: 151, conflicts: [], unread: [] })
    expect(counts(then2025)).toEqual(counts(dry2025))
    expect(then2025.changes).toEqual(dry2025.changes)
    // What the 2023 history gave by publication date only, the 2025 file completes with its fieldwork.
    expect(dry2025.changes).toContain(
      'Complete 330: standard-inspection published 2019-01-17 (ilacs-2018, requires-improvement)',
    )
    expect(dry2025.changes.filter((change) => change.startsWith('Complete'))).toHaveLength(24)
  })

  it('ends with the register imported the other way round, but for the two things Ofsted’s files disagree on', async () => {
    const [a, b] = [await oldestFirst.exportAll(), await newestFirst.exportAll()]
    // Each field of each entry that differs (the export's order is the same in both: by date,
    // kind and type), the source aside: it names the file read first.
    const differences = a.flatMap((la, index) =>
      la.history.flatMap((entry, at) => {
        const other = b[index]!.history[at]!
        return Object.entries(entry)
          .filter(
            ([field, value]) =>
              field !== 'source' && JSON.stringify(value) !== JSON.stringify(other[field as keyof typeof other]),
          )
          .map(([field, value]) => [la.laCode, entry.published, field, value, other[field as keyof typeof other]])
      }),
    )
    // Merton's inspection published 9 May 2022: a short inspection in the 2025 history, a standard
    // one in both tables of the 2023 file. Cumbria's published 15 November 2022 (held by both
    // successors): fieldwork from 21 September 2022 in the 2023 file's in-year table, the 20th in
    // its latest-judgement table and in the 2025 file. The register keeps what it read first: an
    // import never overwrites what it holds, and does not (yet) report such a disagreement.
    // LAs in the export's order, by name: Cumberland, Merton, Westmorland and Furness.
    expect(differences).toEqual([
      ['942', '2022-11-15', 'start', '2022-09-21', '2022-09-20'],
      ['315', '2022-05-09', 'type', 'standard-inspection', 'short-inspection'],
      ['943', '2022-11-15', 'start', '2022-09-21', '2022-09-20'],
    ])
    expect(a.map((la) => la.history.length)).toEqual(b.map((la) => la.history.length))
  })
})

describe('the export of the real register (ilacs register export --json)', () => {
  const DATE = /^\d{4}-\d{2}-\d{2}$/
  const GRADE_WORDS = [null, 'outstanding', 'good', 'requires-improvement', 'inadequate']

  it('gives every entry the agreed fields, dates as YYYY-MM-DD or null, grades in the four words or null, and its file and row', async () => {
    const las = await newestFirst.exportAll()
    expect(las).toHaveLength(153)
    const entries = las.flatMap((la) => la.history)
    // 333 records of the 2025 file and 461 more of the 2023 file.
    expect(entries).toHaveLength(794)
    for (const entry of entries) {
      const fields = ['kind', 'type', 'framework', 'start', 'end', 'published', 'theme', 'grades', 'source']
      // The frameworks of 2009–2013 add one field, their grades in their own words (ADR 0023).
      expect(Object.keys(entry)).toEqual(entry.frameworkGrades ? [...fields, 'frameworkGrades'] : fields)
      expect(['judgement', 'visit']).toContain(entry.kind)
      for (const date of [entry.start, entry.end, entry.published]) if (date !== null) expect(date).toMatch(DATE)
      expect(Object.keys(entry.grades)).toEqual([
        'overall',
        'leaders',
        'helpAndProtection',
        'childrenInCare',
        'careLeavers',
      ])
      for (const grade of Object.values(entry.grades)) expect(GRADE_WORDS).toContain(grade)
      if (entry.kind === 'visit') expect(Object.values(entry.grades).every((grade) => grade === null)).toBe(true)
      // Every imported record names its file and row.
      expect(entry.source).toMatch(
        /^(LA_Inspection_Outcomes_as_at_31_March_2025|Childrens_social_care_in_England_2023_underlying_data)\.ods, .+ row \d+$/,
      )
    }
    // What the files do not say is null: the last day of fieldwork is never published.
    expect(entries.filter((entry) => entry.end !== null)).toEqual([])
    for (const la of las)
      if (la.next) {
        expect([la.next.from, la.next.to]).toEqual([expect.stringMatching(DATE), expect.stringMatching(DATE)])
        expect([1, 2, 3]).toContain(la.pathway)
      }
  })
})
