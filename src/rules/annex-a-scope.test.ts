import { describe, expect, it } from 'vitest'
import { annexAScope } from './annex-a-scope.js'

const ALL = [
  '1.01',
  '1.02',
  '1.03',
  '1.05',
  '1.06',
  '1.07',
  '1.08',
  '1.09',
  '1.10',
  '2.01',
  '3.04',
  '3.04 (CAMHS)',
  '3.07',
  '3.10',
]

describe('what Annex A an activity asks for (S4, 002#242)', () => {
  it('asks a standard or short inspection for every list and document', () => {
    for (const type of ['standard-inspection', 'short-inspection', 'monitoring-visit'] as const) {
      const scope = annexAScope(type, [], ALL)
      expect(scope).toMatchObject({ all: true, lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], documents: ALL })
    }
  })

  it('asks a focused visit on care leavers only for List 9 and the documents of its topic and leadership', () => {
    const scope = annexAScope('focused-visit', ['Care leavers'], ALL)
    expect(scope.all).toBe(false)
    expect(scope.lists).toEqual([9])
    expect(scope.documents).toEqual(['1.01', '1.03', '1.05', '1.06', '1.07', '1.08', '1.09', '3.07', '3.10'])
    expect(scope.reason).toContain('Care leavers')
  })

  it('joins the topics of a visit with two', () => {
    const scope = annexAScope('focused-visit', ['Children in care', 'The front door'], ALL)
    expect(scope.lists).toEqual([1, 2, 3, 4, 5, 8])
    expect(scope.documents).toContain('3.04 (CAMHS)')
    expect(scope.documents).toContain('2.01')
    expect(scope.documents).not.toContain('3.10')
  })
})
