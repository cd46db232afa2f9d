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

const opened: DatabaseHandle[] = []
async function freshRegister(): Promise<{ register: RegisterService; database: DatabaseHandle }> {
  const database = await createTestDatabase()
  opened.push(database)
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'silent' })
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
  it('adds the single inspection framework by publication date and completes nothing twice', async () => {
    const { register } = await freshRegister()
    await run(register, FILE_2025)
    const result = await run(register, FILE_2023)
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
})
