import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../rules/calendar/dates.js'
import { dayFromSerial, dayNumber, isoDate, parseDateText, serialFromDay, ukDate, wholeYears } from './day-numbers.js'

/** Age at last birthday, on ISO dates: the plain reference the fast day-number version is checked against. */
function wholeYearsBetween(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number]
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0)
}

describe('day numbers', () => {
  it('round-trips ISO dates and agrees with the calendar module', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 80_000 }), (n) => {
        const iso = isoDate(n)
        expect(dayNumber(iso)).toBe(n)
        expect(isoDate(n + 1)).toBe(addDays(iso, 1))
      }),
    )
  })

  it('gives the age at the last birthday', () => {
    expect(wholeYears(dayNumber('2010-06-06'), dayNumber('2022-06-05'))).toBe(11)
    expect(wholeYears(dayNumber('2010-06-06'), dayNumber('2022-06-06'))).toBe(12)
    expect(wholeYears(dayNumber('2024-02-29'), dayNumber('2025-02-28'))).toBe(0)
    expect(wholeYears(dayNumber('2024-02-29'), dayNumber('2025-03-01'))).toBe(1)
  })

  it('computes ages as the plain reference does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 10_000 }), (birth, span) => {
        expect(wholeYears(birth, birth + span)).toBe(wholeYearsBetween(isoDate(birth), isoDate(birth + span)))
      }),
    )
  })

  it('writes UK dates', () => expect(ukDate(dayNumber('2026-03-04'))).toBe('04/03/2026'))
})

describe('Excel serials', () => {
  it.each([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [61, false, '1900-03-01'],
    [25569, false, '1970-01-01'],
    [45000, false, '2023-03-15'],
    [45000.75, false, '2023-03-15'],
    [0, true, '1904-01-01'],
    [43538, true, '2023-03-15'],
  ])('serial %d (1904: %s) is %s', (serial, date1904, iso) =>
    expect(isoDate(dayFromSerial(serial, date1904))).toBe(iso),
  )

  it('refuses the 1900-02-29 that never was, and impossible serials', () => {
    expect(dayFromSerial(60, false)).toBeNaN()
    expect(dayFromSerial(-5, false)).toBeNaN()
    expect(dayFromSerial(1e9, false)).toBeNaN()
  })

  it('writes serials that read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (n) => {
        expect(dayFromSerial(serialFromDay(n), false)).toBe(n)
      }),
    )
  })
})

describe('parseDateText', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T00:00:00', '2026-03-14'],
    ['2026-03-14 00:00:00', '2026-03-14'],
    ['14/03/2026', '2026-03-14'],
    ['4/3/2026', '2026-03-04'],
    ['14-03-2026', '2026-03-14'],
    ['14.03.2026', '2026-03-14'],
    [' 14/03/2026 ', '2026-03-14'],
    ['14 Mar 2026', '2026-03-14'],
    ['14 March 2026', '2026-03-14'],
  ])('%s → %s', (text, iso) => {
    const read = parseDateText(text)
    expect(read.ok && isoDate(read.day)).toBe(iso)
  })

  it.each([
    ['14/03/26', 'two-digit-year'],
    ['03/14/2026', 'month-first'],
    ['31/02/2026', 'no-such-day'],
    ['May be 8 Jan 2000', 'not-a-date'],
    ['unknown', 'not-a-date'],
    ['', 'not-a-date'],
  ])('%s is refused (%s)', (text, why) => expect(parseDateText(text)).toEqual({ ok: false, why }))
})
