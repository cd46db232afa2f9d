import { describe, expect, it } from 'vitest'
import { postMonitoringInspectionTimeline } from './post-monitoring-inspection.js'
import { accepted, datesByKey } from '../../../test/support/timelines.js'

describe('postMonitoringInspectionTimeline (M8; 001#57-63)', () => {
  it('gives day −2 (Thursday) to day 10 (second Friday)', () => {
    const dates = datesByKey(accepted(postMonitoringInspectionTimeline('2023-06-05')))
    expect(dates).toMatchObject({
      'planning.lead-inspector': '2023-05-15',
      notice: '2023-06-01',
      'annex-a.request': '2023-06-01',
      'onsite.start': '2023-06-05',
      'team.case-tracking-meeting': '2023-06-09',
      'team.travel-week-2': '2023-06-12',
      'team.provisional-judgement-meeting': '2023-06-15',
      'onsite.end': '2023-06-16',
      feedback: '2023-06-16',
    })
    expect(accepted(postMonitoringInspectionTimeline('2023-06-05')).flags).toEqual([])
  })

  it('flags a bank holiday that breaks the weekday column instead of relabelling it (M8)', () => {
    const timeline = accepted(postMonitoringInspectionTimeline('2023-05-22'))
    expect(datesByKey(timeline)).toMatchObject({ 'team.travel-week-2': '2023-05-30', 'onsite.end': '2023-06-05' })
    expect(
      timeline.flags.some((flag) => flag.rule === 'M8' && /Day 6 falls on Tuesday 30 May 2023/.test(flag.message)),
    ).toBe(true)
  })

  it('moves day −2 to the Wednesday when the Friday before is New Year’s Day, and flags it', () => {
    const timeline = accepted(postMonitoringInspectionTimeline('2027-01-04'))
    expect(datesByKey(timeline).notice).toBe('2026-12-30')
    expect(timeline.flags.some((flag) => /Day -2 falls on Wednesday 30 December 2026/.test(flag.message))).toBe(true)
    expect(timeline.flags.some((flag) => flag.rule === 'C3')).toBe(true)
  })

  it('gives no report dates, which mirror the SIF handbook outside the seeds (001#66)', () => {
    const timeline = accepted(postMonitoringInspectionTimeline('2023-06-05'))
    expect(timeline.milestones.some((item) => item.key.startsWith('report.'))).toBe(false)
    expect(timeline.notes.some((note) => note.citation === '001#66')).toBe(true)
  })

  it('refuses a day 1 that is not a Monday (C5, 001#60-62)', () => {
    expect(postMonitoringInspectionTimeline('2023-06-06')).toMatchObject({
      ok: false,
      rule: 'C5',
      citation: '001#60-62',
    })
  })
})
