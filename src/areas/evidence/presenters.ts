import { formatDate, formatLongDate } from '../../rules/calendar/dates.js'
import { EVALUATION_HEADINGS } from '../../rules/evaluation-criteria.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import type { Clock } from '../../clock.js'
import type { FormState } from '../../web/forms.js'
import {
  type CaseMark,
  type headingCoverage,
  KIT_ATTENDEE_ROLES,
  type KitDayState,
  onSiteHoursFlags,
  SIGNIFICANCE,
  SOURCE_TYPES,
} from './fieldwork.js'
import type { PossibleName } from './name-check.js'
import { evidencePaths } from './paths.js'
import { PossibleNamesWarning } from './records.js'
import type { EvidenceEntryRecord, KitMeeting, QaNote } from './types.js'

/**
 * Shape the fieldwork records for GOV.UK macros (STYLE.md: presenters are plain functions).
 * Any HTML built here escapes what users typed.
 */

export const tag = (text: string, classes: string) =>
  `<strong class="govuk-tag ${classes}">${escapeHtml(text)}</strong>`
export const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')

export function headingTitle(headingId: string): string {
  return EVALUATION_HEADINGS.find((heading) => heading.id === headingId)?.heading ?? headingId
}

/** Options for the heading select, grouped by judgement area in the seed's order (E2). */
export function headingItems(selected: string | undefined, blank: string): Array<Record<string, unknown>> {
  return [
    { value: '', text: blank },
    ...EVALUATION_HEADINGS.map((heading) => ({
      value: heading.id,
      text: `${areaShort(heading.area)}: ${heading.heading}`,
      selected: heading.id === selected,
    })),
  ]
}

function areaShort(area: string): string {
  return area === 'help-and-protection'
    ? 'Help and protection'
    : area === 'children-in-care'
      ? 'Children in care and care leavers'
      : 'Leaders'
}

/** The coverage table of each judgement area: each heading, its count, a link to its entries. */
export function coverageTables(
  coverage: ReturnType<typeof headingCoverage>,
  activityId: string,
  selected: string | undefined,
) {
  return coverage.areas.map((area) => ({
    caption: area.title,
    citation: area.citation,
    rows: area.headings.map((heading) => [
      {
        html: `<a class="govuk-link" href="${evidencePaths.record.build({ activityId })}?heading=${encodeURIComponent(heading.id)}"${heading.id === selected ? ' aria-current="true"' : ''}>${escapeHtml(heading.heading)}</a>`,
      },
      heading.count === 0
        ? { html: '<span class="govuk-hint govuk-!-margin-0">None</span>', format: 'numeric' }
        : { text: String(heading.count), format: 'numeric' },
    ]),
  }))
}

export const CASE_MARK_TEXT: Readonly<Record<CaseMark, { text: string; classes: string }>> = {
  known: { text: 'In the case sample', classes: 'govuk-tag--green' },
  unknown: { text: 'Not in the case sample', classes: 'govuk-tag--yellow' },
  unchecked: { text: 'Not checked', classes: 'govuk-tag--grey' },
}

/** Case references with whether each is one of the activity's children. */
export function caseReferencesHtml(caseIds: readonly string[], marks: ReadonlyMap<string, CaseMark>): string {
  if (caseIds.length === 0) return 'None'
  return `<ul class="govuk-list">${caseIds
    .map((caseId) => {
      const mark = CASE_MARK_TEXT[marks.get(caseId) ?? 'unchecked']
      return `<li>${escapeHtml(caseId)} ${tag(mark.text, mark.classes)}</li>`
    })
    .join('')}</ul>`
}

/** One entry as a GOV.UK summary card, in the three-part order of 002#188. */
export function entryCard(entry: EvidenceEntryRecord, marks: ReadonlyMap<string, CaseMark>, notes: readonly QaNote[]) {
  const significance =
    entry.significance !== 'none' ? SIGNIFICANCE[entry.significance as keyof typeof SIGNIFICANCE] : undefined
  const source = SOURCE_TYPES[entry.sourceType as keyof typeof SOURCE_TYPES] ?? entry.sourceType
  const rows: Array<Record<string, unknown>> = [
    { key: { text: 'Evaluative statement' }, value: { html: multiline(entry.evaluativeStatement) } },
    { key: { text: 'Evidence' }, value: { html: multiline(entry.evidenceSummary) } },
    { key: { text: 'Impact on children and young people' }, value: { html: multiline(entry.impact) } },
    { key: { text: 'Source' }, value: { text: entry.sourceDetail ? `${source}: ${entry.sourceDetail}` : source } },
    {
      key: { text: 'Collected' },
      value: {
        html: `${escapeHtml(`${formatDate(entry.collectedOn)} at ${entry.collectedTime}`)}${onSiteHoursFlags(entry)
          .map(
            (flag) =>
              `<br><strong class="govuk-tag govuk-tag--yellow">Check</strong> <span class="app-on-site-hours">${escapeHtml(flag.message)}</span> ${ruleLink(flag.rule, flag.citation)}`,
          )
          .join('')}`,
      },
    },
    { key: { text: 'Heading' }, value: { text: headingTitle(entry.headingId) } },
    { key: { text: 'Case references' }, value: { html: caseReferencesHtml(entry.caseIds, marks) } },
    {
      key: { text: 'Recorded by' },
      value: { text: `${entry.authorName}${entry.teamAgreed ? ' (analysis agreed at a team meeting, 002#189)' : ''}` },
    },
  ]
  if (significance)
    rows.push({
      key: { text: 'Identifies' },
      value: {
        html: tag(significance, entry.significance === 'significant-concern' ? 'govuk-tag--red' : 'govuk-tag--green'),
      },
    })
  const entryNotes = notes.filter((note) => note.entryId === entry.id)
  if (entryNotes.length > 0)
    rows.push({
      key: { text: 'QA notes' },
      value: {
        html: entryNotes
          .map(
            (note) =>
              `<p class="govuk-body-s">${multiline(note.note)} <span class="govuk-hint">(${escapeHtml(note.authorName)}${note.resolvedAt ? ', resolved' : ''})</span></p>`,
          )
          .join(''),
      },
    })
  return {
    id: `entry-${entry.id}`,
    card: {
      title: {
        text: `${formatDate(entry.collectedOn)} at ${entry.collectedTime}, ${entry.authorName}`,
        headingLevel: 4,
      },
    },
    rows,
  }
}

