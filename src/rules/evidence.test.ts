import { describe, expect, it } from 'vitest'
import {
  FURTHER_INFORMATION_REQUEST_FIELDS,
  checkEvidenceEntry,
  feedbackWithinLimit,
  type EvidenceEntry,
} from './evidence.js'
import { seedText } from '../../test/support/seeds.js'

const entry: EvidenceEntry = {
  headingId: 'help-and-protection.3',
  statement: 'Child protection enquiries are thorough and timely.',
  evidence: 'In five of six cases (refs 1234, 5678) strategy discussions were held the same day; J.S. was seen alone.',
  impact: 'Children are safer sooner.',
  source: 'Case audit with team manager',
  date: '2023-06-13',
  time: '14:30',
}

describe('checkEvidenceEntry (E1, 002#182, #188, #191)', () => {
  it('accepts a complete, three-part entry using case references and initials', () => {
    expect(checkEvidenceEntry(entry, ['Jamie', 'Smith'])).toEqual([])
  })

  it.each([
    ['an unknown heading', { headingId: 'leaders.9' }, 'headingId', '002#182'],
    ['no time', { time: ' ' }, 'time', '002#182'],
    ['no impact', { impact: '' }, 'impact', '002#188'],
    ['a child’s name', { evidence: 'Jamie was seen alone.' }, 'evidence', '002#191'],
  ] as const)('flags %s', (_case, change, field, citation) => {
    expect(checkEvidenceEntry({ ...entry, ...change }, ['Jamie'])).toEqual([
      expect.objectContaining({ rule: 'E1', field, citation }),
    ])
  })

  it('does not mistake part of a word for a name', () => {
    expect(checkEvidenceEntry({ ...entry, evidence: 'Jamieson Road office' }, ['Jamie'])).toEqual([])
  })
})

describe('record of requests for further information (E3, 002 Annex B)', () => {
  it('has the eight fields of the Annex B template, in its words', () => {
    expect(FURTHER_INFORMATION_REQUEST_FIELDS).toHaveLength(8)
    const template = seedText('002').slice(seedText('002').indexOf('# **Annex B. Request for further information**'))
    for (const field of FURTHER_INFORMATION_REQUEST_FIELDS) expect(template).toContain(field.label)
  })
})

describe('feedbackWithinLimit (E5, 002#199)', () => {
  it.each([
    [45, true],
    [60, true],
    [75, false],
  ])('%i minutes → %s', (minutes, expected) => expect(feedbackWithinLimit(minutes)).toBe(expected))
})
