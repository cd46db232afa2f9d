import { EVALUATION_HEADINGS } from '../../rules/evaluation-criteria.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { atLeastAMajority, DESCRIPTOR_BANDS, descriptorForCases } from '../../rules/descriptors.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import {
  FRAMEWORK_INFO,
  type Framework,
  GRADE_LABELS,
  GRADES,
  type Grade,
  type JudgementArea,
} from '../register/index.js'
import { gradeTag } from '../register/index.js'
import { ATTENDEE_ROLES, type FeedbackRecord, SET_OUT_ITEMS } from './feedback.js'
import { FINDING_KINDS, type FindingKind, PRIORITY_ACTION_GROUNDS } from './focused-visit-findings.js'
import { type Check, evidenceHeadingsFor, FRAMEWORK_MAPPING } from './framework-judgements.js'
import type { Confirmation, Finding, RecordedJudgement } from './types.js'

type Row = Record<string, unknown>

/** Free text as HTML paragraphs: escaped, line breaks kept. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p class="govuk-body">${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** A check (problem or warning) with the link to its rule. */
export function checkHtml(check: Check): string {
  return `${escapeHtml(check.message)} ${ruleLink(check.rule, check.citation)}`
}

/** The framework the judgements follow, and why, for the summary list at the top of the pages. */
export function frameworkRows(framework: Framework, onsiteStart: string): Row[] {
  const info = FRAMEWORK_INFO[framework]
  return [
    {
      key: { text: 'Framework' },
      value: {
        html: `${escapeHtml(info.label)}<br><span class="govuk-body-s">In force on the first day on site, ${escapeHtml(formatLongDate(onsiteStart))} (${escapeHtml(info.source)})</span>`,
      },
    },
    {
      key: { text: 'Judgements' },
      value: {
        html: `${info.areas.length} judgements ${ruleLink('S6', '002#96-97')}<br><span class="govuk-body-s">${escapeHtml(FRAMEWORK_MAPPING[framework])}</span>`,
      },
    },
  ]
}

/**
 * One summary-list row per judgement of the framework: the grade, its rationale and the
 * evaluation-criteria headings it rests on; a Change (or Record) link when it may be edited.
 */
export function judgementRows(
  areas: readonly JudgementArea[],
  judgements: readonly RecordedJudgement[],
  changeHref?: (areaKey: string) => string,
): Row[] {
  return areas.map((area) => {
    const judgement = judgements.find((candidate) => candidate.area === area.key)
    const headings = judgement
      ? EVALUATION_HEADINGS.filter((heading) => judgement.evidenceHeadings.includes(heading.id))
      : []
    const value = judgement
      ? [
          gradeTag(judgement.grade),
          paragraphs(judgement.rationale),
          headings.length > 0
            ? `<p class="govuk-body-s">Evaluation criteria: ${headings.map((heading) => escapeHtml(heading.heading)).join('; ')} (${escapeHtml([...new Set(headings.map((heading) => heading.citation))].join(', '))})</p>`
            : '',
          judgement.leadersUnderstandFailure === null
            ? ''
            : `<p class="govuk-body-s">Leaders ${judgement.leadersUnderstandFailure ? 'have' : 'have not'} shown sufficient understanding of the failure and taken effective action ${ruleLink('S6', '002#101, #241')}</p>`,
        ].join('')
      : '<strong class="govuk-tag govuk-tag--grey">Not recorded</strong>'
    return {
      key: { text: area.label },
      value: { html: value },
      ...(changeHref
        ? {
            actions: {
              items: [
                {
                  href: changeHref(area.key),
                  text: judgement ? 'Change' : 'Record',
                  visuallyHiddenText: area.label.toLowerCase(),
                },
              ],
            },
          }
        : {}),
    }
  })
}

/** Radios for the four-point scale (002#97), with the suggestion of 002#99 on overall effectiveness. */
export function gradeItems(selected: string | undefined, suggested?: Grade): Row[] {
  return GRADES.map((grade) => ({
    value: grade,
    text: GRADE_LABELS[grade],
    checked: selected === grade,
    ...(suggested === grade ? { hint: { text: 'Suggested by the other judgements (002#99-101)' } } : {}),
  }))
}

/** Checkboxes for the evaluation-criteria headings a judgement's rationale may rest on (E2). */
export function headingItems(framework: Framework, areaKey: string, selected: readonly string[]): Row[] {
  return evidenceHeadingsFor(framework, areaKey).map((heading) => ({
    value: heading.id,
    text: heading.heading,
    checked: selected.includes(heading.id),
  }))
}

/** The confirmation: who, when, the reason and what the checks said then. */
export function confirmationRows(confirmation: Confirmation | null): Row[] {
  if (!confirmation)
    return [
      {
        key: { text: 'Confirmed' },
        value: { html: '<strong class="govuk-tag govuk-tag--grey">Not confirmed</strong>' },
      },
    ]
  const rows: Row[] = [
    {
      key: { text: 'Confirmed' },
      value: {
        text: `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(confirmation.at)}${confirmation.byName ? ` by ${confirmation.byName}` : ''}`,
      },
    },
  ]
  if (confirmation.checks.problems.length > 0) {
    rows.push({
      key: { text: 'Problems flagged when confirmed' },
      value: {
        html: `<ul class="govuk-list govuk-list--bullet">${confirmation.checks.problems.map((check) => `<li>${checkHtml(check)}</li>`).join('')}</ul>`,
      },
    })
  }
  if (confirmation.reason)
    rows.push({ key: { text: 'Reason recorded' }, value: { html: paragraphs(confirmation.reason) } })
  return rows
}

