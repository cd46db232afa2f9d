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
const counts = ({ created, updated, unchanged, conflicts, unread, disagreements }: ImportResult) => ({
  created,
  updated,
  unchanged,
  conflicts,
  unread,
  disagreements,
})
// Cumbria's inspection published 15 November 2022, held by both its successors.
const CUMBRIA_SUCCESSORS = ['942', '943']

let oldestFirst: RegisterService
let newestFirst: RegisterService
let first2023: ImportResult
let dry2025: ImportResult
let then2025: ImportResult
let again2025: ImportResult
let after2025: ImportResult
let again2023: ImportResult
beforeAll(async () => {
  oldestFirst = await register()
  first2023 = await run(oldestFirst, FILE_2023)
  dry2025 = await run(oldestFirst, FILE_2025, true)
  then2025 = await run(oldestFirst, FILE_2025)
  again2025 = await run(oldestFirst, FILE_2025)
  newestFirst = await register()
  await run(newestFirst, FILE_2025)
  after2025 = await run(newestFirst, FILE_2023)
  again2023 = await run(newestFirst, FILE_2023)
}, 240_000)
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

  it('lists two tables of the 2023 file that disagree, keeping the first read', () => {
    // Cumbria's fieldwork: the 21st in the in-year table (read first: it gives the type), the 20th
    // in the latest-judgement table.
    expect(first2023.disagreements).toEqual(
      CUMBRIA_SUCCESSORS.map((laCode) => ({
        sheet: 'LA_level_at_31_Mar_2023',
        row: 34,
        laCode,
        field: 'start',
        kept: '2022-09-21',
        fileSays: '2022-09-20',
      })),
    )
  })

  it('shows in its dry run what it adds, completes and changes, and imports exactly that', () => {
    expect(counts(dry2025)).toEqual({
      created: 158,
      updated: 27,
      unchanged: 148,
      conflicts: [],
      unread: [],
      disagreements: [],
    })
    expect(counts(then2025)).toEqual(counts(dry2025))
    expect(then2025.changes).toEqual(dry2025.changes)
    // What the 2023 history gave by publication date only, the 2025 file completes with its fieldwork.
    expect(dry2025.changes).toContain(
      'Complete 330: standard-inspection published 2019-01-17 (ilacs-2018, requires-improvement)',
    )
    expect(dry2025.changes.filter((change) => change.startsWith('Complete'))).toHaveLength(24)
    // The newer file changes what the 2023 file gave, before → after, both sources named.
    expect(dry2025.changes).toContain(
      'Change 315: short-inspection published 2022-05-09 (ilacs-2018, outstanding): type standard-inspection → short-inspection (' +
        `${FILE_2023}, LA_level_in_year_2022-23 row 57; ${FILE_2023}, LA_inspections_2009-2023 row 84; ${FILE_2023}, LA_level_at_31_Mar_2023 row 83` +
        ` → ${FILE_2025}, ILACS_inspection_history row 150; ${FILE_2025}, Inspections_as_at_31_March row 82)`,
    )
    expect(dry2025.changes.filter((change) => change.startsWith('Change'))).toEqual([
      expect.stringMatching(/^Change 942: .*: start 2022-09-21 → 2022-09-20 \(.+ → .+\)$/),
      expect.stringMatching(/^Change 943: .*: start 2022-09-21 → 2022-09-20 \(.+ → .+\)$/),
      expect.stringMatching(/^Change 315: /),
    ])
  })

  it('changes nothing when the 2025 file is imported again', () => {
    expect(counts(again2025)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 333,
      conflicts: [],
      unread: [],
      disagreements: [],
    })
  })

  it('keeps what the 2023 file said beside the record the 2025 file changed', async () => {
    const merton = (await oldestFirst.outcomeReadings('315')).filter((reading) => reading.publishedOn === '2022-05-09')
    expect(merton).toEqual([
      {
        laCode: '315',
        publishedOn: '2022-05-09',
        field: 'type',
        said: 'standard-inspection',
        source: expect.stringMatching(new RegExp(`^${FILE_2023}, LA_level_in_year_2022-23 row 57; `)),
      },
    ])
    const [record] = (await oldestFirst.show('315')).records.filter(
      (judgement) => judgement.publishedOn === '2022-05-09' && judgement.correctedById === null,
    )
    expect(record).toMatchObject({ activityType: 'short-inspection', source: 'import' })
    expect(record!.sourceDetail).toMatch(new RegExp(`^${FILE_2025}, `))
  })
})

describe('the 2025 file, then the older 2023 file', () => {
  it('keeps what the newer file says, and lists each row of the older file that says otherwise', () => {
    const [cumberland, westmorland] = CUMBRIA_SUCCESSORS
    const row = (sheet: string, at: number, laCode: string, field: string, kept: string, fileSays: string) => ({
      sheet,
      row: at,
      laCode,
      field,
      kept,
      fileSays,
    })
    const inYear = 'LA_level_in_year_2022-23'
    expect(counts(after2025)).toEqual({
      created: 461,
      updated: 0,
      unchanged: 176,
      conflicts: [],
      unread: [],
      disagreements: [
        row(inYear, 21, cumberland!, 'start', '2022-09-20', '2022-09-21'),
        row(inYear, 21, westmorland!, 'start', '2022-09-20', '2022-09-21'),
        row(inYear, 57, '315', 'type', 'short-inspection', 'standard-inspection'),
      ],
    })
  })

  it('reports the same when the 2023 file is imported again, and changes nothing', () => {
    expect(counts(again2023)).toEqual({ ...counts(after2025), created: 0, unchanged: 637 })
  })

  it('keeps the same readings as the register imported the other way round', async () => {
    const shown = async (service: RegisterService) =>
      (await service.outcomeReadings('315')).map(({ field, said, source }) => ({ field, said, source }))
    expect(await shown(newestFirst)).toEqual(await shown(oldestFirst))
  })

  it('ends with the same register whichever file is imported first', async () => {
    const [a, b] = [await oldestFirst.exportAll(), await newestFirst.exportAll()]
    // Each field of each entry that differs (the export's order is the same in both: by date,
    // kind and type), the source aside: it names the rows read, which differ by order.
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
    // Merton's inspection published 9 May 2022 (a short inspection in the 2025 file, a standard one
    // in the 2023 file) and Cumbria's published 15 November 2022 (fieldwork from the 20th or the
    // 21st): the newer file wins either way (ADR 0030).
    expect(differences).toEqual([])
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
