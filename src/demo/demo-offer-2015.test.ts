import { describe, expect, it } from 'vitest'
import { demoDatabase } from '../test-support/demo-database.js'
import { offer2015 } from '../rules/offer-2015.js'
import { loadDemoOffers2015 } from './demo-offer-2015.js'
import { demoPrincipal } from './demo-steps.js'

const TODAY = '2026-12-02'
const demo = demoDatabase(TODAY)

describe('demo 2015 improvement offers (issue 15)', () => {
  it('takes two real LAs judged inadequate under the SIF in 2015 to satisfactory and unsatisfactory progress, once', async () => {
    const config = demo.config
    expect(await loadDemoOffers2015(demo.db, config, TODAY)).toBe(true)
    expect(await loadDemoOffers2015(demo.db, config, TODAY)).toBe(false)
    const services = demo.services()
    const director = await demoPrincipal(demo.db, 'national-director')
    const all = await services.offer2015.inScope(director)
    expect(all.map((record) => record.offer.progressJudgement).sort()).toEqual(['satisfactory', 'unsatisfactory'])
    for (const { offer, steps } of all) {
      expect(offer.publishedOn.startsWith('2015-')).toBe(true)
      expect(offer.endedOn).not.toBeNull()
      // The plan went in before the 70 working days the rules give (000#24).
      const received = steps.find((step) => step.step === 'plan.received')!.doneOn
      expect(received <= offer2015(offer.publishedOn).improvementPlanDue).toBe(true)
      expect(steps.filter((step) => step.step.startsWith('visit.'))).toHaveLength(12)
      // 000#38, #42: three review letters and the progress letter on the public list, never the first review.
      const published = await services.offer2015.published(offer.id)
      expect(published.map((publication) => publication.offerStep)).toEqual([
        'review.2',
        'review.3',
        'review.4',
        'pi.report.published',
      ])
    }
  })
})
