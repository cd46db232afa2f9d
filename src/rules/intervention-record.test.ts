import { describe, expect, it } from 'vitest'
import { nextBoardMeetingBy, nextSteps, publicationTiming, reportState } from './intervention-record.js'

describe('reportState (G3): each report of the schedule due, received or late', () => {
  it.each([
    ['received on time', '2027-01-29', '2027-01-28', '2027-02-10', 'received', undefined],
    ['received late', '2027-01-29', '2027-02-03', '2027-02-10', 'received-late', 5],
    ['not received, due date passed', '2027-01-29', null, '2027-02-10', 'overdue', 12],
    ['due within a fortnight', '2027-02-19', null, '2027-02-10', 'due-soon', undefined],
    ['due today', '2027-02-10', null, '2027-02-10', 'due-soon', undefined],
    ['due later', '2027-04-30', null, '2027-02-10', 'scheduled', undefined],
  ] as const)('%s', (_case, due, received, today, state, daysLate) => {
    const result = reportState(due, received, today)
    expect(result).toMatchObject({ state, rule: 'G3' })
    expect(result.daysLate).toBe(daysLate)
  })
})

describe('the words of reportState and publicationTiming', () => {
  it('say "1 day", never "1 days"', () => {
    // Due Friday 29 January 2027: received, or still missing, on Saturday 30 January.
    expect(reportState('2027-01-29', '2027-01-30', '2027-02-10').label).toBe('Received 30 January 2027, 1 day late')
    expect(reportState('2027-01-29', null, '2027-01-30').label).toBe('Late: due 29 January 2027, 1 day ago')
    expect(publicationTiming('2026-11-06', '2026-11-07').message).toBe('Published 1 day after the Ofsted report')
    expect(publicationTiming('2026-11-06', '2026-11-05').message).toBe('Published 1 day before the Ofsted report')
  })
})

describe('publicationTiming (G7): the notice published on the day of the report or as soon as possible after', () => {
  it('is on time on the day of the report, shows the gap after it, and flags publication before it', () => {
    expect(publicationTiming('2026-11-06', '2026-11-06')).toMatchObject({
      flags: [],
      message: 'Published on the day of the Ofsted report',
    })
    expect(publicationTiming('2026-11-06', '2026-11-20').message).toBe('Published 14 days after the Ofsted report')
    expect(publicationTiming('2026-11-06', '2026-11-05').flags).toHaveLength(1)
  })
})

describe('nextSteps: the lifecycle in order, ending lifted or escalated (G4)', () => {
  it.each([
    [undefined, ['dfe-told']],
    ['dfe-told', ['case-lead-named']],
    ['in-force', ['reinspection']],
    ['reinspection', ['lifted', 'escalated']],
    ['lifted', []],
  ] as const)('after %s', (current, next) => expect(nextSteps(current)).toEqual(next))
})

describe('nextBoardMeetingBy (G3): monthly to six-weekly', () => {
  it('expects the next meeting six weeks after the last, or after the board was set up', () => {
    // Six weeks after Thursday 14 January 2027 is Thursday 25 February 2027.
    expect(nextBoardMeetingBy('2027-01-14', '2026-12-01', '2027-02-26')).toMatchObject({ by: '2027-02-25', late: true })
    expect(nextBoardMeetingBy(undefined, '2026-12-01', '2026-12-20')).toMatchObject({ by: '2027-01-12', late: false })
  })
})
