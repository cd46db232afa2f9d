import { describe, expect, it } from 'vitest'
import { type PathwayStatus, pathwayStatus } from '../../rules/pathways.js'
import { fieldworkFromMilestones } from './fieldwork.js'
import {
  buildMonths,
  capacityByMonth,
  loadByWeek,
  mondaysOf,
  monthLabel,
  monthsFrom,
  onLeaveAllWeek,
  overdueLas,
  windowsByMonth,
} from './plan-model.js'
import type { PlanActivity, PlanLa } from './types.js'

const TODAY = '2026-11-23'
function pathway(published: string, overall: 'good' | 'requires-improvement' = 'requires-improvement'): PathwayStatus {
  const outcome = pathwayStatus([{ published, type: 'standard-inspection', overall }], TODAY)
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
}

// Kent: due 1 January 2027 to 1 January 2028. Medway: due 1 September 2025 to 1 September 2026 (overdue).
// Surrey: due 15 March 2027 to 15 March 2028. Slough: no judgement.
const KENT: PlanLa = {
  laCode: '886',
  name: 'Kent',
  regionCode: 'SE',
  regionName: 'South East',
  pathway: pathway('2024-07-01'),
}
const MEDWAY: PlanLa = {
  laCode: '887',
  name: 'Medway',
  regionCode: 'SE',
  regionName: 'South East',
  pathway: pathway('2023-03-01', 'good'),
}
const SURREY: PlanLa = {
  laCode: '936',
  name: 'Surrey',
  regionCode: 'SE',
  regionName: 'South East',
  pathway: pathway('2024-09-15'),
}
const SLOUGH: PlanLa = { laCode: '871', name: 'Slough', regionCode: 'SE', regionName: 'South East', pathway: undefined }

function activity(
  id: string,
  laCode: string,
  type: PlanActivity['type'],
  onsiteStart: string,
  onsiteEnd: string,
  extra: Partial<PlanActivity> = {},
): PlanActivity {
  const fieldwork = fieldworkFromMilestones(onsiteStart, [{ key: 'onsite.end', date: onsiteEnd }])
  return {
    id,
    reference: `${laCode}-${id}`,
    laCode,
    laName: laCode,
    regionCode: 'SE',
    type,
    variant: null,
    status: 'planned',
    fieldwork,
    onsite: [],
    lead: undefined,
    checks: [],
    ...extra,
  }
}

