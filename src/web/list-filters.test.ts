import { describe, expect, it } from 'vitest'
import { pageFilter, regionFilter } from './list-filters.js'

describe('list filters', () => {
  it('reads a region code the form offers and refuses an edited one', () => {
    expect(regionFilter(undefined)).toEqual({})
    expect(regionFilter('E12000007')).toEqual({ regionCode: 'E12000007' })
    expect(regionFilter('London')).toEqual({ error: 'Select a region from the list' })
  })

  it('reads a page number from 1 within the digits allowed, and refuses 0, words and absurd numbers', () => {
    expect(pageFilter(undefined, 5)).toEqual({ page: 1 })
    expect(pageFilter('2', 5)).toEqual({ page: 2 })
    expect(pageFilter('99999', 5)).toEqual({ page: 99999 })
    for (const text of ['0', 'two', '-1', '100000'])
      expect(pageFilter(text, 5), text).toEqual({ page: 1, error: 'Enter a page number, for example 2' })
    expect(pageFilter('1000000', 7)).toEqual({ page: 1000000 })
  })
})
