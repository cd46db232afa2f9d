import { describe, expect, it } from 'vitest'
import {
  caseMark,
  concernOverdue,
  fieldworkDays,
  headingCoverage,
  isChildId,
  kitDays,
  namesFingerprint,
  onSiteHoursFlags,
  parseCaseIds,
  rfiOverdue,
} from './fieldwork.js'

describe('parseCaseIds', () => {
  it('reads Child Unique IDs separated by commas, spaces or lines, once each, keeping leading zeros (Annex A SPEC 1.0)', () => {
    expect(parseCaseIds('C104532, 0045671\n0045671; 886-2231')).toEqual({
      ids: ['C104532', '0045671', '886-2231'],
      invalid: [],
    })
  })

  it('refuses words with no digit, so a name cannot stand in for a case reference (002#191)', () => {
    expect(parseCaseIds('C104532, Jamie, JB')).toEqual({ ids: ['C104532'], invalid: ['Jamie', 'JB'] })
    expect(isChildId('12345678901234567890123456789012345678901')).toBe(false)
    expect(isChildId('A1/22.b_3')).toBe(true)
  })

  it('is empty for an empty field', () => {
    expect(parseCaseIds('  ')).toEqual({ ids: [], invalid: [] })
  })
})

describe('caseMark', () => {
  it('says not checked until the case sample or Annex A lists exist', () => {
    expect(caseMark('C1', null)).toBe('unchecked')
    expect(caseMark('C1', new Set(['C1']))).toBe('known')
    expect(caseMark('C2', new Set(['C1']))).toBe('unknown')
  })
})

describe('headingCoverage (E2)', () => {
  it('lists all 17 headings under their three areas with counts, and how many have evidence', () => {
    const coverage = headingCoverage(
      new Map([
        ['help-and-protection.1', 2],
        ['leaders.4', 1],
      ]),
    )
    expect(coverage.total).toBe(17)
    expect(coverage.covered).toBe(2)
    expect(coverage.areas.map((area) => area.headings.length)).toEqual([6, 7, 4])
    expect(coverage.areas[0]!.headings[0]).toMatchObject({ heading: 'Early help', count: 2 })
    expect(coverage.areas[2]!.headings[3]).toMatchObject({ heading: 'Workforce', count: 1 })
  })
})

describe('fieldworkDays and kitDays (002#173)', () => {
  it('counts working days only, leaving out weekends and bank holidays', () => {
    // Fieldwork over the Easter Monday of 2027 (29 March).
    expect(fieldworkDays('2027-03-25', '2027-03-31')).toEqual(['2027-03-25', '2027-03-30', '2027-03-31'])
  })

  it('marks past days without a note as missing, today as due (not missed before it ends), later days as to come', () => {
    const days = kitDays(['2027-01-11', '2027-01-12', '2027-01-13', '2027-01-14'], ['2027-01-11'], '2027-01-13')
    expect(days.map((day) => day.state)).toEqual(['recorded', 'missing', 'today', 'to-come'])
  })
})

describe('overdue requests and concerns', () => {
  it('is overdue only while waiting for the LA, after the date required', () => {
    expect(rfiOverdue({ status: 'requested', dateResponseRequired: '2027-01-12' }, '2027-01-13')).toBe(true)
    expect(rfiOverdue({ status: 'requested', dateResponseRequired: '2027-01-13' }, '2027-01-13')).toBe(false)
    expect(rfiOverdue({ status: 'answered', dateResponseRequired: '2027-01-12' }, '2027-01-13')).toBe(false)
    expect(concernOverdue({ status: 'escalated', responseDue: '2027-01-12' }, '2027-01-13')).toBe(true)
    expect(concernOverdue({ status: 'responded', responseDue: '2027-01-12' }, '2027-01-13')).toBe(false)
  })
})

describe('namesFingerprint', () => {
  it('is the same for the same words in any order, and changes when a word is added', () => {
    const a = namesFingerprint([
      { field: 'impact', text: 'Tyler' },
      { field: 'evidenceSummary', text: "Jamie's mother" },
    ])
    const b = namesFingerprint([
      { field: 'evidenceSummary', text: "Jamie's mother" },
      { field: 'impact', text: 'Tyler' },
    ])
    expect(a).toBe(b)
    expect(namesFingerprint([{ field: 'evidenceSummary', text: "Jamie's mother" }])).not.toBe(a)
  })
})

describe('onSiteHoursFlags (C4, 002#83)', () => {
  it('flags on-site sources after 18:00, not case files or documents read off site', () => {
    expect(onSiteHoursFlags({ sourceType: 'observation', collectedTime: '18:00' })).toEqual([])
    expect(onSiteHoursFlags({ sourceType: 'observation', collectedTime: '18:01' })).toHaveLength(1)
    expect(onSiteHoursFlags({ sourceType: 'practitioner', collectedTime: '19:30' })[0]).toMatchObject({ rule: 'C4' })
    expect(onSiteHoursFlags({ sourceType: 'case-file', collectedTime: '21:15' })).toEqual([])
    expect(onSiteHoursFlags({ sourceType: 'document', collectedTime: '21:15' })).toEqual([])
  })
})
