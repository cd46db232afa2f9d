import { describe, expect, it } from 'vitest'
import { CHECKLISTS, checklistStanding } from './intervention-checklists.js'

describe('the checklists of 004 (G6)', () => {
  it('lists 13 signatures of risk, 14 questions for the lead member and 3 reflective questions', () => {
    expect(CHECKLISTS['signatures-of-risk'].items).toHaveLength(13)
    expect(CHECKLISTS['lead-member'].items).toHaveLength(14)
    expect(CHECKLISTS.reflective.items).toHaveLength(3)
  })
})

describe('checklistStanding (G6)', () => {
  it('counts nothing answered for an empty checklist', () => {
    expect(checklistStanding('reflective', [])).toMatchObject({
      answered: 0,
      total: 3,
      unanswered: [0, 1, 2],
      lastAnsweredOn: null,
      summary: '0 of 3 answered',
    })
  })

  it('reads each signature by its latest answer: seen in March 2026, not seen when answered again in November', () => {
    const standing = checklistStanding('signatures-of-risk', [
      { item: 0, answeredOn: '2026-11-23', degree: 'not-seen' },
      { item: 0, answeredOn: '2026-03-02', degree: 'in-whole' },
      { item: 4, answeredOn: '2026-03-02', degree: 'in-part' },
      { item: 12, answeredOn: '2026-06-30', degree: 'in-whole' },
    ])
    expect(standing.answered).toBe(3)
    expect(standing.seen).toEqual([4, 12])
    expect(standing.lastAnsweredOn).toBe('2026-11-23')
    expect(standing.summary).toBe('3 of 13 answered, 2 seen in whole or in part, last answered 23 November 2026')
    expect(standing).toMatchObject({ rule: 'G6' })
  })

  it('ignores an item the checklist does not have', () => {
    expect(checklistStanding('reflective', [{ item: 3, answeredOn: '2026-12-01' }]).answered).toBe(0)
  })
})
