import { describe, expect, it } from 'vitest'
import { proposalChecks } from './proposal-checks.js'
import type { CheckContext } from './types.js'
import {
  booked,
  context,
  KENT_FV_MARCH,
  MEDWAY_SI_MARCH,
  PATHWAY_1,
  PATHWAY_3,
  pathwayOf,
  proposal,
  summary,
} from '../../test-support/factories/proposals.js'

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
