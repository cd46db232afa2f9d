import { describe, expect, it } from 'vitest'
import { monitoringLetterPublished, monitoringVisitTimeline } from './monitoring-visit.js'
import { accepted, datesByKey } from '../../../test/support/timelines.js'

describe('monitoringVisitTimeline, ILACS (M5, S4, E7; 002#129-131, #216, #242)', () => {
  it('counts the table’s days back from the visit week’s Monday', () => {
    const dates = datesByKey(accepted(monitoringVisitTimeline('2023-06-20')))
    expect(dates).toMatchObject({
      notice: '2023-06-05',
      'annex-a.request': '2023-06-05',
      'annex-a.child-level-data': '2023-06-06',
      'annex-a.audits': '2023-06-06',
      'audited-cases.named': '2023-06-07',
      'annex-a.management-information': '2023-06-14',
      'annex-a.case-information': '2023-06-14',
      'audits.latest': '2023-06-14',
      'team.off-site-evaluation': '2023-06-15',
      'team.telephone-conference': '2023-06-16',
      'preparation.off-site-evaluation': '2023-06-19',
      'onsite.start': '2023-06-20',
      'onsite.end': '2023-06-21',
      feedback: '2023-06-21',
      'report.to-la-for-factual-accuracy': '2023-06-28',
      'report.factual-accuracy-due': '2023-06-30',
      'report.final-to-la': '2023-07-11',
      'report.published': '2023-07-13',
    })
  })

  it('moves every milestone one day for the Wednesday–Thursday variant (002 fn22)', () => {
    const dates = datesByKey(accepted(monitoringVisitTimeline('2023-06-21', { variant: 'wed-thu' })))
    expect(dates).toMatchObject({
      notice: '2023-06-06',
      'audited-cases.named': '2023-06-08',
      'onsite.end': '2023-06-22',
    })
  })

  it('leaves the first visit’s letter unpublished (E8, 001#41)', () => {
    const first = accepted(monitoringVisitTimeline('2023-06-20', { visitNumber: 1 }))
    expect(first.milestones.some((item) => item.key === 'report.published')).toBe(false)
    expect(first.milestones.some((item) => item.key === 'report.final-to-la')).toBe(true)
    const secondSet = accepted(monitoringVisitTimeline('2023-06-20', { visitNumber: 1, secondSet: true }))
    expect(datesByKey(secondSet)['report.published']).toBe('2023-07-13')
  })

  it('refuses a Monday or a bank-holiday start (C5, 002#129)', () => {
    expect(monitoringVisitTimeline('2023-06-19')).toMatchObject({ ok: false, rule: 'C5', citation: '002#129' })
    expect(monitoringVisitTimeline('2022-06-01', { variant: 'wed-thu' })).toMatchObject({ ok: true })
    expect(monitoringVisitTimeline('2020-12-29')).toMatchObject({ ok: true })
  })

  it('does not flag a planned monitoring visit in August (C3)', () => {
    expect(accepted(monitoringVisitTimeline('2023-08-15')).flags.filter((flag) => flag.rule === 'C3')).toEqual([])
  })
})

describe('monitoringVisitTimeline, 2017 handbook (M5, E7; 001#26-27, #42)', () => {
  it('follows the day 1–23 timeline from the first on-site day', () => {
    const timeline = accepted(monitoringVisitTimeline('2023-06-20', { handbook: '2017' }))
    expect(datesByKey(timeline)).toMatchObject({
      'annex-a.request': '2023-06-06',
      'annex-a.child-level-data': '2023-06-09',
      'audited-cases.named': '2023-06-08',
      'annex-a.audits': '2023-06-15',
      'preparation.inspectors': '2023-06-16',
      'onsite.start': '2023-06-20',
      'onsite.end': '2023-06-21',
      'report.to-la-for-factual-accuracy': '2023-07-04',
      'report.factual-accuracy-due': '2023-07-10',
      'report.final-to-la': '2023-07-18',
      'report.published': '2023-07-20',
    })
    expect(timeline.milestones.find((item) => item.key === 'report.published')).toMatchObject({
      rule: 'E7',
      citation: '001#42',
    })
  })

  it('refuses a day 1 that is not a working day', () => {
    expect(monitoringVisitTimeline('2023-05-08', { handbook: '2017' })).toMatchObject({
      ok: false,
      rule: 'C5',
      citation: '001#42',
    })
  })
})

describe('monitoringLetterPublished (E8)', () => {
  it.each([
    [1, false, false],
    [1, true, true],
    [2, false, true],
    [4, true, true],
  ])('visit %i, second set %s → published %s', (visit, secondSet, published) => {
    expect(monitoringLetterPublished(visit, secondSet)).toMatchObject({ rule: 'E8', published })
  })
})
