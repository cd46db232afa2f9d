import { describe, expect, it } from 'vitest'
import { isInChristmasPeriod, seasonalChecks } from './seasonal-checks.js'
import { onSiteHoursCheck } from './on-site-hours.js'
import type { ActivityType } from '../types.js'

describe('christmasPeriod (C3 decision: 24 Dec – 1 Jan or its substitute day)', () => {
  it.each([
    ['2021-12-24', '2022-01-03', '2022-01-04', 'New Year’s Day 2022 on a Saturday: to the substitute Monday'],
    ['2022-12-24', '2023-01-02', '2023-01-03', 'New Year’s Day 2023 on a Sunday: to Monday 2 January'],
    ['2024-12-24', '2025-01-01', '2025-01-02', 'an ordinary year'],
  ])('runs from %s to %s, not %s (%s)', (from, to, after) => {
    expect(isInChristmasPeriod(from)).toBe(true)
    expect(isInChristmasPeriod(to)).toBe(true)
    expect(isInChristmasPeriod(after)).toBe(false)
  })

  it.each([
    ['2024-12-23', false],
    ['2024-12-24', true],
    ['2025-01-01', true],
    ['2025-01-02', false],
  ])('%s in the period: %s', (date, expected) => expect(isInChristmasPeriod(date)).toBe(expected))
})

describe('seasonalChecks (C3, 002#14)', () => {
  const cases: [ActivityType, string, string, string | undefined, number, string][] = [
    ['standard-inspection', '2024-12-30', '2025-01-10', undefined, 1, 'begins over New Year'],
    ['standard-inspection', '2025-01-06', '2025-01-17', '2024-12-30', 1, 'notice given over New Year'],
    ['standard-inspection', '2025-08-04', '2025-08-15', undefined, 1, 'standard inspection in August'],
    ['focused-visit', '2025-08-05', '2025-08-06', undefined, 1, 'focused visit in August: by agreement only'],
    [
      'monitoring-visit',
      '2025-08-05',
      '2025-08-06',
      undefined,
      0,
      'a planned monitoring visit may take place in August',
    ],
    ['short-inspection', '2025-07-28', '2025-08-01', undefined, 1, 'a short inspection running into August'],
    ['short-inspection', '2025-06-02', '2025-06-06', '2025-05-23', 0, 'an ordinary June week'],
  ]
  it.each(cases)('%s on site %s–%s (notice %s): %i flag(s): %s', (type, first, last, notice, count) => {
    const flags = seasonalChecks(type, first, last, notice)
    expect(flags).toHaveLength(count)
    for (const flag of flags) expect(flag).toMatchObject({ rule: 'C3', citation: '002#14' })
  })
})

describe('onSiteHoursCheck (C4, 002#83)', () => {
  it.each([
    ['17:30', 0],
    ['18:00', 0],
    ['18:01', 1],
    ['19:15', 1],
  ])('activity until %s → %i flag(s)', (time, count) => {
    expect(onSiteHoursCheck(time)).toHaveLength(count)
  })

  it('refuses a time that is not HH:MM', () => {
    expect(() => onSiteHoursCheck('6pm')).toThrow(RangeError)
  })
})
