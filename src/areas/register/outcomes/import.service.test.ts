import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../auth/audit.js'
import { fixedClock } from '../../../clock.js'
import { loadConfig } from '../../../config.js'
import type { DatabaseHandle } from '../../../db/database.js'
import { publishedJudgement } from '../../../test-support/factories/register.js'
import { createTestDatabase } from '../../../test-support/test-db.js'
import { createRegisterService, type RegisterService } from '../service.js'
import { dataFile } from '../../../data-files.js'
import type { ImportResult } from './import.service.js'
import { parseOutcomes } from './parse-outcomes.js'
import { readSpreadsheet } from './spreadsheet.js'

/**
 * The importer against the real files the project ships (data/ofsted-outcomes/). The counts were
 * read from the files themselves (each sheet's rows below its header):
 * ILACS_inspection_history has 271 inspections (268 of current LAs; Bournemouth 2018, Cumbria
 * 2022 and Northamptonshire 2019 of former councils, the last two each held by both successors,
 * so 273 records); In-year_inspections has 36 focused visits and 24 monitoring visits, and its 52
 * inspections and the 153 latest judgements are all in the history.
 */
const FILE_2025 = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
const FILE_2023 = 'Childrens_social_care_in_England_2023_underlying_data.ods'
const CREATED_2025 = 273 + 36 + 24

const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'silent' })
const opened: DatabaseHandle[] = []
async function freshRegister(): Promise<{ register: RegisterService; database: DatabaseHandle }> {
  const database = await createTestDatabase()
  opened.push(database)
  const register = createRegisterService({ db: database.db, clock: fixedClock('2025-10-01T10:00:00Z'), config })
  return { register, database }
}
afterAll(() => Promise.all(opened.map((database) => database.close())))

const run = (register: RegisterService, file: string, dryRun = false) =>
  register.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file, { dryRun })

describe("importing Ofsted's 2025 outcomes into a new register", () => {
  let register: RegisterService
  let first: ImportResult
  beforeAll(async () => {
    ;({ register } = await freshRegister())
    first = await run(register, FILE_2025)
  })

  it('loads every ILACS inspection and visit, with nothing left unread', async () => {
    expect(first).toMatchObject({ created: CREATED_2025, updated: 0, unchanged: 0, conflicts: [], unread: [] })
    const york = await register.show('816')
    const latest = york.records.find((r) => r.publishedOn === '2025-04-15')
    // Ofsted gives the first day of fieldwork, not the last: the last stays unknown.
    expect(latest).toMatchObject({
      activityType: 'standard-inspection',
      framework: 'ilacs-2023',
      inspectionStart: '2025-02-24',
      inspectionEnd: null,
      source: 'import',
    })
    expect(latest?.grades).toEqual({
      overall: 'outstanding',
      leaders: 'outstanding',
      'help-and-protection': 'outstanding',
      'children-in-care': 'outstanding',
      'care-leavers': 'outstanding',
    })
    expect(latest?.sourceDetail).toContain(`${FILE_2025}, ILACS_inspection_history row 274`)
    const bradford = await register.show('380')
    expect(bradford.visits.map((v) => [v.visitType, v.start, v.publishedOn, v.theme])).toContainEqual([
      'monitoring-visit',
      '2025-02-11',
      '2025-03-13',
      'Children in care',
    ])
  })

  it('gives a reorganised council’s history to each successor, naming the former council', async () => {
    for (const laCode of ['942', '943']) {
      const cumbria = (await register.show(laCode)).records.find((r) => r.publishedOn === '2022-11-15')
      expect(cumbria?.predecessor).toBe('Cumbria (E10000006)')
    }
    expect((await register.show('940')).records.map((r) => r.predecessor)).toContain('Northamptonshire (E10000021)')
    const bcp = (await register.show('839')).records.find((r) => r.publishedOn === '2018-08-24')
    expect(bcp?.predecessor).toBe('Bournemouth (E06000028)')
  })

  it('changes nothing when the same file is imported again', async () => {
    const again = await run(register, FILE_2025)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: CREATED_2025, conflicts: [], unread: [] })
  })

  it('says which file it holds, as published at what date', async () => {
    expect(await register.latestOutcomesFile()).toEqual({ fileName: FILE_2025, asAt: '2025-03-31' })
  })
})

