import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { DEMO_MONITORING_LA, loadDemoMonitoringProgrammes } from './demo-monitoring-programmes.js'
import { loadDemoData } from './load-demo-data.js'

const TODAY = '2026-12-02'
let database: DatabaseHandle
let dataDir: string
beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = await mkdtemp(join(tmpdir(), 'demo-'))
  await loadDemoData(database.db, TODAY)
})
afterAll(async () => {
  await database.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('demo monitoring programmes (issue 12)', () => {
  it('takes Barnet’s programme to a reviewed action plan and another LA to a re-inspection decision, once', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    expect(await loadDemoMonitoringProgrammes(database.db, config, TODAY)).toBe(true)
    expect(await loadDemoMonitoringProgrammes(database.db, config, TODAY)).toBe(false)
    const services = createServices({ db: database.db, clock: fixedClock(`${TODAY}T12:00:00Z`), config })
    const all = await services.monitoring.inScope('everyone')
    const barnet = all.find((record) => record.programme.laCode === DEMO_MONITORING_LA)!
    // Barnet's report was published 19 August 2026 (demo history); the copy came five working days before.
    expect(barnet.programme.dates).toEqual({
      'pre-publication': '2026-08-12',
      'final-report': null,
      publication: '2026-08-19',
    })
    expect(barnet.programme.planningVisitOn! <= TODAY).toBe(true)
    expect(barnet.programme.recordSentOn).not.toBeNull()
    expect(barnet.recommendations.map((item) => item.ref)).toEqual(['R1', 'R2', 'R3'])
    expect(barnet.plans).toHaveLength(1)
    expect(barnet.reviews.map((review) => review.outcome)).toEqual(['reflects'])
    const decided = all.filter((record) => record.programme.decision)
    expect(decided).toHaveLength(1)
    expect(decided[0]!.programme.decision).toMatchObject({ kind: 'post-monitoring', decidedOn: '2026-11-18' })
  })
})
