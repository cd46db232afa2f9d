import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isWorkingDay, workingDaysBetween } from '../rules/calendar/working-days.js'
import { dayNumber, isoDate } from './day-numbers.js'
import { workingDayCounter } from './working-day-count.js'

describe('workingDayCounter', () => {
  const first = dayNumber('2015-01-01')
  const last = dayNumber('2027-12-31')
  const count = workingDayCounter(isWorkingDay, workingDaysBetween, first, last)

  it('agrees with the rules core for any two dates, inside and outside its range', () => {
    fc.assert(
      fc.property(fc.integer({ min: first - 400, max: last + 400 }), fc.integer({ min: 0, max: 400 }), (from, span) => {
        expect(count(from, from + span)).toBe(workingDaysBetween(isoDate(from), isoDate(from + span)))
      }),
    )
  })

  it('counts across Christmas and New Year 2025', () => {
    // Working days after Mon 22 Dec 2025 up to Fri 2 Jan 2026: 23, 24, 29, 30, 31 Dec, 2 Jan (25, 26 Dec and 1 Jan are bank holidays).
    expect(count(dayNumber('2025-12-22'), dayNumber('2026-01-02'))).toBe(6)
  })
})