describe('months', () => {
  it('counts months across a year end and names them', () => {
    expect(monthsFrom('2026-11', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthLabel('2027-03')).toBe('March 2027')
  })
  it('gives the Mondays of the weeks beginning in a month', () => {
    expect(mondaysOf('2027-03')).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29'])
    expect(mondaysOf('2027-02')).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'])
  })
})

describe('buildMonths', () => {
  const months = monthsFrom('2027-01', 3)

  it('lists windows opening with nothing planned, and drops an LA once its judgement inspection is planned', () => {
    const empty = buildMonths([KENT, MEDWAY, SURREY, SLOUGH], [], months)
    expect(empty.map((month) => month.opening.map((la) => la.name))).toEqual([['Kent'], [], ['Surrey']])
    const planned = buildMonths(
      [KENT, MEDWAY, SURREY],
      [activity('si', '886', 'standard-inspection', '2027-03-01', '2027-03-12')],
      months,
    )
    expect(planned.map((month) => month.opening.map((la) => la.name))).toEqual([[], [], ['Surrey']])
    expect(planned[2]!.activities.map((item) => item.id)).toEqual(['si'])
  })

  it('does not count a focused visit, a cancelled inspection or one before the latest judgement as planned', () => {
    const activities = [
      activity('fv', '886', 'focused-visit', '2027-02-02', '2027-02-03'),
      activity('cancelled', '886', 'standard-inspection', '2027-03-01', '2027-03-12', { status: 'cancelled' }),
      activity('old', '886', 'standard-inspection', '2024-05-06', '2024-05-17', { status: 'published' }),
    ]
    expect(buildMonths([KENT], activities, months)[0]!.opening.map((la) => la.name)).toEqual(['Kent'])
  })

  it('lists windows closing with nothing planned', () => {
    const closing = buildMonths([KENT, SURREY], [], monthsFrom('2028-01', 3))
    expect(closing.map((month) => month.closing.map((la) => la.name))).toEqual([['Kent'], [], ['Surrey']])
  })

  it('shows only the LAs in scope', () => {
    const plan = buildMonths([KENT], [activity('si', '887', 'short-inspection', '2027-01-11', '2027-01-15')], months)
    expect(plan[0]!.activities).toEqual([])
  })
})

describe('overdueLas', () => {
  it('finds Medway overdue, with its planned short inspection once there is one', () => {
    expect(
      overdueLas<PlanActivity>([KENT, MEDWAY, SLOUGH], []).map((item) => [item.la.name, item.planned?.id]),
    ).toEqual([['Medway', undefined]])
    const planned = activity('sh', '887', 'short-inspection', '2027-01-11', '2027-01-15')
    expect(overdueLas([MEDWAY], [planned]).map((item) => item.planned?.id)).toEqual(['sh'])
  })
})

describe('capacityByMonth', () => {
  // A standard inspection on site 1-12 March 2027 with a team of two (usual team four: 002#52),
  // and a focused visit 2-3 February with a team of three (usual two: 002#103).
  const activities = [
    activity('si', '886', 'standard-inspection', '2027-03-01', '2027-03-12', {
      onsite: [
        { userId: 'a', name: 'A', days: [] },
        { userId: 'b', name: 'B', days: [] },
      ],
    }),
    activity('fv', '887', 'focused-visit', '2027-02-02', '2027-02-03', {
      onsite: ['a', 'b', 'c'].map((userId) => ({ userId, name: userId, days: [] })),
    }),
    activity('gone', '887', 'standard-inspection', '2027-03-01', '2027-03-12', { status: 'cancelled' }),
  ]

  it('counts inspector-weeks needed (the team or the usual team, whichever is larger) against available', () => {
    const months = capacityByMonth(['2027-02', '2027-03'], activities, ['a', 'b', 'c'], [], 1)
    expect(months).toEqual([
      { month: '2027-02', label: 'February 2027', activities: 1, needed: 3, available: 12 },
      { month: '2027-03', label: 'March 2027', activities: 1, needed: 8, available: 15 },
    ])
  })

  it('takes out weeks of leave and scales with the weekly limit', () => {
    const leave = [{ userId: 'a', startsOn: '2027-03-01', endsOn: '2027-03-14' }]
    expect(capacityByMonth(['2027-03'], activities, ['a', 'b', 'c'], leave, 2)[0]!.available).toBe(26)
  })

  it('needs the whole working week on leave to take a week out (Easter Monday is not a working day)', () => {
    expect(onLeaveAllWeek('a', '2027-03-29', [{ userId: 'a', startsOn: '2027-03-30', endsOn: '2027-04-02' }])).toBe(
      true,
    )
    expect(onLeaveAllWeek('a', '2027-03-22', [{ userId: 'a', startsOn: '2027-03-23', endsOn: '2027-03-26' }])).toBe(
      false,
    )
  })
})

describe('windowsByMonth', () => {
  it('counts windows opening and judgement inspections planned per month', () => {
    const activities = [
      activity('si', '886', 'standard-inspection', '2027-03-01', '2027-03-12'),
      activity('fv', '936', 'focused-visit', '2027-03-02', '2027-03-03'),
    ]
    expect(windowsByMonth(['2027-01', '2027-03'], [KENT, SURREY], activities)).toEqual([
      { month: '2027-01', label: 'January 2027', opening: 1, planned: 0 },
      { month: '2027-03', label: 'March 2027', opening: 1, planned: 1 },
    ])
  })
})

describe('loadByWeek', () => {
  it('marks a week over the limit and counts days of leave', () => {
    const activities = [
      activity('fv1', '886', 'focused-visit', '2027-03-02', '2027-03-03', {
        onsite: [{ userId: 'a', name: 'A', days: ['2027-03-02', '2027-03-03'] }],
      }),
      activity('si', '887', 'standard-inspection', '2027-03-01', '2027-03-12', {
        onsite: [{ userId: 'a', name: 'A', days: ['2027-03-01'] }],
      }),
    ]
    const load = loadByWeek(
      ['a'],
      ['2027-03-01', '2027-03-08'],
      activities,
      [{ userId: 'a', startsOn: '2027-03-10', endsOn: '2027-03-20' }],
      1,
    )
    expect(load.get('a')).toEqual([
      {
        week: '2027-03-01',
        activities: [
          { id: 'fv1', reference: '886-fv1', days: 2 },
          { id: 'si', reference: '887-si', days: 1 },
        ],
        leaveDays: 0,
        over: true,
      },
      { week: '2027-03-08', activities: [], leaveDays: 3, over: false },
    ])
  })
})
