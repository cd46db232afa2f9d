import { describe, expect, it } from 'vitest'
import { addDays, addMonths, dayOfWeek, daysBetween, formatLongDate, isIsoDate } from './dates.js'

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2022-06-06', true],
    ['2022-13-01', false],
    ['6/6/2022', false],
  ])('%s → %s', (value, expected) => expect(isIsoDate(value)).toBe(expected))
})

describe('addMonths (P8: clamps to month end)', () => {
  it.each([
    ['2023-08-31', 6, '2024-02-29'],
    ['2022-08-31', 6, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2021-03-15', -6, '2020-09-15'],
    ['2021-01-31', -2, '2020-11-30'],
  ])('%s + %i months = %s', (date, months, expected) => expect(addMonths(date, months)).toBe(expected))
})

describe('day arithmetic', () => {
  it('crosses the 2022 clock change and year end without drift', () => {
    expect(addDays('2022-03-26', 2)).toBe('2022-03-28')
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01')
    expect(daysBetween('2022-03-26', '2022-03-28')).toBe(2)
  })
  it('numbers weekdays Monday = 1 … Sunday = 7', () => {
    expect(dayOfWeek('2022-06-06')).toBe(1)
    expect(dayOfWeek('2022-06-05')).toBe(7)
    expect(formatLongDate('2022-06-06')).toBe('Monday 6 June 2022')
  })
})
