import { describe, expect, it } from 'vitest'
import {
  checkActionPlanningVisitDate,
  programmeAnchor,
  programmeDeadlines,
  reinspectionUrgency,
} from './monitoring-programme.js'

describe('programmeAnchor (M3; 001#7, #49; 002#219; 000#10)', () => {
  it('counts from the pre-publication copy when its receipt is recorded', () => {
    expect(
      programmeAnchor({ 'pre-publication': '2023-03-01', 'final-report': '2023-03-06', publication: '2023-03-20' }),
    ).toMatchObject({ anchor: 'pre-publication', date: '2023-03-01', provisional: false, citation: '001#7, #49' })
  })

  it('stands in the final report, then publication, and says it is provisional', () => {
    expect(programmeAnchor({ 'final-report': '2023-03-06', publication: '2023-03-20' })).toMatchObject({
      anchor: 'final-report',
      provisional: true,
    })
    expect(programmeAnchor({ publication: '2023-03-20' })?.why).toContain('until the day the local authority received')
    expect(programmeAnchor({})).toBeUndefined()
  })
})

describe('programmeDeadlines (M2, M3, M6)', () => {
  it('counts every deadline from the pre-publication copy received Wednesday 1 March 2023, over Easter and May 2023', () => {
    const result = programmeDeadlines({ 'pre-publication': '2023-03-01', publication: '2023-03-20' })!
    const byKey = Object.fromEntries(result.deadlines.map((deadline) => [deadline.key, deadline]))
    expect(byKey['action-planning-visit.earliest']?.date).toBe('2023-04-05')
    expect(byKey['action-planning-visit.latest']?.date).toBe('2023-04-21')
    expect(byKey['action-plan.due']).toMatchObject({ date: '2023-06-14', countsFrom: 'pre-publication', rule: 'M3' })
    expect(byKey['reinspection.latest']?.date).toBe('2025-06-14')
    // Counted from publication (Monday 20 March 2023) the plan would be due 13 working days later.
    expect(byKey['action-plan.due']?.otherReadings).toEqual([
      { anchor: 'publication', date: '2023-07-03', citation: '000#10; 004#Key messages' },
    ])
  })
})

describe('checkActionPlanningVisitDate (M2, 001#10)', () => {
  it('accepts a working day 25 to 35 working days after the report was received', () => {
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-14')).toEqual({ ok: true, workingDaysAfter: 30 })
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-05')).toMatchObject({ ok: true, workingDaysAfter: 25 })
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-21')).toMatchObject({ ok: true, workingDaysAfter: 35 })
  })

  it('refuses a day too early, too late or not a working day (Good Friday 7 April 2023)', () => {
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-04')).toMatchObject({ ok: false, rule: 'M2' })
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-24')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('36 working days after'),
    })
    expect(checkActionPlanningVisitDate('2023-03-01', '2023-04-07')).toMatchObject({
      ok: false,
      reason: '7 April 2023 is not a working day: choose a working day for the visit',
    })
  })
})

describe('reinspectionUrgency (M6, 001#49)', () => {
  it('is near from 91 days before the latest date, and passed after it', () => {
    expect(reinspectionUrgency('2025-06-14', '2025-03-14')).toBe('not-yet')
    expect(reinspectionUrgency('2025-06-14', '2025-03-15')).toBe('near')
    expect(reinspectionUrgency('2025-06-14', '2025-06-14')).toBe('near')
    expect(reinspectionUrgency('2025-06-14', '2025-06-15')).toBe('passed')
  })
})
