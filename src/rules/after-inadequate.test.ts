import { describe, expect, it } from 'vitest'
import {
  actionPlanAfter,
  actionPlanningVisitAgendaDue,
  afterInadequate,
  afterReinspection,
  reinspectionKind,
} from './after-inadequate.js'

describe('afterInadequate (M2–M6; 001#10, #19, #23, #49; 002#116, #128; 003)', () => {
  it('counts from a report received on Wednesday 1 March 2023, over Easter and the May 2023 holidays', () => {
    const result = afterInadequate('2023-03-01')
    expect(result).toMatchObject({
      actionPlanningVisit: { earliest: '2023-04-05', about: '2023-04-14', latest: '2023-04-21' },
      actionPlanDue: '2023-06-14',
      firstMonitoringVisitBy: '2023-07-12',
      reinspection: { earliest: '2024-06-14', latest: '2025-06-14', minimumMonitoringVisits: 4 },
      monitoringVisits: { minimum: 4, maximum: 6 },
    })
  })

  it('names the rule of every date', () => {
    const milestones = afterInadequate('2023-03-01').milestones
    expect(milestones.find((item) => item.key === 'action-plan.due')).toMatchObject({ rule: 'M3', date: '2023-06-14' })
    expect(milestones.find((item) => item.key === 'action-planning-visit.latest')).toMatchObject({
      rule: 'M2',
      citation: '001#10',
    })
    expect(milestones.find((item) => item.key === 'reinspection.latest')).toMatchObject({ rule: 'M6' })
  })

  it('shows 20 working days as the other reading of "four weeks" (M4)', () => {
    // Report received 1 December 2022 (Christmas and New Year substitutes inside): plan due
    // 14 March 2023; 28 days later is 11 April, 20 WD later crosses Easter 2023 to 13 April.
    const result = afterInadequate('2022-12-01')
    const first = result.milestones.find((item) => item.key === 'monitoring-visit.first-by')
    expect(result.actionPlanDue).toBe('2023-03-14')
    expect(first?.date).toBe('2023-04-11')
    expect(first?.alternatives?.[0]?.date).toBe('2023-04-13')
  })

  it('shows 24 months from an early submission beside 24 months from the deadline (M6)', () => {
    const result = afterInadequate('2023-03-01', { actionPlanSubmitted: '2023-05-31' })
    expect(result.reinspection.latest).toBe('2025-06-14')
    expect(result.reinspection.latestFromSubmission).toBe('2025-05-31')
  })

  it('circulates the action planning visit agenda five working days before (M2, 001#14)', () => {
    expect(actionPlanningVisitAgendaDue('2023-04-14')).toBe('2023-04-05')
  })
})

describe('reinspectionKind (M7; 001#51, 003#Next steps)', () => {
  it.each([
    [['inadequate', 'inadequate', 'inadequate'], {}, 'full', 'full'],
    [['inadequate', 'inadequate', 'requires-improvement'], {}, 'full', 'post-monitoring-possible'],
    [['inadequate', 'good', 'requires-improvement'], {}, 'post-monitoring-possible', 'post-monitoring-possible'],
    [['inadequate', 'good', 'requires-improvement'], { possibleDecline: true }, 'full', 'full'],
  ] as const)('%j %j → %s (001#51 reading), %s (003 reading)', (grades, extra, allOrMost, all) => {
    expect(reinspectionKind({ grades: [...grades], ...extra })).toMatchObject({
      rule: 'M7',
      kind: allOrMost,
      readings: { allOrMost, all },
    })
  })
})

describe('afterReinspection (M9) and actionPlanAfter (M10)', () => {
  it('restarts monitoring when still inadequate, publishing the first letter (001#67, 002 fn28)', () => {
    expect(afterReinspection('inadequate')).toMatchObject({
      rule: 'M9',
      monitoringRestarts: true,
      firstLetterPublished: true,
    })
    expect(afterReinspection('requires-improvement')).toMatchObject({ monitoringRestarts: false })
  })

  it.each([
    ['standard-inspection', true, 'M3'],
    ['focused-visit', true, 'M10'],
    ['monitoring-visit', false, 'M10'],
  ] as const)('%s → action plan required %s (%s)', (type, required, rule) => {
    expect(actionPlanAfter(type)).toMatchObject({ required, rule })
  })
})
