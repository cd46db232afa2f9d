import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../clock.js'
import { createServices } from '../areas/index.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { loadDemoMonitoring } from './demo-monitoring.js'
import { demoPrincipal } from './demo-steps.js'
import { loadDemoData } from './load-demo-data.js'

let database: DatabaseHandle
let dataDir: string
beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = await mkdtemp(join(tmpdir(), 'demo-'))
  await loadDemoData(database.db, '2026-11-23')
})
afterAll(async () => {
  await database.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('demo monitoring visits', () => {
  it('holds two visits of an inadequate LA, the first letter not published, and plans another’s first, once', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    expect(await loadDemoMonitoring(database.db, config, '2026-11-23')).toBe(true)
    expect(await loadDemoMonitoring(database.db, config, '2026-11-23')).toBe(false)
    const services = createServices({ db: database.db, clock: fixedClock('2026-11-23T12:00:00Z'), config })
    const director = await demoPrincipal(database.db, 'national-director')
    const visits = await database.db
      .selectFrom('activities')
      .select(['la_code', 'status'])
      .where('type', '=', 'monitoring-visit')
      .orderBy('onsite_start')
      .execute()
    const [held, planned] = [...new Set(visits.map((visit) => visit.la_code))]
    const heldVisits = await services.activities.monitoringOf(director, held!)
    expect(heldVisits.map((visit) => [visit.monitoring?.visitNumber, visit.status, visit.letterPublished])).toEqual([
      [1, 'published', false],
      [2, 'published', true],
    ])
    const letters = await database.db
      .selectFrom('publications')
      .select('public')
      .where('la_code', '=', held!)
      .where('kind', '=', 'monitoring-visit-letter')
      .orderBy('fieldwork_start')
      .execute()
    expect(letters.map((letter) => letter.public)).toEqual([false, true])
    const plannedVisits = await services.activities.monitoringOf(director, planned!)
    expect(plannedVisits.map((visit) => [visit.monitoring?.visitNumber, visit.status])).toEqual([[1, 'planned']])
    expect(plannedVisits[0]!.onsiteStart > '2026-11-23').toBe(true)
  })
})
