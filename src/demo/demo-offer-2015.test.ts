import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { offer2015 } from '../rules/offer-2015.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { loadDemoData } from './load-demo-data.js'
import { loadDemoOffers2015 } from './demo-offer-2015.js'
import { demoPrincipal } from './demo-steps.js'

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

describe('demo 2015 improvement offers (issue 15)', () => {
  it('takes two real LAs judged inadequate under the SIF in 2015 to satisfactory and unsatisfactory progress, once', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    expect(await loadDemoOffers2015(database.db, config, TODAY)).toBe(true)
    expect(await loadDemoOffers2015(database.db, config, TODAY)).toBe(false)
    const services = createServices({ db: database.db, clock: fixedClock(`${TODAY}T12:00:00Z`), config })
    const director = await demoPrincipal(database.db, 'national-director')
    const all = await services.offer2015.inScope(director)
    expect(all.map((record) => record.offer.progressJudgement).sort()).toEqual(['satisfactory', 'unsatisfactory'])
    for (const { offer, steps } of all) {
      expect(offer.publishedOn.startsWith('2015-')).toBe(true)
      expect(offer.endedOn).not.toBeNull()
      // The plan went in before the 70 working days the rules give (000#24).
      const received = steps.find((step) => step.step === 'plan.received')!.doneOn
      expect(received <= offer2015(offer.publishedOn).improvementPlanDue).toBe(true)
      expect(steps.filter((step) => step.step.startsWith('visit.'))).toHaveLength(12)
    }
  })
})
