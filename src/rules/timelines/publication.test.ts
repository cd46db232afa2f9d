import { describe, expect, it } from 'vitest'
import { factualAccuracyDeadline, publicationMilestones, publicationTimeliness, stepTimeliness } from './publication.js'

const byKey = (kind: 'inspection' | 'visit', last: string): Record<string, string> =>
  Object.fromEntries(publicationMilestones(kind, last).map((item) => [item.key, item.date]))

type Case = ['inspection' | 'visit', string, string, string, string, string, string]

describe('publicationMilestones (E7, 002#216: working days after fieldwork)', () => {
  const cases: Case[] = [
    ['inspection', '2023-06-23', '2023-07-07', '2023-07-12', '2023-07-19', '2023-07-24', 'an ordinary July'],
    ['visit', '2023-06-14', '2023-06-21', '2023-06-23', '2023-07-04', '2023-07-06', 'an ordinary visit'],
    [
      'inspection',
      '2023-12-15',
      '2024-01-03',
      '2024-01-08',
      '2024-01-15',
      '2024-01-18',
      'over Christmas and New Year 2023',
    ],
    ['visit', '2024-03-27', '2024-04-05', '2024-04-09', '2024-04-18', '2024-04-22', 'over Easter 2024'],
  ]
  it.each(cases)(
    '%s ending %s: draft %s, comments %s, final %s, published %s (%s)',
    (kind, last, draft, comments, final, published) => {
      expect(byKey(kind, last)).toEqual({
        'report.to-la-for-factual-accuracy': draft,
        'report.factual-accuracy-due': comments,
        'report.final-to-la': final,
        'report.published': published,
      })
    },
  )
})

describe('publicationTimeliness (E7, 002#216: actual against statutory working days)', () => {
  it('counts a report published on its statutory day as 21, on time', () => {
    expect(publicationTimeliness('inspection', '2023-06-23', '2023-07-24')).toMatchObject({
      workingDays: 21,
      statutory: 21,
      daysLate: 0,
      statutoryDate: '2023-07-24',
    })
  })

  it('counts the working days of a report published after Christmas, nine late', () => {
    // Fieldwork ended Friday 15 December 2023; due 18 January 2024; published Wednesday 31 January.
    expect(publicationTimeliness('inspection', '2023-12-15', '2024-01-31')).toMatchObject({
      workingDays: 30,
      daysLate: 9,
      statutoryDate: '2024-01-18',
    })
  })

  it('gives a visit letter 16, skipping Easter, and nothing late when early', () => {
    expect(publicationTimeliness('visit', '2024-03-27', '2024-04-22')).toMatchObject({ workingDays: 16, daysLate: 0 })
    expect(publicationTimeliness('visit', '2024-03-27', '2024-04-18')).toMatchObject({ workingDays: 14, daysLate: 0 })
  })
})

describe('factualAccuracyDeadline (E7, 002#216: counted from the day the draft is sent)', () => {
  it.each([
    ['inspection', '2023-07-07', '2023-07-12', 'a draft sent on its day'],
    ['inspection', '2023-07-10', '2023-07-13', 'a draft sent a working day late still gets three'],
    ['visit', '2024-03-27', '2024-04-02', 'two working days over Easter 2024'],
    ['inspection', '2023-12-22', '2023-12-29', 'three working days over Christmas 2023'],
  ] as const)('%s draft sent %s: comments due %s (%s)', (kind, sent, due, _case) => {
    expect(factualAccuracyDeadline(kind, sent)).toBe(due)
  })
})

describe('stepTimeliness (E7)', () => {
  it.each([
    ['2027-02-08', '2027-02-08', '2027-02-20', 'on-time', 'done on its day'],
    ['2027-02-08', '2027-02-09', '2027-02-20', 'late', 'done the day after'],
    ['2027-02-08', undefined, '2027-02-08', 'due', 'not done, due today'],
    ['2027-02-08', undefined, '2027-02-09', 'overdue', 'not done, its day has passed'],
  ] as const)('statutory %s, actual %s, seen %s: %s (%s)', (statutory, actual, today, expected, _case) => {
    expect(stepTimeliness(statutory, actual, today)).toBe(expected)
  })
})
