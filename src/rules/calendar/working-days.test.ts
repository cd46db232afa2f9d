import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, dayOfWeek, toDayNumber, fromDayNumber } from './dates.js'
import { bankHolidayOn } from './bank-holidays.js'
import {
  addWorkingDays,
  isWorkingDay,
  timelineDay,
  workingDayOnOrBefore,
  workingDayStatus,
  workingDaysBetween,
} from './working-days.js'

describe('isWorkingDay / workingDayStatus (C1)', () => {
  it.each([
    ['2022-06-06', true, 'Monday after the Platinum Jubilee weekend'],
    ['2022-06-02', false, 'Thursday 2 June 2022, spring bank holiday moved'],
    ['2022-06-03', false, 'Friday 3 June 2022, Platinum Jubilee'],
    ['2022-06-04', false, 'a Saturday'],
    ['2022-06-05', false, 'a Sunday'],
    ['2020-12-28', false, 'Boxing Day substitute 2020'],
    ['2022-01-03', false, 'New Year substitute 2022'],
    ['2022-12-27', false, 'Christmas Day substitute 2022'],
    ['2022-12-28', true, 'the first working day after Christmas 2022'],
    ['2024-03-28', true, 'Maundy Thursday 2024'],
    ['2024-03-29', false, 'Good Friday 2024'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
    expect(workingDayStatus(date).workingDay).toBe(expected)
  })

  it('gives the reason a date is not a working day', () => {
    expect(workingDayStatus('2022-06-04').reason).toBe('a Saturday')
    expect(workingDayStatus('2023-05-08').reason).toMatch(/^a bank holiday in England and Wales: .*Coronation/)
    expect(workingDayStatus('2023-05-09')).toMatchObject({ workingDay: true, weekday: 'Tuesday', bankHoliday: null })
  })
})

describe('addWorkingDays (C1: D plus N working days, D not counted)', () => {
  it.each([
    ['2022-06-06', -5, '2022-05-26', 'back over the Jubilee Thursday–Friday (RULES.md C2 example)'],
    ['2022-05-26', 5, '2022-06-06', 'forward over the Jubilee Thursday–Friday'],
    ['2020-04-20', -5, '2020-04-09', 'back over Easter 2020 to Maundy Thursday (002#73 fn18)'],
    ['2024-03-28', 1, '2024-04-02', 'Maundy Thursday + 1 skips Good Friday, the weekend and Easter Monday'],
    ['2021-12-24', 1, '2021-12-29', 'Christmas Eve 2021 + 1 skips the two substitute days'],
    ['2021-12-31', 1, '2022-01-04', 'New Year’s Eve 2021 + 1 skips the New Year substitute day'],
    [
      '2020-12-24',
      2,
      '2020-12-30',
      'Christmas Eve 2020 + 2 skips Christmas, the weekend and the Boxing Day substitute',
    ],
    ['2022-09-16', 1, '2022-09-20', 'Friday before the Queen’s funeral + 1'],
    ['2022-06-04', 1, '2022-06-06', 'from a Saturday: the next working day'],
    ['2022-06-04', -1, '2022-06-01', 'from a Saturday back: the last working day before'],
    ['2022-06-04', 0, '2022-06-04', 'zero working days leaves the date alone'],
    ['2023-01-02', 70, '2023-04-12', '70 working days from the New Year substitute, over Easter 2023'],
  ])('%s plus %i WD = %s (%s)', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected)
  })

  it('refuses a fractional number of working days (a bug, not a user error)', () => {
    expect(() => addWorkingDays('2022-06-06', 1.5)).toThrow(RangeError)
  })
})

describe('workingDaysBetween (C1: after FROM up to and including TO)', () => {
  it.each([
    ['2022-05-26', '2022-06-06', 5, 'over the Jubilee'],
    ['2022-06-06', '2022-05-26', -5, 'backwards over the Jubilee'],
    ['2022-06-06', '2022-06-06', 0, 'same day'],
    ['2022-06-03', '2022-06-06', 1, 'from a bank holiday to the next Monday'],
    ['2022-06-06', '2022-06-04', 0, 'back to a Saturday: no working day stepped over'],
    ['2022-06-04', '2022-06-01', -1, 'back from a Saturday to the Wednesday'],
    ['2021-12-24', '2022-01-04', 4, 'over Christmas and New Year 2021: 29, 30, 31 Dec and 4 Jan'],
  ])('%s → %s = %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected)
  })
})

