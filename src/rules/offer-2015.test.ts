import { describe, expect, it } from 'vitest'
import { offer2015, offer2015VisitDue } from './offer-2015.js'

describe('offer2015 (I1–I5; 000#8, #12, #14, #20, #24, #27, #34-40, #54)', () => {
  it('counts from publication on Monday 2 March 2015, over Easter and the May 2015 holidays', () => {
    const result = offer2015('2015-03-02')
    expect(result).toMatchObject({
      seminar: { earliest: '2015-04-08', latest: '2015-04-22' },
      planChase: '2015-05-14',
      improvementPlanDue: '2015-06-12',
      progressInspection: {
        about: '2016-03-02',
        frameworkConfirmedBy: '2015-12-02',
        responseBy: '2016-01-02',
        finalFrameworkBy: '2016-02-02',
      },
      fullInspection: { notBefore: '2017-09-02', by: '2018-03-02' },
    })
  })

  it('publishes the 6-, 9- and 12-month board reviews but not the first (I4, 000#38)', () => {
    expect(offer2015('2015-03-02').boardReviews.map((review) => [review.about, review.published])).toEqual([
      ['2015-06-02', false],
      ['2015-09-02', true],
      ['2015-12-02', true],
      ['2016-03-02', true],
    ])
  })

  it('counts the agenda, the evidence notebook and the first monitoring visit from the dates given', () => {
    const result = offer2015('2015-03-02', { seminar: '2015-04-15', planAccepted: '2015-07-01' })
    expect(result.seminar).toMatchObject({ agendaBy: '2015-04-08', evidenceNotebookReturn: '2015-04-22' })
    expect(result.monitoringVisits).toEqual({ count: 12, firstBy: '2015-07-29', lettersPublished: false })
    expect(result.milestones.find((item) => item.key === 'seminar.evidence-notebook')).toMatchObject({
      rule: 'I1',
      citation: '000#14',
    })
  })
})

describe('offer2015VisitDue (I3, 000#34)', () => {
  it('counts the twelve monthly visits from a first visit on Tuesday 28 July 2015', () => {
    expect(offer2015VisitDue('2015-07-28', 1)).toBe('2015-07-28')
    expect(offer2015VisitDue('2015-07-28', 2)).toBe('2015-08-28')
    expect(offer2015VisitDue('2015-07-28', 12)).toBe('2016-06-28')
  })

  it('falls on the last day of a shorter month (31 January 2016 → 29 February 2016)', () => {
    expect(offer2015VisitDue('2016-01-31', 2)).toBe('2016-02-29')
  })

  it('refuses a thirteenth visit', () => {
    expect(() => offer2015VisitDue('2015-07-28', 13)).toThrow(RangeError)
  })
})
