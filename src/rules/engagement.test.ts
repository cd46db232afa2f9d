import { describe, expect, it } from 'vitest'
import {
  ENGAGEMENT_LETTER_CONTENTS,
  ENGAGEMENT_MEETING_AGENDA,
  SELF_EVALUATION_QUESTIONS,
  engagementLetterDue,
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
