import { describe, expect, it } from 'vitest'
import { publicationMilestones } from '../../rules/timelines/publication.js'
import { lateSteps, milestoneProgress } from './progress.js'
import type { StepRecord } from './types.js'

// A standard inspection whose fieldwork ended on Friday 22 January 2027: draft due 5 February,
// comments 10 February, final 17 February, published 22 February (E7, 002#216).
const milestones = publicationMilestones('inspection', '2027-01-22')
const step = (event: StepRecord['event'], at: string): StepRecord => ({
  event,
  toStep: 'drafting',
  milestone: null,
  statutoryDate: null,
  occurredAt: new Date(at),
  actorId: null,
  note: null,
})

describe('milestoneProgress: each 002#216 step with its statutory and actual dates', () => {
  it('shows nothing done and nothing late before the first date', () => {
    const progress = milestoneProgress(milestones, undefined, [], '2027-02-01')
    expect(progress.map((p) => [p.key, p.statutory, p.actual, p.timeliness])).toEqual([
      ['report.to-la-for-factual-accuracy', '2027-02-05', undefined, 'due'],
      ['report.factual-accuracy-due', '2027-02-10', undefined, 'due'],
      ['report.final-to-la', '2027-02-17', undefined, 'due'],
      ['report.published', '2027-02-22', undefined, 'due'],
    ])
  })

  it('counts the LA’s comments from the day the draft actually went, and flags the late draft', () => {
    const steps = [step('sent-for-factual-accuracy', '2027-02-08T11:00:00Z')]
    const progress = milestoneProgress(
      milestones,
      { faDue: '2027-02-11', step: 'factual-accuracy' },
      steps,
      '2027-02-11',
    )
    expect(progress[0]).toMatchObject({ actual: '2027-02-08', timeliness: 'late' })
    expect(progress[1]).toMatchObject({ statutory: '2027-02-10', deadline: '2027-02-11', timeliness: 'due' })
    expect(lateSteps(progress).map((p) => p.key)).toEqual(['report.to-la-for-factual-accuracy'])
  })

  it('uses the day in England: an event at 11pm GMT on the statutory day is on time', () => {
    const steps = [step('sent-for-factual-accuracy', '2027-02-05T23:00:00Z')]
    expect(milestoneProgress(milestones, undefined, steps, '2027-02-08')[0]?.timeliness).toBe('on-time')
  })

  it('closes the LA’s step once the final copy is out without comments', () => {
    const steps = [
      step('sent-for-factual-accuracy', '2027-02-05T10:00:00Z'),
      step('final-sent', '2027-02-16T10:00:00Z'),
    ]
    const progress = milestoneProgress(milestones, { faDue: '2027-02-10', step: 'embargoed' }, steps, '2027-02-17')
    expect(progress[1]).toMatchObject({ skipped: true, timeliness: 'on-time' })
    expect(lateSteps(progress)).toEqual([])
  })
})
