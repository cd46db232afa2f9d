import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../rules/history.js'
import { type PathwayStatus, pathwayStatus } from '../../rules/pathways.js'
import { type Fieldwork, fieldworkFromMilestones, weekOf, workingDaysFrom } from './fieldwork.js'
import {
  type BookedActivity,
  type CheckContext,
  type Leave,
  type Proposal,
  type ProposalCheck,
  plannedActivityChecks,
  proposalChecks,
} from './proposal-checks.js'

// Every LA below last had a judgement published on Monday 1 July 2024, so its next judgement
// inspection is due from 1 January 2027 to 1 January 2028 (P8: three years after publication,
// six months either side, 002#13).
const TODAY = '2026-11-23'
function pathwayOf(overall: 'good' | 'requires-improvement' | 'inadequate', extra: HistoryEntry[] = []): PathwayStatus {
  const outcome = pathwayStatus([{ published: '2024-07-01', type: 'standard-inspection', overall }, ...extra], TODAY)
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
}
const PATHWAY_1 = pathwayOf('good')
const PATHWAY_2 = pathwayOf('requires-improvement')
const PATHWAY_3 = pathwayOf('inadequate')
// Judged requires improvement on 5 January 2026: nothing is due until July 2028, so a focused visit is the usual choice (002#9).
const RECENT = (() => {
  const outcome = pathwayStatus(
    [{ published: '2026-01-05', type: 'standard-inspection', overall: 'requires-improvement' }],
    TODAY,
  )
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
})()

const ALEX = { userId: 'alex', name: 'Alex Inspector', lead: true }
const SAM = { userId: 'sam', name: 'Sam Inspector', lead: false }

function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    laCode: '886',
    laName: 'Kent',
    type: 'standard-inspection',
    variant: null,
    onsiteStart: '2027-03-01',
    inspectors: [],
    ...overrides,
  }
}

/** A planned activity on real dates: the fieldwork of a standard inspection, short inspection or focused visit. */
function booked(
  id: string,
  overrides: Partial<BookedActivity> & {
    onsiteStart: string
    onsiteEnd?: string
    notice?: string
    team?: Array<{ userId: string; days?: string[] }>
  },
): BookedActivity {
  const type = overrides.type ?? 'focused-visit'
  const onsiteEnd = overrides.onsiteEnd ?? overrides.onsiteStart
  const notice = overrides.notice ?? overrides.onsiteStart
  const fieldwork: Fieldwork = fieldworkFromMilestones(overrides.onsiteStart, [
    { key: 'notice', date: notice },
    { key: 'onsite.end', date: onsiteEnd },
  ])
  return {
    id,
    reference: overrides.reference ?? `${overrides.laCode ?? '886'}-${id}`,
    laCode: overrides.laCode ?? '886',
    laName: overrides.laName ?? 'Kent',
    type,
    status: overrides.status ?? 'planned',
    fieldwork,
    onsite: (overrides.team ?? []).map((member) => ({
      userId: member.userId,
      name: member.userId,
      days: member.days ?? fieldwork.onsiteDays,
    })),
  }
}

function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return { pathway: PATHWAY_2, activities: [], leave: [], weeklyLimit: 1, ...overrides }
}

const summary = (checks: readonly ProposalCheck[]) => checks.map((check) => `${check.severity} ${check.rule}`)

// A focused visit of Kent, Tuesday 2 to Wednesday 3 March 2027 (notice Tuesday 23 February).
const KENT_FV_MARCH = (id: string, extra: Partial<Parameters<typeof booked>[1]> = {}) =>
  booked(id, { onsiteStart: '2027-03-02', onsiteEnd: '2027-03-03', notice: '2027-02-23', ...extra })
// A standard inspection of Medway, Monday 1 to Friday 12 March 2027 (notice Monday 22 February).
const MEDWAY_SI_MARCH = (team: Array<{ userId: string; days?: string[] }>) =>
  booked('medway-si', {
    laCode: '887',
    laName: 'Medway',
    type: 'standard-inspection',
    onsiteStart: '2027-03-01',
    onsiteEnd: '2027-03-12',
    notice: '2027-02-22',
    team,
  })

