import { describe, expect, it } from 'vitest'
import { plannedActivityChecks, proposalChecks } from './proposal-checks.js'
import type { CheckContext, Proposal } from './types.js'
import {
  booked,
  context,
  MEDWAY_SI_MARCH,
  PATHWAY_1,
  PATHWAY_3,
  proposal,
  summary,
} from '../../test-support/factories/proposals.js'

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
        "28 December 2026 is a bank holiday in England and Wales: Boxing Day (substitute day); a standard inspection's fieldwork must start on a working day",
    })
    expect(checks[1]!.message).toBe(
      'The standard inspection would begin over Christmas and New Year (Monday 28 December 2026); inspections do not usually begin then',
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

  it('checks a planned 2017-handbook monitoring visit by its own arrangements (E7), not ILACS’s', () => {
    // Monday 11 January 2027: a 2017-handbook visit's day 1 may be any working day (001#42); an
    // ILACS visit is on site Tuesday–Wednesday or Wednesday–Thursday (002#129 fn 22).
    const visit = (handbook: 'ilacs' | '2017') => ({
      ...booked(`mv-${handbook}`, { type: 'monitoring-visit', laCode: '886', onsiteStart: '2027-01-11' }),
      monitoring: { handbook, visitNumber: 2, secondSet: false, focus: 'The front door' },
      variant: null,
      leadUserIds: [],
    })
    const checks = (handbook: 'ilacs' | '2017') =>
      summary(plannedActivityChecks(visit(handbook), context({ pathway: PATHWAY_3 }))).filter((check) =>
        check.startsWith('error'),
      )
    expect(checks('2017')).toEqual([])
    expect(checks('ilacs')).toContain('error C5')
  })
})
