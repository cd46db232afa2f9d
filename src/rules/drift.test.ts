import { describe, expect, it } from 'vitest'
import { median, monthsOutsideWindow, reportWorkingDays } from './drift.js'

describe('how far outside its window an inspection started (P4, P8; 002#13)', () => {
  // Published 5 July 2022 (Kent): window 5 January 2025 to 5 January 2026.
  it.each([
    ['2025-06-02', 0],
    ['2025-01-06', 0],
    ['2026-01-05', 0],
    ['2026-12-07', 11],
    ['2024-11-04', -2],
  ])('first day %s → %s months', (start, months) => {
    expect(monthsOutsideWindow('2022-07-05', start)).toBe(months)
  })
})

describe('working days from fieldwork to publication, from the first day (E7, 002#216)', () => {
  it('takes the last day from the timeline: day 10 of a standard inspection, day 5 of a short one', () => {
    // Standard from Monday 24 February 2025: last day Friday 7 March; published Tuesday 15 April
    // 2025 (York): 27 working days (Good Friday and Easter Monday fall after it).
    expect(reportWorkingDays('standard-inspection', '2025-02-24', '2025-04-15')).toEqual({
      workingDays: 27,
      statutory: 21,
    })
    // Short from Monday 2 December 2024: last day Friday 6 December; 21 working days on, over
    // Christmas (25, 26 December and 1 January are not working days), is Thursday 9 January 2025.
    expect(reportWorkingDays('short-inspection', '2024-12-02', '2025-01-09')).toEqual({
      workingDays: 21,
      statutory: 21,
    })
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([11, 12, 1, 30])).toBe(11.5)
    expect(median([])).toBeUndefined()
  })
})
