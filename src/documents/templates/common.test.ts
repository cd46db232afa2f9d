import { describe, expect, it } from 'vitest'
import { fieldworkDates, listOfNames, monthYear, ordinal } from './common.js'

describe('fieldworkDates', () => {
  it.each([
    ['2027-01-18', '2027-01-29', '18 to 29 January 2027'],
    ['2027-01-25', '2027-02-05', '25 January to 5 February 2027'],
    ['2026-12-14', '2027-01-08', '14 December 2026 to 8 January 2027'],
    ['2027-03-02', '2027-03-02', '2 March 2027'],
  ])('%s to %s reads "%s"', (start, end, expected) => {
    expect(fieldworkDates({ start, end })).toBe(expected)
  })
})

describe('words', () => {
  it('names the month of a date', () => expect(monthYear('2026-06-26')).toBe('June 2026'))
  it.each([
    [1, 'first'],
    [3, 'third'],
    [12, 'twelfth'],
    [13, '13th'],
  ])('visit %i is the %s', (n, word) => expect(ordinal(n)).toBe(word))
  it.each([
    [['Sam Patel'], 'Sam Patel'],
    [['Sam Patel', 'Jo Williams'], 'Sam Patel and Jo Williams'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('lists %j as "%s"', (names, expected) => expect(listOfNames(names)).toBe(expected))
})
