import { describe, expect, it } from 'vitest'
import { atLeastAMajority, descriptorFor, descriptorForCases } from './descriptors.js'

describe('descriptorFor (E9, 000#Annex H/B)', () => {
  it.each([
    [100, 'Vast/overwhelming majority or almost all'],
    [97, 'Vast/overwhelming majority or almost all'],
    [96, 'Very large majority, most'],
    [85.5, 'Very large majority, most'],
    [80, 'Very large majority, most'],
    [79, 'Large majority'],
    [65, 'Large majority'],
    [64, 'Majority'],
    [51, 'Majority'],
    [49, 'Minority'],
    [35, 'Minority'],
    [34, 'Small minority'],
    [20, 'Small minority'],
    [19, 'Very small minority, few'],
    [4, 'Very small minority, few'],
    [3, 'Almost no/very few'],
    [0, 'Almost no/very few'],
  ])('%s%% → %s', (percent, words) => {
    expect(descriptorFor(percent)).toMatchObject({ words, gap: false, rule: 'E9', citation: '000#Annex H/B' })
  })

  it.each([
    [50, '35–49%', '51–64%'],
    [96.7, '80–96%', '97–100%'],
    [79.5, '65–79%', '80–96%'],
    [3.5, '0–3%', '4–19%'],
    [49.9, '35–49%', '51–64%'],
  ])('%s%% is a gap between %s and %s, not rounded into a band', (percent, below, above) => {
    expect(descriptorFor(percent)).toEqual({
      percent,
      words: null,
      gap: true,
      between: [below, above],
      rule: 'E9',
      citation: '000#Annex H/B',
    })
  })

  it.each([-1, 100.1, Number.NaN])('refuses %s', (percent) => {
    expect(() => descriptorFor(percent)).toThrow(RangeError)
  })
})

describe('descriptorForCases (E9)', () => {
  it.each([
    [29, 30, true, null],
    [15, 30, true, null],
    [28, 30, false, 'Very large majority, most'],
    [2, 3, false, 'Large majority'],
    [6, 6, false, 'Vast/overwhelming majority or almost all'],
  ])('%i of %i: gap %s, words %s', (count, total, gap, words) => {
    expect(descriptorForCases(count, total)).toMatchObject({ gap, words })
  })

  it('tests "at least a majority" (000#Annex H fn3)', () => {
    expect(atLeastAMajority(16, 30)).toBe(true)
    expect(atLeastAMajority(15, 30)).toBe(false)
  })
})
