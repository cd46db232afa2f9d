import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../errors.js'
import { checkFinding, findingsProblems, PRIORITY_ACTION_GROUNDS } from './focused-visit-findings.js'
import { findingForm } from './forms.js'

/** The finding as the form reads it, then the rule's refusal (002#109) as a map of field errors. */
function errorsOf(body: Record<string, string>): Record<string, string> {
  const parsed = findingForm.parse(body)
  if (!parsed.ok) return parsed.errors
  try {
    checkFinding(parsed.value)
    return {}
  } catch (error) {
    if (error instanceof ValidationError) return { ...error.fieldErrors }
    throw error
  }
}

describe('checkFinding (S7, 002#108-109)', () => {
  it('takes the two grounds of 002#109 word for word', () => {
    expect(PRIORITY_ACTION_GROUNDS.map((ground) => ground.label)).toEqual([
      'an area of serious weakness that is placing children at risk of inadequate protection and significant harm',
      'unnecessary delay in identifying permanent solutions for children in care that results in their welfare not being safeguarded and promoted',
    ])
  })

  it('needs a ground for a priority action, and only one of the two', () => {
    for (const ground of ['', 'staff-morale']) {
      const errors = errorsOf({ kind: 'priority-action', text: 'Unallocated cases', ground })
      expect(errors).toEqual({
        ground: 'Select why this is an area for priority action: only the two grounds of 002#109 apply',
      })
    }
    expect(checkFinding({ kind: 'priority-action', text: 'Unallocated cases', ground: 'serious-weakness' })).toEqual({
      kind: 'priority-action',
      text: 'Unallocated cases',
      ground: 'serious-weakness',
    })
  })

  it('keeps no ground on a strength or area for improvement', () => {
    expect(checkFinding({ kind: 'strength', text: 'Timely visits', ground: 'serious-weakness' })).toEqual({
      kind: 'strength',
      text: 'Timely visits',
      ground: null,
    })
  })

  it('asks for the kind and the text', () => {
    const errors = errorsOf({ kind: 'grade', text: '', ground: '' })
    expect(errors).toEqual({ kind: 'Select the kind of finding', text: 'Enter the finding' })
  })
})

describe('findingsProblems (002#108, #195)', () => {
  it('needs a strength or area for improvement, and the team’s answer on priority actions', () => {
    expect(findingsProblems({ strengths: 0, areasForImprovement: 0, priorityActions: 0 }, false)).toEqual([
      'Record at least one strength or area for improvement (002#108)',
      'Confirm that the team agreed there are no areas for priority action, or record them (002#195)',
    ])
    expect(findingsProblems({ strengths: 1, areasForImprovement: 0, priorityActions: 0 }, true)).toEqual([])
    expect(findingsProblems({ strengths: 1, areasForImprovement: 0, priorityActions: 1 }, false)).toEqual([])
    expect(findingsProblems({ strengths: 1, areasForImprovement: 0, priorityActions: 1 }, true)).toEqual([
      'Areas for priority action are recorded: remove them, or do not say there are none',
    ])
  })
})
