import { describe, expect, it } from 'vitest'
import type { ActivityType } from '../types.js'
import { annexAMilestones, isAnnexANoticeFlag, timelineAfterNotice } from './annex-a.js'
import { timelineFor } from './index.js'

const byKey = (column: Parameters<typeof annexAMilestones>[0], request: string): Record<string, string> =>
  Object.fromEntries(annexAMilestones(column, request).map((item) => [item.key, item.date]))

describe('annexAMilestones (S4, 002#242; working days from the request)', () => {
  it.each([
    [
      'standard-or-short',
      '2023-06-05',
      {
        'annex-a.child-level-data': '2023-06-06',
        'annex-a.audits': '2023-06-06',
        'annex-a.management-information': '2023-06-07',
        'annex-a.case-information': '2023-06-08',
      },
    ],
    [
      'focused',
      '2023-06-06',
      {
        'annex-a.child-level-data': '2023-06-07',
        'annex-a.management-information': '2023-06-07',
        'annex-a.case-information': '2023-06-08',
      },
    ],
    [
      'monitoring',
      '2023-06-05',
      {
        'annex-a.child-level-data': '2023-06-06',
        'annex-a.management-information': '2023-06-14',
        'annex-a.case-information': '2023-06-14',
      },
    ],
    [
      'standard-or-short',
      '2022-05-26',
      {
        'annex-a.child-level-data': '2022-05-27',
        'annex-a.management-information': '2022-05-30',
        'annex-a.case-information': '2022-05-31',
      },
    ],
    [
      'monitoring',
      '2024-03-25',
      { 'annex-a.child-level-data': '2024-03-26', 'annex-a.management-information': '2024-04-05' },
    ],
  ] as const)('%s column, request %s', (column, request, expected) => {
    expect(byKey(column, request)).toMatchObject({ 'annex-a.request': request, ...expected })
  })

  it('gives every milestone rule S4 and citation 002#242', () => {
    for (const item of annexAMilestones('focused', '2023-06-06'))
      expect(item).toMatchObject({ rule: 'S4', citation: '002#242' })
  })
})

/**
 * The Annex A dates and flag of an activity of `type`, first on site `onsite`, once its notice
 * call is made on `call` (S4, through timelineAfterNotice, as the notice page uses it).
 */
function afterCall(type: ActivityType, onsite: string, call: string) {
  const planned = timelineFor(type, onsite)
  if (!planned.ok) throw new Error(planned.reason)
  const after = timelineAfterNotice(type, planned.timeline.milestones, call)
  const annexA = after.milestones.filter((item) => item.key.startsWith('annex-a.'))
  return { dates: Object.fromEntries(annexA.map((item) => [item.key, item.date])), flag: after.flag }
}

