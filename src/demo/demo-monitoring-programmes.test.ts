import { describe, expect, it } from 'vitest'
import { demoDatabase } from '../test-support/demo-database.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { DEMO_MONITORING_LA, loadDemoMonitoringProgrammes } from './demo-monitoring-programmes.js'

const TODAY = '2026-12-02'
const demo = demoDatabase(TODAY)

describe('demo monitoring programmes (issue 12)', () => {
  it('takes Barnet’s (or the longest-standing inadequate LA’s) programme to a reviewed action plan and another LA to a re-inspection decision, once', async () => {
    const config = demo.config
    expect(await loadDemoMonitoringProgrammes(demo.db, config, TODAY)).toBe(true)
    expect(await loadDemoMonitoringProgrammes(demo.db, config, TODAY)).toBe(false)
    const services = demo.services()
    const all = await services.monitoring.inScope('everyone')
    const barnet =
      all.find((record) => record.programme.laCode === DEMO_MONITORING_LA) ??
      all.find((record) => record.plans.length > 0)!
    // The copy before publication came five working days before it (002#216).
    const { publication, 'pre-publication': received } = barnet.programme.dates
    expect(received).toBe(addWorkingDays(publication!, -5))
    expect(barnet.programme.planningVisitOn! <= TODAY).toBe(true)
    expect(barnet.programme.recordSentOn).not.toBeNull()
    expect(barnet.recommendations.map((item) => item.ref)).toEqual(['R1', 'R2', 'R3'])
    expect(barnet.plans).toHaveLength(1)
    expect(barnet.reviews.map((review) => review.outcome)).toEqual(['reflects'])
    const decided = all.filter((record) => record.programme.decision)
    expect(decided).toHaveLength(1)
    expect(decided[0]!.programme.decision).toMatchObject({ kind: 'post-monitoring', decidedOn: '2026-11-18' })
    expect(decided[0]!.programme.laCode).not.toBe(barnet.programme.laCode)
  })
})
