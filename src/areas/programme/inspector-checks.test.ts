import { describe, expect, it } from 'vitest'
import { proposalChecks } from './proposal-checks.js'
import type { CheckContext, Leave, Proposal } from './types.js'
import {
  ALEX,
  booked,
  context,
  MEDWAY_SI_MARCH,
  PATHWAY_2,
  proposal,
  RECENT,
  SAM,
  summary,
} from '../../test-support/factories/proposals.js'

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