describe('proposalChecks on real calendar dates', () => {
  it.each<[string, Proposal, CheckContext, string[]]>([
    ['a standard inspection within its due window, no inspectors named: nothing to check', proposal(), context(), []],
    // C5 and C3 (002#14, 002#52-53): Monday 28 December 2026 is the Boxing Day substitute bank holiday.
    [
      'a start on Monday 28 December 2026: refused (bank holiday) and over Christmas',
      proposal({ onsiteStart: '2026-12-28' }),
      context(),
      ['error C5', 'warning C3', 'warning P4'],
    ],
    [
      'a standard inspection starting on Tuesday 12 January 2027: refused, not a Monday (C5)',
      proposal({ onsiteStart: '2027-01-12' }),
      context(),
      ['error C5'],
    ],
    [
      'a start on Monday 4 January 2027: notice moves to Wednesday 23 December, schedule columns flagged (S2)',
      proposal({ onsiteStart: '2027-01-04' }),
      context(),
      ['warning S2', 'warning S2', 'warning S2', 'warning S2', 'warning S2'],
    ],
    [
      'a focused visit in August 2027: only by agreement or if concerns arise (C3)',
      proposal({ type: 'focused-visit', onsiteStart: '2027-08-03' }),
      context(),
      ['warning C3', 'warning P4'],
    ],
    ['a standard inspection in August 2027 (C3)', proposal({ onsiteStart: '2027-08-02' }), context(), ['warning C3']],
    [
      'a standard inspection before the due window opens (P4, 002#13)',
      proposal({ onsiteStart: '2026-12-07' }),
      context(),
      ['warning P4'],
    ],
    [
      'a standard inspection after the due window closes: overdue (P4)',
      proposal({ onsiteStart: '2028-01-17' }),
      context(),
      ['warning P4'],
    ],
    [
      'a standard inspection for pathway 1: usually a short inspection (002#17, #19)',
      proposal(),
      context({ pathway: PATHWAY_1 }),
      ['warning P4'],
    ],
    [
      'a short inspection for pathway 1 in its window',
      proposal({ type: 'short-inspection' }),
      context({ pathway: PATHWAY_1 }),
      [],
    ],
    ['a short inspection for pathway 2 (002#20)', proposal({ type: 'short-inspection' }), context(), ['error P2']],
    [
      'a short inspection for pathway 3 (002#22-23)',
      proposal({ type: 'short-inspection' }),
      context({ pathway: PATHWAY_3 }),
      ['error P3', 'warning P3'],
    ],
    ['an LA with no graded judgement (P5)', proposal(), context({ pathway: undefined }), ['warning P5']],
  ])('%s', (_name, given, ctx, expected) => {
    expect(summary(proposalChecks(given, ctx).checks)).toEqual(expected)
  })

  it('says a pathway 1 standard inspection before the window may be brought forward on deterioration (002#19)', () => {
    const { checks } = proposalChecks(proposal({ onsiteStart: '2026-12-07' }), context({ pathway: PATHWAY_1 }))
    expect(checks).toHaveLength(2)
    expect(checks[1]!.message).toBe(
      'The first day on site, Monday 7 December 2026, is before the due window of Kent (1 January 2027 to 1 January 2028): standard and short inspections usually take place within six months either side of the three-year anniversary',
    )
    expect(checks[1]!.note).toMatch(
      /brought forward, when intelligence suggests a significant deterioration.*\(002#19\)/,
    )
  })

  it('explains the refusal of 28 December 2026 with the rules core’s reason', () => {
    const { checks, fieldwork } = proposalChecks(proposal({ onsiteStart: '2026-12-28' }), context())
    expect(fieldwork).toBeUndefined()
    expect(checks[0]).toEqual({
      rule: 'C5',
      citation: '002#52-53',
      severity: 'error',
      message:
        "2026-12-28 is a bank holiday in England and Wales: Boxing Day (substitute day); a standard inspection's fieldwork must start on a working day",
    })
    expect(checks[1]!.message).toBe(
      'The standard inspection would begin over Christmas and New Year (Monday 28 December 2026); inspections do not usually begin then',
    )
  })
})

describe('focused visits for the pathway (P1, P2, P3, P7)', () => {
  const third = proposal({ type: 'focused-visit', onsiteStart: '2027-06-15' })
  it.each<[string, CheckContext, string[]]>([
    ['a first focused visit for pathway 2', context({ activities: [] }), ['warning P4']],
    [
      'a third focused visit for a pathway 2 LA (002#21, #24)',
      context({ activities: [KENT_FV_MARCH('fv1'), booked('fv2', { onsiteStart: '2025-06-03' })] }),
      ['error P2', 'warning P4'],
    ],
    [
      'a second focused visit for pathway 1: over the usual one (002#18), within the table’s two (002#24)',
      context({ pathway: PATHWAY_1, activities: [booked('fv1', { onsiteStart: '2025-06-03' })] }),
      ['warning P4', 'warning P1'],
    ],
    [
      'a third focused visit for pathway 1: over the 002#24 table’s two',
      context({
        pathway: PATHWAY_1,
        activities: [booked('fv1', { onsiteStart: '2025-06-03' }), booked('fv2', { onsiteStart: '2026-03-03' })],
      }),
      ['error P1', 'warning P4'],
    ],
    ['a focused visit for pathway 3 (002#22)', context({ pathway: PATHWAY_3 }), ['error P3']],
    [
      'cancelled and deferred visits, and visits before the latest judgement, do not count',
      context({
        activities: [
          booked('c', { onsiteStart: '2025-06-03', status: 'cancelled' }),
          booked('d', { onsiteStart: '2026-06-02', status: 'deferred' }),
          booked('old', { onsiteStart: '2024-03-05' }),
          booked('other-la', { onsiteStart: '2025-06-03', laCode: '887' }),
        ],
      }),
      ['warning P4'],
    ],
  ])('%s', (_name, ctx, expected) => {
    expect(summary(proposalChecks(third, ctx).checks)).toEqual(expected)
  })

  it('shows both readings of pathway 1 on a second focused visit', () => {
    const check = proposalChecks(
      third,
      context({
        pathway: PATHWAY_1,
        activities: [booked('fv1', { onsiteStart: '2025-06-03', reference: '886-FV-2025-06-03' })],
      }),
    ).checks.find((item) => item.rule === 'P1')
    expect(check).toMatchObject({ rule: 'P1', citation: '002#18', severity: 'warning' })
    expect(check!.message).toBe(
      'This would be focused visit 2 for Kent since its latest judgement, published 1 July 2024 (already planned: 886-FV-2025-06-03); pathway 1 usually receives one focused visit or a JTAI between inspections (002#18)',
    )
    expect(check!.note).toMatch(/002#24 table allows up to two/)
  })

  it('counts the register’s published focused visits too', () => {
    const pathway = pathwayOf('requires-improvement', [
      { published: '2025-02-01', type: 'focused-visit' },
      { published: '2025-09-01', type: 'focused-visit' },
    ])
    expect(summary(proposalChecks(third, context({ pathway })).checks)).toEqual(['error P2', 'warning P4'])
  })
})

describe('clashes in the same LA (PC1)', () => {
  // Kent's standard inspection, notice Monday 22 February, on site 1-12 March 2027.
  const kentSi = booked('kent-si', {
    type: 'standard-inspection',
    onsiteStart: '2027-03-01',
    onsiteEnd: '2027-03-12',
    notice: '2027-02-22',
    reference: '886-SI-2027-03-01',
  })
  // Every row also warns that Kent's judgement inspection is due, so a focused visit is not the usual choice (P4, 002#9).
  it.each<[string, string, string, string[]]>([
    [
      'a focused visit whose notice (Tuesday 9 March) falls in the inspection’s fieldwork',
      '2027-03-16',
      'planned',
      ['error PC1', 'warning P4'],
    ],
    ['a focused visit the week after (notice Tuesday 16 March)', '2027-03-23', 'planned', ['warning P4']],
    ['a focused visit over a cancelled inspection', '2027-03-02', 'cancelled', ['warning P4']],
    ['a focused visit over a deferred inspection', '2027-03-02', 'deferred', ['warning P4']],
  ])('%s', (_name, onsiteStart, status, expected) => {
    const checks = proposalChecks(
      proposal({ type: 'focused-visit', onsiteStart }),
      context({ activities: [{ ...kentSi, status }] }),
    ).checks
    expect(summary(checks)).toEqual(expected)
  })

  it('warns that a second judgement inspection in one cycle is unusual (P7, 002#24)', () => {
    const checks = proposalChecks(proposal({ onsiteStart: '2027-06-14' }), context({ activities: [kentSi] })).checks
    expect(summary(checks)).toEqual(['warning P7'])
    expect(checks[0]!.message).toBe(
      'Kent already has a standard inspection planned from Monday 1 March 2027 (886-SI-2027-03-01); the 002#24 table gives one standard or short inspection in a three-year period',
    )
  })

  it('names the clashing activity and both periods', () => {
    const [check] = proposalChecks(
      proposal({ type: 'focused-visit', onsiteStart: '2027-03-16' }),
      context({ activities: [kentSi] }),
    ).checks
    expect(check!.message).toBe(
      'Clashes with 886-SI-2027-03-01, a standard inspection of Kent running from its notice on Monday 22 February 2027 to Friday 12 March 2027; this focused visit would run from Tuesday 9 March 2027 to Wednesday 17 March 2027',
    )
  })

  it('ignores another LA’s activity on the same days', () => {
    expect(summary(proposalChecks(proposal(), context({ activities: [MEDWAY_SI_MARCH([])] })).checks)).toEqual([])
  })
})

describe('inspector capacity (PC2-PC4)', () => {
  const kentFv = (inspectors: Proposal['inspectors']) =>
    proposal({ type: 'focused-visit', onsiteStart: '2027-03-02', inspectors })
  it.each<[string, Proposal, Partial<CheckContext>, string[]]>([
    ['an inspector free that week', kentFv([ALEX]), {}, []],
    [
      'an inspector booked on two activities in the same week (Monday 1 March at Medway, then Kent on 2-3 March)',
      kentFv([ALEX]),
      { activities: [MEDWAY_SI_MARCH([{ userId: 'alex', days: ['2027-03-01'] }])] },
      ['warning PC2'],
    ],
    [
      'the same week with a limit of two a week',
      kentFv([ALEX]),
      { activities: [MEDWAY_SI_MARCH([{ userId: 'alex', days: ['2027-03-01'] }])], weeklyLimit: 2 },
      [],
    ],
    [
      'an inspector on site at Medway on the same days: two places at once',
      kentFv([ALEX]),
      { activities: [MEDWAY_SI_MARCH([{ userId: 'alex' }])] },
      ['error PC4', 'warning PC2'],
    ],
    [
      'a cancelled booking holds no days',
      kentFv([ALEX]),
      { activities: [{ ...MEDWAY_SI_MARCH([{ userId: 'alex' }]), status: 'cancelled' }] },
      [],
    ],
    [
      'leave overlapping fieldwork (Wednesday 3 to Friday 5 March)',
      kentFv([ALEX, SAM]),
      { leave: [{ userId: 'sam', startsOn: '2027-03-03', endsOn: '2027-03-05' }] },
      ['error PC3'],
    ],
    [
      'leave ending the day before fieldwork',
      kentFv([SAM]),
      { leave: [{ userId: 'sam', startsOn: '2027-02-22', endsOn: '2027-03-01' }] },
      [],
    ],
    [
      'the lead inspector on leave on the notice day, Tuesday 23 February',
      kentFv([ALEX]),
      { leave: [{ userId: 'alex', startsOn: '2027-02-22', endsOn: '2027-02-24' }] },
      ['warning PC3'],
    ],
    [
      'a team inspector on leave on the notice day',
      kentFv([SAM]),
      { leave: [{ userId: 'sam', startsOn: '2027-02-22', endsOn: '2027-02-24' }] },
      [],
    ],
    [
      'someone else’s leave',
      kentFv([ALEX]),
      { leave: [{ userId: 'sam', startsOn: '2027-03-02', endsOn: '2027-03-02' }] },
      [],
    ],
    [
      'a two-week standard inspection with the inspector on a focused visit in its second week',
      proposal({ inspectors: [ALEX] }),
      {
        pathway: PATHWAY_2,
        activities: [
          booked('medway-fv', {
            laCode: '887',
            laName: 'Medway',
            onsiteStart: '2027-03-09',
            onsiteEnd: '2027-03-10',
            notice: '2027-03-02',
            team: [{ userId: 'alex' }],
          }),
        ],
      },
      ['error PC4', 'warning PC2'],
    ],
  ])('%s', (_name, given, ctx, expected) => {
    expect(summary(proposalChecks(given, context({ pathway: RECENT, ...ctx })).checks)).toEqual(expected)
  })

  it('says who, where, which days and which week', () => {
    const { checks } = proposalChecks(
      kentFv([ALEX]),
      context({
        pathway: RECENT,
        activities: [{ ...MEDWAY_SI_MARCH([{ userId: 'alex' }]), reference: '887-SI-2027-03-01' }],
      }),
    )
    expect(checks.map((check) => check.message)).toEqual([
      'Alex Inspector is on site at 887-SI-2027-03-01 (standard inspection of Medway) on 2 March 2027, 3 March 2027',
      'Alex Inspector would be on 2 on-site activities in the week beginning Monday 1 March 2027 (the limit is 1 a week): also 887-SI-2027-03-01',
    ])
  })

  it('counts the days of leave that fall on fieldwork', () => {
    const leave: Leave = { userId: 'sam', startsOn: '2027-03-03', endsOn: '2027-03-05' }
    const [check] = proposalChecks(kentFv([SAM]), context({ pathway: RECENT, leave: [leave] })).checks
    expect(check!.message).toBe(
      'Sam Inspector is on leave from Wednesday 3 March 2027 to Friday 5 March 2027, which covers 1 day of fieldwork (from Wednesday 3 March 2027)',
    )
  })
})

describe('plannedActivityChecks', () => {
  it('checks a planned activity against the rest of the programme, not against itself', () => {
    const mine = { ...MEDWAY_SI_MARCH([{ userId: 'alex' }]), variant: null, leadUserIds: ['alex'] }
    const other = booked('kent-fv', {
      onsiteStart: '2027-03-02',
      onsiteEnd: '2027-03-03',
      notice: '2027-02-23',
      team: [{ userId: 'alex' }],
    })
    expect(summary(plannedActivityChecks(mine, context({ activities: [mine] })))).toEqual([])
    expect(summary(plannedActivityChecks(mine, context({ activities: [mine, other] })))).toEqual([
      'error PC4',
      'warning PC2',
    ])
  })
})

describe('fieldwork helpers', () => {
  it('lists working days, skipping weekends and bank holidays (Easter Monday 29 March 2027)', () => {
    expect(workingDaysFrom('2027-03-25', '2027-03-30')).toEqual(['2027-03-25', '2027-03-30'])
  })
  it('finds the Monday of the week', () => {
    expect(weekOf('2027-03-07')).toBe('2027-03-01')
    expect(weekOf('2027-03-01')).toBe('2027-03-01')
  })
})
