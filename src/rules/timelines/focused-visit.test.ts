import { describe, expect, it } from 'vitest'
import { focusedVisitTimeline } from './focused-visit.js'
import { accepted, datesByKey } from '../../../test/support/timelines.js'

describe('focusedVisitTimeline (S2, S4, E7; 002#103, #216, #242)', () => {
  it('on site Tuesday–Wednesday, notice the Tuesday before, letter on the 002#216 visit timeline', () => {
    const dates = datesByKey(accepted(focusedVisitTimeline('2023-06-13')))
    expect(dates).toMatchObject({
      'preparation.lead-inspector': '2023-06-05',
      notice: '2023-06-06',
      'annex-a.request': '2023-06-06',
      'annex-a.child-level-data': '2023-06-07',
      'annex-a.audits': '2023-06-07',
      'annex-a.management-information': '2023-06-07',
      'annex-a.case-information': '2023-06-08',
      'team.telephone-conference': '2023-06-09',
      'preparation.off-site-evaluation': '2023-06-12',
      'onsite.start': '2023-06-13',
      'onsite.end': '2023-06-14',
      feedback: '2023-06-14',
      'report.to-la-for-factual-accuracy': '2023-06-21',
      'report.factual-accuracy-due': '2023-06-23',
      'report.final-to-la': '2023-07-04',
      'report.published': '2023-07-06',
    })
  })

  it('moves every milestone one day for the Wednesday–Thursday variant (002 fn20)', () => {
    const timeline = accepted(focusedVisitTimeline('2023-06-14', 'wed-thu'))
    expect(timeline.variant).toBe('wed-thu')
    expect(datesByKey(timeline)).toMatchObject({
      notice: '2023-06-07',
      'annex-a.child-level-data': '2023-06-08',
      'annex-a.case-information': '2023-06-09',
      'preparation.off-site-evaluation': '2023-06-13',
      'onsite.end': '2023-06-15',
      'report.published': '2023-07-07',
    })
    expect(timeline.milestones.find((item) => item.key === 'onsite.start')?.citation).toBe('002#103 fn20')
  })

  it('reads a Wednesday start with no variant named as the Wednesday–Thursday variant (002 fn20; issue 14)', () => {
    // Ofsted's in-year outcomes 2024-25: Barking and Dagenham's focused visit began Wednesday 26 March 2025.
    const timeline = accepted(focusedVisitTimeline('2025-03-26'))
    expect(timeline.variant).toBe('wed-thu')
    expect(datesByKey(timeline)['onsite.end']).toBe('2025-03-27')
    expect(accepted(focusedVisitTimeline('2025-03-25')).variant).toBe('tue-wed')
  })

  it('keeps the working-day count over the Easter Monday before a visit and flags the column', () => {
    // On site Tuesday 2 April 2024: Easter Monday and Good Friday push notice back to Friday 22 March.
    const timeline = accepted(focusedVisitTimeline('2024-04-02'))
    expect(datesByKey(timeline)).toMatchObject({
      notice: '2024-03-22',
      'preparation.off-site-evaluation': '2024-03-28',
    })
    expect(
      timeline.flags.some((flag) =>
        /Off-site evaluation before the visit falls on Thursday 28 March 2024/.test(flag.message),
      ),
    ).toBe(true)
  })

  it.each([
    [
      '2023-06-14',
      'tue-wed',
      /is a Wednesday; a focused visit's first on-site day \(Wednesday only for the Wednesday–Thursday variant, 002 fn20\) starts on a Tuesday/,
    ],
    [
      '2023-06-13',
      'wed-thu',
      /is a Tuesday; a Wednesday–Thursday focused visit's first on-site day starts on a Wednesday/,
    ],
    ['2024-04-02', 'wed-thu', /is a Tuesday/],
  ] as const)('refuses %s for variant %s (C5)', (onsite, variant, reason) => {
    const result = focusedVisitTimeline(onsite, variant)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.rule).toBe('C5')
      expect(result.reason).toMatch(reason)
    }
  })

  it('flags an August focused visit as by agreement only (C3)', () => {
    expect(accepted(focusedVisitTimeline('2023-08-08')).flags).toContainEqual(expect.objectContaining({ rule: 'C3' }))
  })
})
