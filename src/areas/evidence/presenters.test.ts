import { describe, expect, it } from 'vitest'
import { concernSummaryRows, rfiSummaryRows } from './follow-up.presenters.js'
import { caseReferencesHtml, entryCard, entryGroups, possibleNameRows } from './presenters.js'
import type { CaseOfConcern, EvidenceEntryRecord, FurtherInformationRequest } from './types.js'

const entry: EvidenceEntryRecord = {
  id: 'e1',
  activityId: 'a1',
  headingId: 'children-in-care.6',
  sourceType: 'meeting',
  sourceDetail: 'Permanence panel <chair>',
  collectedOn: '2027-01-12',
  collectedTime: '11:15',
  evaluativeStatement: 'Permanence is secured without delay.',
  evidenceSummary: 'Five of six plans\nmet their timescales.',
  impact: 'Children <b>settle</b>.',
  significance: 'outstanding-practice',
  teamAgreed: true,
  namesConfirmed: 0,
  authorId: 'u1',
  authorName: 'Test HMI',
  createdAt: new Date('2027-01-12T12:00:00Z'),
  caseIds: ['C1', 'C2'],
}

describe('entryCard', () => {
  it('shows the three parts in the order of 002#188, escaping what was typed', () => {
    const card = entryCard(entry, new Map([['C1', 'known']]), [])
    expect(card.card.title.text).toBe('12 January 2027 at 11:15, Test HMI')
    expect(JSON.stringify(card.rows)).toContain('Stability and permanence')
    const keys = card.rows.map((row) => (row.key as { text: string }).text)
    expect(keys.slice(0, 3)).toEqual(['Evaluative statement', 'Evidence', 'Impact on children and young people'])
    const values = JSON.stringify(card.rows)
    expect(values).toContain('Five of six plans<br>met their timescales.')
    expect(values).toContain('Children &#60;b&#62;settle&#60;/b&#62;.')
    expect(values).toContain('Outstanding or good practice')
    expect(values).toContain('agreed at a team meeting')
    expect(values).not.toContain('app-on-site-hours')
  })

  it('flags a meeting recorded at 18:40 on Tuesday 12 January 2027 as on-site activity after 6pm (C4, 002#83)', () => {
    const late = JSON.stringify(entryCard({ ...entry, collectedTime: '18:40' }, new Map(), []).rows)
    expect(late).toContain('On-site activity would continue until 18:40; it does not normally continue after 6pm')
    expect(late).toContain('/rules/C4')
  })
})

describe('entryGroups', () => {
  it('groups entries under their headings in the order of the evaluation criteria (E2), leaving out empty headings', () => {
    const groups = entryGroups(
      [
        entry,
        { ...entry, id: 'e2', headingId: 'help-and-protection.1' },
        { ...entry, id: 'e3', headingId: 'help-and-protection.1' },
      ],
      new Map(),
      [],
    )
    expect(groups.map((group) => [group.title, group.count])).toEqual([
      ['Early help', 2],
      ['Stability and permanence', 1],
    ])
    expect(groups[1]!.area).toBe('Children in care and care leavers')
  })
})

describe('caseReferencesHtml', () => {
  it('tags each reference as in the case sample, not in it, or not checked', () => {
    const html = caseReferencesHtml(
      ['C1', 'C2', '<C3>'],
      new Map([
        ['C1', 'known'],
        ['C2', 'unknown'],
      ]),
    )
    expect(html).toContain('C1 <strong class="govuk-tag govuk-tag--green">In the case sample</strong>')
    expect(html).toContain('C2 <strong class="govuk-tag govuk-tag--yellow">Not in the case sample</strong>')
    expect(html).toContain('&#60;C3&#62; <strong class="govuk-tag govuk-tag--grey">Not checked</strong>')
    expect(caseReferencesHtml([], new Map())).toBe('None')
  })
})

describe('rfiSummaryRows (E3)', () => {
  it('gives the eight fields of Annex B in order', () => {
    const rfi: FurtherInformationRequest = {
      id: 'r1',
      activityId: 'a1',
      number: 1,
      status: 'awaiting-lead',
      requestedById: 'u1',
      requestedByName: 'Test HMI',
      raisedAt: new Date(),
      requestType: 'document',
      caseId: null,
      reason: 'Audit',
      dateRequested: null,
      dateResponseRequired: '2027-01-14',
      dateReceived: null,
      response: null,
      answeredByName: null,
      decisionNote: null,
      decidedByName: null,
      version: 1,
    }
    const rows = rfiSummaryRows(rfi)
    expect(rows.map((row) => row.key.text)).toHaveLength(8)
    expect(rows[1]!.value).toEqual({ text: 'Awaiting the lead inspector' })
    expect(rows[5]!.value).toEqual({ text: 'Not applicable' })
  })
})

describe('concernSummaryRows', () => {
  const concern: CaseOfConcern = {
    id: 'c1',
    activityId: 'a1',
    number: 1,
    status: 'escalated',
    caseId: '0045671',
    teamLocation: 'Team 2',
    issues: 'Working notes',
    significance: 'High',
    discussedWith: 'Team manager',
    raisedByName: 'Test HMI',
    raisedAt: new Date('2027-01-13T10:00:00Z'),
    formalNote: 'Formal note',
    responseDue: '2027-01-14',
    escalatedAt: new Date(),
    laResponse: null,
    respondedByName: null,
    respondedAt: null,
    findings: null,
    findingsAt: null,
    version: 2,
  }

  it('gives the LA the case identification and the formal note, never the working notes (000 Annex C)', () => {
    const la = JSON.stringify(concernSummaryRows(concern, true))
    expect(la).toContain('0045671')
    expect(la).toContain('Formal note')
    expect(la).not.toContain('Working notes')
    expect(la).not.toContain('Team manager')
    const ofsted = JSON.stringify(concernSummaryRows(concern, false))
    expect(ofsted).toContain('Working notes')
  })
})

describe('possibleNameRows', () => {
  it('labels the field and escapes the words', () => {
    expect(possibleNameRows([{ field: 'evidenceSummary', text: '<Jamie>', reason: 'a common first name' }])).toEqual([
      [{ text: 'Evidence' }, { html: '<strong>&#60;Jamie&#62;</strong>' }, { text: 'a common first name' }],
    ])
  })
})
