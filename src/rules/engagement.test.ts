import { describe, expect, it } from 'vitest'
import {
  ENGAGEMENT_LETTER_CONTENTS,
  ENGAGEMENT_MEETING_AGENDA,
  SELF_EVALUATION_QUESTIONS,
  engagementLetterDue,
  nextEngagementAbout,
  selfEvaluationAskedFrom,
  selfEvaluationRefresh,
  selfEvaluationRequested,
} from './engagement.js'

describe('self-evaluation (O1, 002#27-33)', () => {
  it.each([
    [false, false, true, '002#27, #29'],
    [true, false, false, '002#30'],
    [true, true, true, '002#27, #29'],
  ])(
    'inadequate %s, first year of monitoring complete %s → requested %s',
    (inadequate, complete, requested, citation) => {
      expect(selfEvaluationRequested(inadequate, complete)).toMatchObject({
        rule: 'O1',
        requested,
        citation,
        voluntary: true,
      })
    },
  )

  it('answers three questions', () => expect(SELF_EVALUATION_QUESTIONS).toHaveLength(3))
})

describe('annual engagement meeting (O2, 002#42-48)', () => {
  it.each([
    ['2023-01-31', '2023-02-28', 'clamped to the end of February'],
    ['2023-06-14', '2023-07-14', 'an ordinary month'],
  ])('meeting %s → letter by %s (%s)', (meeting, due) => {
    expect(engagementLetterDue(meeting)).toEqual({ rule: 'O2', citation: '002#48', date: due, published: false })
  })

  it('has seven agenda items and five letter contents', () => {
    expect(ENGAGEMENT_MEETING_AGENDA).toHaveLength(7)
    expect(ENGAGEMENT_LETTER_CONTENTS).toHaveLength(5)
  })
})

describe('refreshing the self-evaluation (O1, 002#35)', () => {
  it('advises a refresh when it was shared more than three months before the meeting', () => {
    expect(selfEvaluationRefresh('2026-06-30', '2026-10-01').refreshAdvised).toBe(true)
    expect(selfEvaluationRefresh('2026-06-30', '2026-09-30').refreshAdvised).toBe(false)
  })
})

describe('the next engagement meeting (O2, 002#27, #43)', () => {
  it('is about a year after the last, clamped to the month end', () => {
    expect(nextEngagementAbout('2024-02-29').date).toBe('2025-02-28')
  })
})

describe('when an inadequate authority is asked for a self-evaluation (O1, 002#30 vs 002#24)', () => {
  it('is 12 months after the first monitoring visit is due', () => {
    // Published Friday 6 November 2026: action plan due Wednesday 17 February 2027, first
    // monitoring visit by Wednesday 17 March 2027, so asked from Friday 17 March 2028.
    expect(selfEvaluationAskedFrom('2026-11-06')).toMatchObject({ date: '2028-03-17', citation: '002#30; 002#24' })
  })
})
