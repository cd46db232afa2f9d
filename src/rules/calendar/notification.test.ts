import { describe, expect, it } from 'vitest'
import { notificationFor } from './notification.js'

describe('notificationFor (C2, 002#73 fn18: five working days before fieldwork)', () => {
  it.each([
    ['2023-06-12', '2023-06-05', false, 'an ordinary week: the Monday before (002#73)'],
    [
      '2021-06-07',
      '2021-05-28',
      true,
      'notice Monday 31 May 2021 is the spring bank holiday → the Friday before (fn18)',
    ],
    ['2020-04-20', '2020-04-09', true, 'notice Easter Monday 13 April 2020 → Maundy Thursday (fn18, Easter)'],
    ['2024-04-08', '2024-03-28', true, 'notice Easter Monday 1 April 2024 → Maundy Thursday 28 March (fn18, Easter)'],
    ['2022-06-06', '2022-05-26', true, 'Jubilee Thursday–Friday 2–3 June 2022 → Thursday 26 May (RULES.md C2 example)'],
    ['2023-05-15', '2023-05-05', true, 'notice Monday 8 May 2023 is the coronation holiday → Friday 5 May'],
  ])('fieldwork %s → notice %s (moved: %s; %s)', (fieldwork, notice, moved) => {
    const result = notificationFor(fieldwork)
    expect(result.date).toBe(notice)
    expect(result.moved).toBe(moved)
    expect(result.rule).toBe('C2')
  })

  it('explains a move in words', () => {
    expect(notificationFor('2020-04-20').explanation).toMatch(/Easter Monday/)
    expect(notificationFor('2022-06-06').explanation).toMatch(/bank holidays between/)
  })

  it('counts ten working days for a monitoring visit’s data request (002#129)', () => {
    expect(notificationFor('2023-06-19', 10).date).toBe('2023-06-05')
  })
})
