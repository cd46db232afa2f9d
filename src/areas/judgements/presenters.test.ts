import { describe, expect, it } from 'vitest'
import { FRAMEWORK_INFO } from '../register/index.js'
import {
  checkHtml,
  confirmationRows,
  feedbackRows,
  findingGroups,
  frameworkRows,
  gradeItems,
  judgementRows,
  nextStepRows,
  paragraphs,
} from './presenters.js'
import type { RecordedJudgement } from './types.js'

const judgement = (area: string, overrides: Partial<RecordedJudgement> = {}): RecordedJudgement => ({
  area,
  grade: 'good',
  rationale: 'Strong <b>practice</b>\nin case 1234',
  evidenceHeadings: [],
  leadersUnderstandFailure: null,
  recordedByName: 'A Lead',
  recordedAt: new Date('2027-01-21T12:00:00Z'),
  ...overrides,
})

describe('presenters', () => {
  it('escapes free text and keeps its line breaks', () => {
    expect(paragraphs('One <script>\nTwo\n\nThree')).toBe(
      '<p class="govuk-body">One &#60;script&#62;<br>Two</p><p class="govuk-body">Three</p>',
    )
  })

  it('links a check to its rule with its citation', () => {
    expect(checkHtml({ rule: 'S6', citation: '002#241', message: 'Leaders & practice' })).toBe(
      'Leaders &#38; practice <a class="govuk-link app-rule-link" href="/rules/S6" title="002#241">S6<span class="govuk-visually-hidden"> (rule, 002#241)</span></a>',
    )
  })

  it('shows every judgement of the framework, recorded or not, with Change or Record links', () => {
    const areas = FRAMEWORK_INFO['ilacs-2026'].areas
    const rows = judgementRows(
      areas,
      [judgement('leaders', { evidenceHeadings: ['leaders.3'], leadersUnderstandFailure: true })],
      (key) => `/x/${key}`,
    )
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatchObject({
      key: { text: 'The experiences and progress of children who need help and protection' },
      actions: { items: [{ href: '/x/help-and-protection', text: 'Record' }] },
    })
    const leaders = rows[3] as { value: { html: string }; actions: { items: Array<{ text: string }> } }
    expect(leaders.actions.items[0]!.text).toBe('Change')
    expect(leaders.value.html).toContain('Strong &#60;b&#62;practice&#60;/b&#62;<br>in case 1234')
    expect(leaders.value.html).toContain('Evaluation criteria: Performance management (002#241)')
    expect(leaders.value.html).toContain('Leaders have shown sufficient understanding')
    expect(judgementRows(areas, [])[0]).not.toHaveProperty('actions')
  })

  it('marks the suggested overall grade (002#99)', () => {
    expect(
      gradeItems('good', 'requires-improvement').map((item) => [item.value, item.checked, Boolean(item.hint)]),
    ).toEqual([
      ['outstanding', false, false],
      ['good', true, false],
      ['requires-improvement', false, true],
      ['inadequate', false, false],
    ])
  })

  it('says which framework applies and why', () => {
    const rows = frameworkRows('ilacs-2023', '2023-01-09') as Array<{ value: { html: string } }>
    expect(rows[0]!.value.html).toContain('In force on the first day on site, Monday 9 January 2023')
    expect(rows[1]!.value.html).toContain('5 judgements')
    expect(rows[1]!.value.html).toContain('care leavers are graded separately')
  })

  it('shows the problems and reason kept with a confirmation', () => {
    const rows = confirmationRows({
      at: new Date('2027-01-21T16:30:00Z'),
      byName: 'A Lead',
      reason: 'Moderation to review',
      checks: { problems: [{ rule: 'S6', citation: '002#241', message: 'Outside the descriptors' }], warnings: [] },
    })
    expect(rows.map((row) => (row as { key: { text: string } }).key.text)).toEqual([
      'Confirmed',
      'Problems flagged when confirmed',
      'Reason recorded',
    ])
    expect((rows[0] as { value: { text: string } }).value.text).toBe('21 January 2027 at 16:30 by A Lead')
  })

  it('groups findings by kind with the 002#109 ground of a priority action', () => {
    const groups = findingGroups([
      { id: 'a', kind: 'priority-action', text: 'Delay', ground: 'permanence-delay', recordedAt: new Date() },
      { id: 'b', kind: 'strength', text: 'Good', ground: null, recordedAt: new Date() },
    ])
    expect(groups.map((group) => [group.title, group.items.length])).toEqual([
      ['Strengths', 1],
      ['Areas for improvement', 0],
      ['Areas for priority action', 1],
    ])
    expect(groups[2]!.items[0]!.html).toContain('unnecessary delay in identifying permanent solutions')
  })

  it('shows the LA what it was told at feedback and nothing of Ofsted’s own record', () => {
    const areas = FRAMEWORK_INFO['ilacs-2026'].areas
    const feedback = {
      heldOn: '2027-01-22',
      durationMinutes: 50,
      attendees: ['dcs', 'lead-inspector'] as const,
      otherAttendees: null,
      dcsToldBefore: true,
      judgementsGiven: { leaders: 'good' },
      setOut: ['provisional'] as const,
      notes: 'Internal',
      recordedByName: 'A Lead',
    }
    const forLa = feedbackRows(
      { ...feedback, attendees: [...feedback.attendees], setOut: [...feedback.setOut] },
      areas,
      { forLa: true, graded: true },
    )
    expect(forLa.map((row) => (row as { key: { text: string } }).key.text)).toEqual([
      'Date',
      'Length',
      'Attended (by role)',
      'Provisional judgements given',
    ])
    const forOfsted = feedbackRows(
      { ...feedback, attendees: [...feedback.attendees], setOut: [...feedback.setOut] },
      areas,
      { forLa: false, graded: true },
    )
    expect(forOfsted.map((row) => (row as { key: { text: string } }).key.text)).toEqual([
      'Date',
      'Length',
      'Attended (by role)',
      'Provisional judgements given',
      'DCS told before the meeting',
      'Set out at the meeting',
      'Notes',
      'Recorded by',
    ])
  })

  it('lists what follows feedback with each date’s rule (E7)', () => {
    const rows = nextStepRows([
      { label: 'Report published on Ofsted’s website', date: '2023-02-20', rule: 'E7', citation: '002#216' },
    ]) as Array<{ key: { text: string }; value: { html: string } }>
    expect(rows[0]!.key.text).toBe('Monday 20 February 2023')
    expect(rows[0]!.value.html).toContain('href="/rules/E7"')
  })
})
