import { describe, expect, it } from 'vitest'
import { type FeedbackContext, type FeedbackRecord, feedbackWarnings } from './feedback.js'

const record: FeedbackRecord = {
  heldOn: '2027-01-22',
  durationMinutes: 60,
  attendees: ['dcs', 'la-senior-leaders', 'lead-inspector'],
  otherAttendees: null,
  dcsToldBefore: true,
  judgementsGiven: { 'help-and-protection': 'good', leaders: 'good' },
  setOut: ['provisional', 'no-surprises', 'factual-accuracy', 'publication', 'complaints'],
  notes: null,
}
const context: FeedbackContext = {
  graded: true,
  feedbackDue: '2027-01-22',
  judgements: [
    { key: 'help-and-protection', label: 'Help and protection' },
    { key: 'leaders', label: 'Leaders' },
  ],
  monitoringMayFollow: false,
}

describe('feedbackWarnings (E5, 002#197-201)', () => {
  it('has nothing to say about a meeting that followed the guidance', () => {
    expect(feedbackWarnings(record, context)).toEqual([])
  })

  it('records a meeting over 60 minutes and says so, with 002#199', () => {
    expect(feedbackWarnings({ ...record, durationMinutes: 61 }, context)).toEqual([
      {
        rule: 'E5',
        citation: '002#199',
        message: 'The meeting lasted 61 minutes; it should usually last no longer than 60',
      },
    ])
  })

  it('notes a meeting away from the last day on site, a DCS not told before, and judgements not given', () => {
    const warnings = feedbackWarnings(
      { ...record, heldOn: '2027-01-25', dcsToldBefore: false, judgementsGiven: { leaders: 'good' } },
      context,
    )
    expect(warnings.map((w) => w.message)).toEqual([
      'Feedback is given on the final day on site (22 January 2027); this meeting was on 25 January 2027',
      'In standard and short inspections the lead inspector tells the DCS the provisional judgements before the meeting',
      'Not given at feedback: help and protection',
    ])
  })

  it('expects the monitoring programme to be explained only when monitoring may follow (002#112)', () => {
    expect(feedbackWarnings(record, { ...context, monitoringMayFollow: true }).map((w) => w.citation)).toEqual([
      '002#112, #114; 001#5',
    ])
  })

  it('asks nothing about judgements at a focused visit', () => {
    expect(
      feedbackWarnings({ ...record, dcsToldBefore: null, judgementsGiven: {} }, { ...context, graded: false }),
    ).toEqual([])
  })
})