describe('Annex A dates from the notice call (S4, 002#242, #75; working days from the call)', () => {
  it('changes nothing when the call is made on the day it is due', () => {
    const result = afterCall('standard-inspection', '2027-01-18', '2027-01-11')
    expect(result.flag).toBeUndefined()
    expect(result.dates).toEqual(byKey('standard-or-short', '2027-01-11'))
  })

  it('counts the deadlines from a late call: due Monday 11 January 2027, made Tuesday 12 January', () => {
    const { dates, flag } = afterCall('standard-inspection', '2027-01-18', '2027-01-12')
    expect(dates).toEqual({
      'annex-a.request': '2027-01-12',
      'annex-a.child-level-data': '2027-01-13',
      'annex-a.audits': '2027-01-13',
      'annex-a.management-information': '2027-01-14',
      'annex-a.case-information': '2027-01-15',
    })
    expect(flag).toEqual({
      rule: 'S4',
      citation: '002#242, #75',
      message:
        'The notice was given on Tuesday 12 January 2027 (a day late: it was due on Monday 11 January 2027), so the Annex A deadlines count from that day (002#242); the first day on site does not change (002#75)',
    })
  })

  it('counts working days across Easter: due Thursday 25 March 2027, made Tuesday 30 March is a day late', () => {
    // Good Friday 26 March and Easter Monday 29 March 2027 are bank holidays (002#73 fn18).
    const { dates, flag } = afterCall('standard-inspection', '2027-04-05', '2027-03-30')
    expect(dates).toMatchObject({
      'annex-a.request': '2027-03-30',
      'annex-a.child-level-data': '2027-03-31',
      'annex-a.management-information': '2027-04-01',
      'annex-a.case-information': '2027-04-02',
    })
    expect(flag?.message).toContain('(a day late: it was due on Thursday 25 March 2027)')
  })

  it('says how many working days late a call was', () => {
    // A focused visit on site Tuesday 19 January 2027: the call is due on Tuesday 12 January (002#103).
    const { dates, flag } = afterCall('focused-visit', '2027-01-19', '2027-01-14')
    expect(flag?.message).toContain('(2 working days late:')
    expect(dates).toMatchObject({
      'annex-a.child-level-data': '2027-01-15',
      'annex-a.case-information': '2027-01-18',
    })
  })

  it('dates the request on an early call but keeps the deadlines the table gives (decision)', () => {
    const early = afterCall('standard-inspection', '2027-01-18', '2027-01-08')
    expect(early.dates).toEqual({ ...byKey('standard-or-short', '2027-01-11'), 'annex-a.request': '2027-01-08' })
    expect(early.flag?.message).toBe(
      'The notice was given on Friday 8 January 2027, before it was due on Monday 11 January 2027, so the Annex A deadlines still count from Monday 11 January 2027: never earlier than the table allows (002#242)',
    )
    expect(isAnnexANoticeFlag(early.flag!)).toBe(true)
  })
})

describe('timelineAfterNotice (S4; 002#75: fieldwork never moves)', () => {
  const planned = timelineFor('standard-inspection', '2027-01-18')
  if (!planned.ok) throw new Error('the plan is refused')
  const { milestones } = planned.timeline

  it('moves only the Annex A dates of a late call, and keeps the milestones in date order', () => {
    const after = timelineAfterNotice('standard-inspection', milestones, '2027-01-12')
    const before = new Map(milestones.map((item) => [item.key, item.date]))
    const changed = after.milestones.filter((item) => before.get(item.key) !== item.date).map((item) => item.key)
    expect(changed.sort()).toEqual([
      'annex-a.audits',
      'annex-a.case-information',
      'annex-a.child-level-data',
      'annex-a.management-information',
      'annex-a.request',
    ])
    expect(after.milestones.find((item) => item.key === 'onsite.start')?.date).toBe('2027-01-18')
    expect(after.milestones.find((item) => item.key === 'notice')?.date).toBe('2027-01-11')
    const order = after.milestones.map((item) => item.date)
    expect(order).toEqual([...order].sort())
    expect(after.flag?.rule).toBe('S4')
  })

  it('leaves a timeline without a 002#242 column as it is', () => {
    const pmi = timelineFor('post-monitoring-inspection', '2027-01-18')
    if (!pmi.ok) throw new Error('the plan is refused')
    const after = timelineAfterNotice('post-monitoring-inspection', pmi.timeline.milestones, '2027-01-20')
    expect(after).toEqual({ milestones: pmi.timeline.milestones, flag: undefined })
  })

  it('moves the Annex A dates of the activities in the 002#242 table only', () => {
    // Short inspection on site Monday 18 January 2027, visits Tuesday 19 January, each called a day late.
    expect(afterCall('short-inspection', '2027-01-18', '2027-01-12').flag?.rule).toBe('S4')
    expect(afterCall('focused-visit', '2027-01-19', '2027-01-13').flag?.rule).toBe('S4')
    expect(afterCall('monitoring-visit', '2027-01-19', '2027-01-05').flag?.rule).toBe('S4')
    expect(afterCall('progress-inspection-2015', '2027-01-18', '2027-01-12').flag).toBeUndefined()
  })
})