const GROUP_TITLES: Readonly<Record<FindingKind, string>> = {
  strength: 'Strengths',
  'area-for-improvement': 'Areas for improvement',
  'priority-action': 'Areas for priority action',
}

/** The findings of a focused visit grouped by kind (002#108-109), each with its remove form's values. */
export function findingGroups(
  findings: readonly Finding[],
): Array<{ kind: FindingKind; title: string; items: Array<{ id: string; html: string }> }> {
  return FINDING_KINDS.map((kind) => ({
    kind,
    title: GROUP_TITLES[kind],
    items: findings
      .filter((finding) => finding.kind === kind)
      .map((finding) => ({
        id: finding.id,
        html: `${paragraphs(finding.text)}${finding.ground ? `<p class="govuk-body-s">Ground: ${escapeHtml(PRIORITY_ACTION_GROUNDS.find((ground) => ground.key === finding.ground)?.label ?? finding.ground)} ${ruleLink('S7', '002#109')}</p>` : ''}`,
      })),
  }))
}

/**
 * The feedback meeting as a summary list. `forLa` leaves out what is Ofsted's own (notes, the
 * record's author): the DCS sees what they were told (002#197-201), nothing more.
 */
export function feedbackRows(
  feedback: FeedbackRecord & { recordedByName?: string | null },
  areas: readonly JudgementArea[],
  options: { forLa: boolean; graded: boolean },
): Row[] {
  const attendees = ATTENDEE_ROLES.filter((role) => feedback.attendees.includes(role.key)).map((role) =>
    escapeHtml(role.label),
  )
  if (feedback.otherAttendees) attendees.push(escapeHtml(feedback.otherAttendees))
  const rows: Row[] = [
    { key: { text: 'Date' }, value: { text: formatLongDate(feedback.heldOn) } },
    { key: { text: 'Length' }, value: { html: `${feedback.durationMinutes} minutes ${ruleLink('E5', '002#199')}` } },
    {
      key: { text: 'Attended (by role)' },
      value: { html: `<ul class="govuk-list">${attendees.map((attendee) => `<li>${attendee}</li>`).join('')}</ul>` },
    },
  ]
  if (options.graded) {
    const given = areas.filter((area) => area.key in feedback.judgementsGiven)
    rows.push({
      key: { text: 'Provisional judgements given' },
      value: {
        html:
          given.length === 0
            ? 'None recorded'
            : `<ul class="govuk-list">${given.map((area) => `<li>${escapeHtml(area.label)}: ${gradeTag(feedback.judgementsGiven[area.key] as Grade)}</li>`).join('')}</ul>`,
      },
    })
    if (!options.forLa)
      rows.push({
        key: { text: 'DCS told before the meeting' },
        value: { html: `${feedback.dcsToldBefore ? 'Yes' : 'No'} ${ruleLink('E5', '002#197')}` },
      })
  }
  if (!options.forLa) {
    const setOut = SET_OUT_ITEMS.filter((item) => feedback.setOut.includes(item.key))
    rows.push({
      key: { text: 'Set out at the meeting' },
      value: {
        html:
          setOut.length === 0
            ? 'Nothing recorded'
            : `<ul class="govuk-list govuk-list--bullet">${setOut.map((item) => `<li>${escapeHtml(item.label)} (${escapeHtml(item.citation)})</li>`).join('')}</ul>`,
      },
    })
    if (feedback.notes) rows.push({ key: { text: 'Notes' }, value: { html: paragraphs(feedback.notes) } })
    if (feedback.recordedByName) rows.push({ key: { text: 'Recorded by' }, value: { text: feedback.recordedByName } })
  }
  return rows
}

/** What follows feedback (002#201, E7): the report's dates from the timeline, each with its rule. */
export function nextStepRows(
  milestones: ReadonlyArray<{ label: string; date: string; rule: string; citation: string }>,
): Row[] {
  return milestones.map((milestone) => ({
    key: { text: formatLongDate(milestone.date) },
    value: { html: `${escapeHtml(milestone.label)} ${ruleLink(milestone.rule, milestone.citation)}` },
  }))
}

/**
 * The sample-size descriptor table (E9, 000#Annex H/B) a judgement page shows where inspectors
 * grade, and the words for the cases they counted, if they asked: a proportion in a gap between
 * two bands is said to be one, never rounded into a band (our decision, on the rulebook page).
 */
export function sampleDescriptors(query: { cases?: number | undefined; of?: number | undefined }) {
  const bands = DESCRIPTOR_BANDS.map((band) => ({ range: `${band.from}–${band.to}%`, words: band.words }))
  const { cases, of } = query
  if (cases === undefined || of === undefined || of === 0 || cases > of) return { bands, cases, of, answer: undefined }
  const descriptor = descriptorForCases(cases, of)
  const percent = `${Math.round(descriptor.percent * 10) / 10}%`
  const majority = atLeastAMajority(cases, of) ? 'at least a majority' : 'not a majority'
  const answer = descriptor.gap
    ? `${cases} of ${of} cases is ${percent}, between the bands ${descriptor.between[0]} and ${descriptor.between[1]}: no descriptor fits, so give the number (${majority}).`
    : `${cases} of ${of} cases is ${percent}: “${descriptor.words}” (${majority}).`
  return { bands, cases, of, answer }
}
