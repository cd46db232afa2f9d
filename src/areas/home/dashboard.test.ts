import { describe, expect, it } from 'vitest'
import { sortDashboard, urgencyOf } from './dashboard.js'

describe('urgencyOf', () => {
  it.each([
    ['2026-11-20', 'overdue'],
    ['2026-11-23', 'today'],
    ['2026-12-01', 'soon'],
    ['2026-12-31', undefined],
  ])('%s seen on 2026-11-23 with a horizon of 2026-12-07 → %s', (due, expected) =>
    expect(urgencyOf(due, '2026-11-23', '2026-12-07')).toBe(expected),
  )
})

describe('sortDashboard', () => {
  it('puts overdue first, then today, then the rest by date', () => {
    const sorted = sortDashboard([
      { urgency: 'soon', title: 'c', href: '/', due: '2026-12-01' },
      { urgency: 'overdue', title: 'a', href: '/', due: '2026-11-01' },
      { urgency: 'soon', title: 'b', href: '/', due: '2026-11-25' },
      { urgency: 'today', title: 'd', href: '/', due: '2026-11-23' },
    ])
    expect(sorted.map((item) => item.title)).toEqual(['a', 'd', 'b', 'c'])
  })
})
