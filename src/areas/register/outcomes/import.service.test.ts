import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../auth/audit.js'
import { fixedClock } from '../../../clock.js'
import { loadConfig } from '../../../config.js'
import type { DatabaseHandle } from '../../../db/database.js'
import { createTestDatabase } from '../../../test-support/test-db.js'
import { createRegisterService, type RegisterService } from '../service.js'
import { dataFile } from './import.service.js'

/**
 * The importer against the real files the project ships (data/ofsted-outcomes/). The counts were
 * read from the files themselves (LibreOffice, and the rows of each sheet below its header):
 * ILACS_inspection_history has 271 inspections (268 of current LAs; Bournemouth 2018, Cumbria
 * 2022 and Northamptonshire 2019 of former councils, the last two each held by both successors,
 * so 273 records); In-year_inspections has 36 focused visits and 24 monitoring visits, and its 52
 * inspections and the 153 latest judgements are all in the history.
 */
const FILE_2025 = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
const FILE_2023 = 'Childrens_social_care_in_England_2023_underlying_data.ods'

describe("importing Ofsted's published outcomes", () => {
  let database: DatabaseHandle
  let register: RegisterService
  beforeAll(async () => {
    database = await createTestDatabase()
    const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'silent' })
    register = createRegisterService({ db: database.db, clock: fixedClock('2025-10-01T10:00:00Z'), config })
  })
  afterAll(() => database.close())

  const run = (file: string, dryRun = false) =>
    register.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file, { dryRun })

  it('shows in a dry run what it would add, and writes nothing', async () => {
    const dry = await run(FILE_2025, true)
    expect(dry).toMatchObject({ created: 273 + 60, updated: 0, unchanged: 0, conflicts: [], unread: [] })
    expect(dry.changes).toContain(
      'Add 839: standard-inspection published 2018-08-24 (ilacs-2018, requires-improvement), as Bournemouth (E06000028)',
    )
    expect((await register.show('839')).records).toEqual([])
  })

  it('loads every ILACS inspection and visit of the 2025 file, with nothing left unread', async () => {
    const result = await run(FILE_2025)
    expect(result).toMatchObject({ created: 333, updated: 0, unchanged: 0, conflicts: [], unread: [] })
    const york = await register.show('816')
    expect(york.records.map((r) => [r.activityType, r.inspectionStart, r.inspectionEnd, r.publishedOn])).toContainEqual(
      ['standard-inspection', '2025-02-24', null, '2025-04-15'],
    )
    const latest = york.records.find((r) => r.publishedOn === '2025-04-15')
    expect(latest?.framework).toBe('ilacs-2023')
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
    const north = (await register.show('940')).records.map((r) => r.predecessor)
    expect(north).toContain('Northamptonshire (E10000021)')
  })

  it('changes nothing when the same file is imported again', async () => {
    const again = await run(FILE_2025)
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 333, conflicts: [], unread: [] })
  })

  it('adds the 2023 file’s single inspection framework history and 2022-23 visits, completing nothing twice', async () => {
    const result = await run(FILE_2023)
    expect(result.conflicts).toEqual([])
    expect(result.unread).toEqual([])
    const barnet = await register.show('302')
    const sif = barnet.records.find((r) => r.framework === 'sif')
    expect(sif).toMatchObject({ activityType: 'sif-inspection', inspectionStart: null, publishedOn: '2017-07-07' })
    expect(sif?.grades.overall).toBe('inadequate')
    const again = await run(FILE_2023)
    expect(again).toMatchObject({ created: 0, updated: 0, conflicts: [], unread: [] })
    // The register says it holds Ofsted's outcomes as published at 31 March 2025, the later file.
    expect(result.asAt).toBe('2023-03-31')
    expect(await register.latestOutcomesFile()).toEqual({ fileName: FILE_2025, asAt: '2025-03-31' })
  })
})