describe('both shipped files', () => {
  it('leave nothing unexplained: every row of every table is read into a record or listed as unread, with a reason', async () => {
    for (const file of [FILE_2025, FILE_2023]) {
      const parsed = parseOutcomes(file, await readSpreadsheet(dataFile('ofsted-outcomes', file), file))
      const accounted = new Set([
        ...parsed.records.map((record) => `${record.source.sheet}|${record.source.row}`),
        ...parsed.unread.map((row) => `${row.sheet}|${row.row}`),
      ])
      const rows = parsed.tables.reduce((sum, table) => sum + table.rows, 0)
      expect(accounted.size, file).toBe(rows)
      expect(parsed.unread.every((row) => row.reason.length > 0)).toBe(true)
    }
    // And every record read finds its LA: an import lists whatever it cannot place.
    const { register } = await freshRegister()
    for (const file of [FILE_2025, FILE_2023])
      expect(await run(register, file, false)).toMatchObject({ conflicts: [], unread: [] })
  })
})

describe('a dry run', () => {
  it('shows what it would add, and writes nothing', async () => {
    const { register } = await freshRegister()
    const dry = await run(register, FILE_2025, true)
    expect(dry).toMatchObject({ created: CREATED_2025, updated: 0, unchanged: 0, conflicts: [], unread: [] })
    expect(dry.changes).toContain(
      'Add 839: standard-inspection published 2018-08-24 (ilacs-2018, requires-improvement), as Bournemouth (E06000028)',
    )
    expect((await register.show('839')).records).toEqual([])
    expect(await register.latestOutcomesFile()).toBeUndefined()
  })
})

describe('a judgement recorded in the service', () => {
  it('is never overwritten: a grade the file disagrees with is a conflict for a person to settle', async () => {
    const { register, database } = await freshRegister()
    // York's 2025 inspection recorded by hand as good; Ofsted's file says outstanding.
    await publishedJudgement(database.db, {
      laCode: '816',
      framework: 'ilacs-2023',
      inspectionStart: '2025-02-24',
      inspectionEnd: '2025-03-07',
      publishedOn: '2025-04-15',
      grades: {
        overall: 'good',
        leaders: 'outstanding',
        'help-and-protection': 'outstanding',
        'children-in-care': 'outstanding',
        'care-leavers': 'outstanding',
      },
    })
    const result = await run(register, FILE_2025)
    expect(result.created).toBe(CREATED_2025 - 1)
    expect(result.conflicts).toEqual([
      {
        laCode: '816',
        sheet: 'In-year_inspections',
        row: 115,
        reason:
          "The file grades overall outstanding; the register's judgement published 2025-04-15 (manual) grades it good",
      },
    ])
    const york = (await register.show('816')).records.filter((r) => r.publishedOn === '2025-04-15')
    expect(york.map((r) => [r.source, r.grades.overall, r.inspectionEnd])).toEqual([['manual', 'good', '2025-03-07']])
  })
})

