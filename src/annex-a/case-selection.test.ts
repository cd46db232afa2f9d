import { describe, expect, it } from 'vitest'
import { CASE_SELECTION_FACTORS, FACTORS_NOT_IN_ANNEX_A } from './case-selection.js'

describe('Annex A case-selection factors (002#150-151)', () => {
  it('keeps the bit of every factor a stored profile holds (bit i = factor i)', () => {
    expect(CASE_SELECTION_FACTORS.map((factor) => factor.id)).toEqual([
      'disabled',
      'abuse-neglect',
      'missing',
      'absent',
      'out-of-area',
      'kinship',
      'placed-at-home-on-care-order',
      'residential',
      'large-sibling-group',
      'private-or-voluntary-provider',
      'uasc',
      'care-leaver-neet',
      'care-leaver-not-in-touch',
      'delay',
    ])
  })

  it('names the factors no Annex A column records, as id, label and citation only', () => {
    expect(FACTORS_NOT_IN_ANNEX_A.map((factor) => factor.id)).toEqual([
      'exploitation',
      'missing-from-home-or-education',
      'educational-achievement',
      'third-party-provider',
    ])
    for (const factor of [...CASE_SELECTION_FACTORS, ...FACTORS_NOT_IN_ANNEX_A])
      expect(Object.keys(factor)).toEqual(['id', 'label', 'citation'])
  })
})
