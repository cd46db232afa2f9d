import { describe, expect, it } from 'vitest'
import { weekOf, workingDaysFrom } from './fieldwork.js'

describe('fieldwork helpers', () => {
  it('lists working days, skipping weekends and bank holidays (Easter Monday 29 March 2027)', () => {
    expect(workingDaysFrom('2027-03-25', '2027-03-30')).toEqual(['2027-03-25', '2027-03-30'])
  })
  it('finds the Monday of the week', () => {
    expect(weekOf('2027-03-07')).toBe('2027-03-01')
    expect(weekOf('2027-03-01')).toBe('2027-03-01')
  })
})