describe("adding the 2023 file's older history", () => {
  let register: RegisterService
  let result: ImportResult
  beforeAll(async () => {
    ;({ register } = await freshRegister())
    await run(register, FILE_2025)
    result = await run(register, FILE_2023)
  })

  it('adds the single inspection framework by publication date and completes nothing twice', async () => {
    expect(result).toMatchObject({ conflicts: [], unread: [], asAt: '2023-03-31' })
    const barnet = await register.show('302')
    const sif = barnet.records.find((r) => r.framework === 'sif')
    // The SIF history gives publication dates only: fieldwork stays unknown.
    expect(sif).toMatchObject({ activityType: 'sif-inspection', inspectionStart: null, publishedOn: '2017-07-07' })
    expect(sif?.grades).toMatchObject({
      overall: 'inadequate',
      'looked-after': 'inadequate',
      adoption: 'requires-improvement',
    })
    expect(await run(register, FILE_2023)).toMatchObject({ created: 0, updated: 0, conflicts: [], unread: [] })
    expect(await register.latestOutcomesFile()).toEqual({ fileName: FILE_2025, asAt: '2025-03-31' })
  })

  it('counts what it added: the SIF history and the earlier frameworks, each one once', () => {
    // LA_inspections_2009-2023 holds 219 inspections under the earlier frameworks; Northamptonshire's
    // 3 and Cumbria's 2 are held by both successors: 224. The rest are the SIF history and the
    // 2022-23 visits the 2025 file does not repeat.
    const earlier = result.changes.filter((change) => change.includes('(earlier framework'))
    expect([result.created, earlier.length, result.updated]).toEqual([461, 224, 0])
    expect(result.changes).toContain(
      'Add 301: slac-inspection published 2012-07-27 (earlier framework slac, safeguarding good, looked-after-children adequate)',
    )
  })

  it('adds the frameworks before the SIF (2009–2013) as history, "adequate" in its own word', async () => {
    // LA_inspections_2009-2023 row 6: Barking and Dagenham's safeguarding and looked after
    // children inspection, published 27 July 2012, written "Good" and "Requires improvement to
    // be good" (Ofsted's word for that framework's "adequate").
    const barking = await register.earlierInspections('301')
    expect(barking).toEqual([
      expect.objectContaining({
        framework: 'slac',
        inspectionType: 'slac-inspection',
        inspectionStart: null,
        publishedOn: '2012-07-27',
        grades: { safeguarding: 'good', 'looked-after-children': 'adequate' },
        sourceDetail: `${FILE_2023}, LA_inspections_2009-2023 row 6`,
        predecessor: null,
      }),
    ])
    // Row 165: Northamptonshire's three inspections, held by both successors, naming the former council.
    for (const laCode of ['940', '941']) {
      const northants = await register.earlierInspections(laCode)
      expect(northants.map((e) => [e.inspectionType, e.publishedOn, e.grades, e.predecessor])).toEqual([
        [
          'slac-inspection',
          '2011-05-06',
          { safeguarding: 'adequate', 'looked-after-children': 'adequate' },
          'Northamptonshire (E10000021)',
        ],
        [
          'child-protection-inspection',
          '2013-03-20',
          { 'child-protection': 'inadequate' },
          'Northamptonshire (E10000021)',
        ],
        ['tlac-inspection', '2013-08-23', { 'looked-after-children': 'inadequate' }, 'Northamptonshire (E10000021)'],
      ])
    }
  })

  it('leaves every pathway as it was: the earlier frameworks drive none', async () => {
    const withEarlier = await register.exportAll()
    expect(withEarlier.flatMap((la) => la.history).filter((entry) => entry.frameworkGrades)).not.toHaveLength(0)
    // The same register without them, read afresh: every LA's pathway and window are the same.
    const { register: fresh, database: copy } = await freshRegister()
    await run(fresh, FILE_2025)
    await run(fresh, FILE_2023)
    await sql`delete from register_earlier_inspections`.execute(copy.db)
    const without = await createRegisterService({
      db: copy.db,
      clock: fixedClock('2025-10-01T10:00:00Z'),
      config,
    }).exportAll()
    expect(without.flatMap((la) => la.history).filter((entry) => entry.frameworkGrades)).toHaveLength(0)
    expect(withEarlier.map((la) => [la.laCode, la.pathway, la.next])).toEqual(
      without.map((la) => [la.laCode, la.pathway, la.next]),
    )
  })

  it('exports them with their framework, "adequate" null in the grades and kept in frameworkGrades', async () => {
    const barking = (await register.exportAll()).find((la) => la.laCode === '301')!
    expect(barking.history[0]).toEqual({
      kind: 'judgement',
      type: 'slac-inspection',
      framework: 'slac',
      start: null,
      end: null,
      published: '2012-07-27',
      theme: null,
      grades: { overall: null, leaders: null, helpAndProtection: 'good', childrenInCare: null, careLeavers: null },
      source: `${FILE_2023}, LA_inspections_2009-2023 row 6`,
      frameworkGrades: { safeguarding: 'good', lookedAfterChildren: 'adequate' },
    })
  })
})