/**
 * Entries grouped under their headings in the seed's order (E2, 002#239-241), each group with
 * its count, so the record reads as the evaluation criteria do.
 */
export function entryGroups(
  entries: readonly EvidenceEntryRecord[],
  marks: ReadonlyMap<string, CaseMark>,
  notes: readonly QaNote[],
) {
  return EVALUATION_HEADINGS.map((heading) => {
    const under = entries.filter((entry) => entry.headingId === heading.id)
    return {
      id: `heading-${heading.id}`,
      title: heading.heading,
      area: areaShort(heading.area),
      count: under.length,
      cards: under.map((entry) => entryCard(entry, marks, notes)),
    }
  }).filter((group) => group.count > 0)
}

/** Entries for the QA note's "about" radios: the record as a whole, or one entry. */
export function qaNoteTargetItems(entries: readonly EvidenceEntryRecord[], selected: string | undefined) {
  return [
    { value: '', text: 'The evidence record as a whole', checked: !selected },
    ...entries.map((entry) => ({
      value: entry.id,
      text: `${headingTitle(entry.headingId)}, ${formatDate(entry.collectedOn)} ${entry.collectedTime} (${entry.authorName})`,
      checked: selected === entry.id,
    })),
  ]
}

/** Keep-in-touch days: each fieldwork day with its note or the gap (002#173). */
export function kitDayRows(days: ReadonlyArray<{ day: string; state: KitDayState }>) {
  const text: Record<KitDayState, string> = {
    recorded: tag('Recorded', 'govuk-tag--green'),
    missing: tag('No note', 'govuk-tag--red'),
    today: tag('Due today', 'govuk-tag--blue'),
    'to-come': tag('To come', 'govuk-tag--grey'),
  }
  return days.map(({ day, state }) => [{ text: formatLongDate(day) }, { html: text[state] }])
}

export function kitMeetingRows(meeting: KitMeeting) {
  const roles: string[] = meeting.attendeeRoles.map(
    (role) => KIT_ATTENDEE_ROLES[role as keyof typeof KIT_ATTENDEE_ROLES] ?? role,
  )
  if (meeting.otherAttendees) roles.push(meeting.otherAttendees)
  return [
    { key: { text: 'Attended (by role)' }, value: { text: roles.join('; ') } },
    ...(meeting.dcsDeclined
      ? [
          {
            key: { text: 'DCS' },
            value: { text: 'Chose not to attend (002#175: this does not in itself influence judgements)' },
          },
        ]
      : []),
    { key: { text: 'Emerging findings shared' }, value: { html: multiline(meeting.findingsShared) } },
    {
      key: { text: 'DCS clear on how the evidence supports the findings (002#174)' },
      value: { text: meeting.dcsClear ? 'Yes' : 'Not yet' },
    },
    {
      key: { text: 'Strengths and areas for development discussed: no surprises at feedback (002#197)' },
      value: { text: meeting.noSurprises ? 'Yes' : 'Not yet' },
    },
    { key: { text: 'Recorded by' }, value: { text: meeting.recordedByName } },
  ]
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  evaluativeStatement: 'Evaluative statement',
  evidenceSummary: 'Evidence',
  impact: 'Impact',
  sourceDetail: 'Source details',
  findingsShared: 'Emerging findings shared',
  otherAttendees: 'Other attendees',
  reason: 'Reason for request',
  teamLocation: 'Team or location',
  issues: 'Issues of concern',
  significance: 'Significance',
  discussedWith: 'Raised with',
  formalNote: 'Formal written note',
  findings: 'Findings',
}

/** The possible names found, as table rows for the warning shown before saving (002#191). */
export function possibleNameRows(matches: ReadonlyArray<PossibleName & { field: string }>) {
  return matches.map((match) => [
    { text: FIELD_LABELS[match.field] ?? match.field },
    { html: `<strong>${escapeHtml(match.text)}</strong>` },
    { text: match.reason },
  ])
}

/**
 * The check for names a refused form shows (002#191): the words found, and the fingerprint the
 * inspector's confirmation must carry. Undefined unless the service refused for possible names.
 */
export function namesWarning(state: FormState | undefined) {
  const error = state?.error
  if (!(error instanceof PossibleNamesWarning)) return undefined
  return { rows: possibleNameRows(error.matches), fingerprint: error.fingerprint }
}

/** The date and time now in England (24-hour), for a form's defaults. */
export function londonNow(clock: Clock): { date: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(clock.now())
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: clock.today(), hour: part('hour'), minute: part('minute') }
}
