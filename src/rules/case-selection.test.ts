import { describe, expect, it } from 'vitest'
import {
  CASE_SELECTION_FACTORS,
  CASE_SELECTION_INDICATORS,
  contemporaryPracticeFrom,
  listCoversFrom,
} from './case-selection.js'

describe('Annex A list look-back (S9, 002#249)', () => {
  it.each([
    [1, '2023-06-05', '2023-03-05', 'contacts: three months'],
    [2, '2023-06-05', '2022-12-05', 'early help: six months'],
    [8, '2023-06-05', '2022-12-05', 'children in care now, and those who ceased in six months'],
    [9, '2023-06-05', '2023-06-05', 'care leavers at the point of inspection'],
    [10, '2023-06-05', '2022-06-05', 'adoption: 12 months'],
    [3, '2023-05-31', '2023-02-28', 'three months back from 31 May clamps to 28 February'],
  ])('list %i drawn on %s covers from %s (%s)', (list, on, from) => {
    expect(listCoversFrom(list, on)).toBe(from)
  })

  it('has lists 1 to 11 and refuses others', () => {
    for (const list of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
      expect(() => listCoversFrom(list, '2023-06-05')).not.toThrow()
    expect(() => listCoversFrom(12, '2023-06-05')).toThrow(RangeError)
  })

  it('takes contemporary practice as the last six months (002#154 fn26)', () => {
    expect(contemporaryPracticeFrom('2023-06-12')).toBe('2022-12-12')
  })
})

describe('case selection factors (S5, 002#150)', () => {
  it('must include exploited and missing children and one child from a large sibling group', () => {
    expect(CASE_SELECTION_FACTORS.filter((item) => item.mustInclude).map((item) => item.factor)).toEqual([
      'children the local authority is concerned may be vulnerable to sexual and other forms of exploitation',
      'children who have been missing from care, home and education',
      'at least one child from a large sibling group',
    ])
  })

  it('shows every factor by at least one indicator, each naming a known factor', () => {
    const factors = CASE_SELECTION_FACTORS.map((item) => item.id)
    for (const indicator of CASE_SELECTION_INDICATORS)
      if (indicator.factor !== null) expect(factors, indicator.id).toContain(indicator.factor)
    for (const factor of factors)
      expect(
        CASE_SELECTION_INDICATORS.some((indicator) => indicator.factor === factor),
        factor,
      ).toBe(true)
    const ids = CASE_SELECTION_INDICATORS.map((indicator) => indicator.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives the indicators Annex A records the bits 0 to n - 1, each once', () => {
    const bits = CASE_SELECTION_INDICATORS.flatMap((indicator) =>
      indicator.annexABit === null ? [] : [indicator.annexABit],
    )
    expect([...bits].sort((a, b) => a - b)).toEqual(bits.map((_, i) => i))
  })
})