describe('timelineDay ("day N" = day 1 + (N − 1) WD; no day 0)', () => {
  it.each([
    ['2015-06-01', 1, '2015-06-01', 'day 1 is day 1'],
    ['2015-06-01', 6, '2015-06-08', 'day 6, the 2015 progress inspection’s first day on site (000#42)'],
    ['2022-05-23', 6, '2022-05-30', 'day 6 is Monday 30 May 2022 (its bank holiday moved to 2 June)'],
    ['2022-05-23', 8, '2022-06-01', 'day 8 is Wednesday 1 June'],
    ['2022-05-23', 9, '2022-06-06', 'day 9 skips both Jubilee holidays'],
    ['2022-06-06', -2, '2022-05-31', 'day −2 before Monday 6 June 2022 is Tuesday 31 May'],
    ['2023-06-05', -2, '2023-06-01', 'day −2 before a Monday is the Thursday (001#60)'],
  ])('day 1 %s, day %i = %s (%s)', (day1, n, expected) => {
    expect(timelineDay(day1, n)).toBe(expected)
  })

  it('has no day 0', () => {
    expect(() => timelineDay('2023-06-05', 0)).toThrow(RangeError)
  })
})

describe('nearest working day', () => {
  it.each([
    ['2022-06-04', '2022-06-01', '2022-06-06'],
    ['2022-06-06', '2022-06-06', '2022-06-06'],
    ['2020-12-25', '2020-12-24', '2020-12-29'],
  ])('%s: on or before %s, on or after %s', (date, before, after) => {
    expect(workingDayOnOrBefore(date)).toBe(before)
    // On or after: the date itself, or the next working day (addWorkingDays 1).
    expect(isWorkingDay(date) ? date : addWorkingDays(date, 1)).toBe(after)
  })
})

// Properties over 2014–2028 (the years the seeds and the published list span).
const anyDate = fc.integer({ min: toDayNumber('2014-01-01'), max: toDayNumber('2028-12-31') }).map(fromDayNumber)
const aWorkingDay = anyDate.filter(isWorkingDay)
const anyCount = fc.integer({ min: -400, max: 400 })

describe('working-day properties (fast-check)', () => {
  it('adding then subtracting N working days returns the start when the start is a working day', () => {
    fc.assert(fc.property(aWorkingDay, anyCount, (start, n) => addWorkingDays(addWorkingDays(start, n), -n) === start))
  })

  it('a result is always a working day (never a weekend or a bank holiday) when N ≠ 0', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyCount.filter((n) => n !== 0),
        (start, n) => {
          const result = addWorkingDays(start, n)
          return isWorkingDay(result) && dayOfWeek(result) <= 5 && bankHolidayOn(result) === undefined
        },
      ),
    )
  })

  it('between(from, add(from, n)) = n for every date and every n', () => {
    fc.assert(fc.property(anyDate, anyCount, (start, n) => workingDaysBetween(start, addWorkingDays(start, n)) === n))
  })

  it('adding moves in the direction of n, by at least n days', () => {
    fc.assert(
      fc.property(anyDate, anyCount, (start, n) => {
        const result = addWorkingDays(start, n)
        const days = toDayNumber(result) - toDayNumber(start)
        return Math.sign(days) === Math.sign(n) && Math.abs(days) >= Math.abs(n)
      }),
    )
  })

  it('counting one day at a time agrees with addWorkingDays', () => {
    fc.assert(
      fc.property(aWorkingDay, fc.integer({ min: 1, max: 60 }), (start, n) => {
        let date = start
        let count = 0
        while (count < n) {
          date = addDays(date, 1)
          if (isWorkingDay(date)) count += 1
        }
        return addWorkingDays(start, n) === date
      }),
    )
  })
})
