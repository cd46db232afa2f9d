import { describe, expect, it } from 'vitest'
import { afterProgressLetter, progressInspection2015Timeline } from './progress-inspection-2015.js'
import { accepted, datesByKey } from '../../../test/support/timelines.js'

describe('progressInspection2015Timeline (I5, I6; 000#42, #47-49, #51)', () => {
  it('counts day 1–35 in working days, day 6 being the first day on site', () => {
    const dates = datesByKey(accepted(progressInspection2015Timeline('2015-06-08')))
    expect(dates).toMatchObject({
      'briefing.pre-inspection': '2015-05-22',
      notice: '2015-06-01',
      'notice.dfe-and-improvement-board': '2015-06-01',
      'annex-a.child-level-data': '2015-06-02',
      'cases.selected': '2015-06-02',
      'onsite.start': '2015-06-08',
      'onsite.end': '2015-06-12',
      feedback: '2015-06-12',
      'report.to-la-for-factual-accuracy': '2015-07-03',
      'report.factual-accuracy-due': '2015-07-10',
      'report.final-to-la': '2015-07-14',
      'report.published': '2015-07-17',
      'other-inspectorates.notified': '2015-07-24',
    })
  })

  it('shows day 36 as the other reading of publication (000#49 vs #42)', () => {
    const published = accepted(progressInspection2015Timeline('2015-06-08')).milestones.find(
      (item) => item.key === 'report.published',
    )
    expect(published?.alternatives).toEqual([expect.objectContaining({ date: '2015-07-20', citation: '000#49' })])
  })

  it('agrees that day 25 is three working weeks after day 10 (000#47)', () => {
    const dates = datesByKey(accepted(progressInspection2015Timeline('2016-03-14')))
    // Easter 2016 (25 and 28 March) falls inside the timeline.
    expect(dates['onsite.end']).toBe('2016-03-18')
    expect(dates['report.to-la-for-factual-accuracy']).toBe('2016-04-12')
  })

  it('refuses a first day on site that is not a Monday (five consecutive days, 000#42)', () => {
    expect(progressInspection2015Timeline('2015-06-09')).toMatchObject({
      ok: false,
      rule: 'C5',
      citation: '000#42, #Annex H/A',
    })
  })

  it('counts the partner inspectorates and the statement of action from the actual publication (000#42, #51)', () => {
    // Friday 8 April 2016: five working days is Friday 15 April; seventy, over the May bank holidays, Tuesday 19 July.
    expect(afterProgressLetter('2016-04-08')).toEqual({
      otherInspectoratesBy: '2016-04-15',
      statementOfActionBy: '2016-07-19',
    })
  })
})
