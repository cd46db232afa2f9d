import { createHash } from 'node:crypto'
import { onSiteHoursCheck } from '../../rules/calendar/on-site-hours.js'
import { isWorkingDay } from '../../rules/calendar/working-days.js'
import type { Flag } from '../../rules/types.js'
import { addDays } from '../../rules/calendar/dates.js'
import {
  EVALUATION_AREAS,
  EVALUATION_HEADINGS,
  type EvaluationHeading,
  headingsFor,
} from '../../rules/evaluation-criteria.js'
import type { ConcernStatus, RfiStatus } from './types.js'

/**
 * Vocabularies and pure helpers of the fieldwork records: where evidence came from, what an
 * entry shows, who was at a keep-in-touch meeting, the statuses of requests and concerns, case
 * references, coverage of the 17 headings and days without a keep-in-touch note.
 */

/** Where evidence came from (002#182: record the source). Staff are described by role (002#191). */
export const SOURCE_TYPES = {
  'case-file': 'Case file or case records',
  meeting: 'Meeting attended (for example a strategy meeting, conference or panel)',
  observation: 'Observation of practice',
  practitioner: 'Conversation with a practitioner or manager',
  'child-or-family': 'Conversation with a child, young person or family member',
  partner: 'Conversation with a partner agency (for example Cafcass, 002#176-180)',
  document: 'Document or data from the local authority (Annex A)',
  other: 'Other',
} as const
export type SourceType = keyof typeof SOURCE_TYPES

export function isSourceType(value: string): value is SourceType {
  return value in SOURCE_TYPES
}

/** The sources that are on-site activity; case files, documents and "other" may be read off site. */
const ON_SITE_SOURCES: readonly string[] = ['meeting', 'observation', 'practitioner', 'child-or-family', 'partner']

/**
 * C4 (002#83): on-site activity does not normally continue after 6pm. Decision (on the rulebook
 * page): an entry from on-site activity collected after 18:00 is flagged, never refused.
 */
export function onSiteHoursFlags(entry: { sourceType: string; collectedTime: string }): Flag[] {
  return ON_SITE_SOURCES.includes(entry.sourceType) ? onSiteHoursCheck(entry.collectedTime) : []
}

/** 002#183, #189: the record must identify significant concern or outstanding practice. */
export const SIGNIFICANCE = {
  none: 'Neither',
  'significant-concern': 'Significant concern about the safety or welfare of a child',
  'outstanding-practice': 'Outstanding or good practice',
} as const
export type Significance = keyof typeof SIGNIFICANCE

export function isSignificance(value: string): value is Significance {
  return value in SIGNIFICANCE
}

/** Who may be at a keep-in-touch meeting, by role (002#173: the DCS or another senior member of staff; may involve other inspectors). */
export const KIT_ATTENDEE_ROLES = {
  dcs: 'Director of children’s services (DCS)',
  'senior-manager': 'Another senior manager of the local authority',
  'link-person': 'The LA’s link person',
  'lead-inspector': 'Lead inspector',
  'team-inspector': 'Team inspectors',
  'qa-manager': 'Quality assurance manager',
} as const
export type KitAttendeeRole = keyof typeof KIT_ATTENDEE_ROLES

export const RFI_STATUS_LABELS: Readonly<Record<RfiStatus, string>> = {
  'awaiting-lead': 'Awaiting the lead inspector',
  declined: 'Not requested',
  requested: 'Awaiting the LA’s response',
  answered: 'Answered: awaiting decision',
  accepted: 'Accepted',
  'not-accepted': 'Not accepted',
}

export const RFI_STATUS_TAGS: Readonly<Record<RfiStatus, string>> = {
  'awaiting-lead': 'govuk-tag--yellow',
  declined: 'govuk-tag--grey',
  requested: 'govuk-tag--blue',
  answered: 'govuk-tag--light-blue',
  accepted: 'govuk-tag--green',
  'not-accepted': 'govuk-tag--grey',
}

/** Statuses the LA sees: a request is the LA's business only once the lead has agreed it (002#70, #244). */
export const RFI_LA_VISIBLE: readonly RfiStatus[] = ['requested', 'answered', 'accepted', 'not-accepted']

export const CONCERN_STATUS_LABELS: Readonly<Record<ConcernStatus, string>> = {
  'with-lead': 'With the lead inspector',
  escalated: 'Awaiting the LA’s written response',
  responded: 'Response received',
  concluded: 'Findings communicated',
}

export const CONCERN_STATUS_TAGS: Readonly<Record<ConcernStatus, string>> = {
  'with-lead': 'govuk-tag--yellow',
  escalated: 'govuk-tag--blue',
  responded: 'govuk-tag--light-blue',
  concluded: 'govuk-tag--green',
}

/** Statuses the LA sees: once the lead has given it the formal written note (000 Annex C). */
export const CONCERN_LA_VISIBLE: readonly ConcernStatus[] = ['escalated', 'responded', 'concluded']

/**
 * A Child Unique ID as the LA gives it in Annex A (SPEC 1.0: an opaque id, kept as text). We
 * accept letters, digits and - _ / . up to 40 characters, and require at least one digit.
 * Decision: the digit rule keeps a name from being typed where a case reference belongs
 * (002#191); every LA's child IDs we know of contain digits.
 */
const CHILD_ID = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{0,39}$/

export function isChildId(value: string): boolean {
  return CHILD_ID.test(value) && /\d/.test(value)
}

/** Read a list of case references (commas, spaces or new lines between), once each. */
export function parseCaseIds(text: string): { ids: string[]; invalid: string[] } {
  const items = text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean)
  const ids = [...new Set(items.filter(isChildId))]
  const invalid = [...new Set(items.filter((item) => !isChildId(item)))]
  return { ids, invalid }
}

/** Whether a case reference is among the activity's children: known, not found, or not checked (no lists yet). */
export type CaseMark = 'known' | 'unknown' | 'unchecked'

export function caseMark(caseId: string, known: ReadonlySet<string> | null): CaseMark {
  if (!known) return 'unchecked'
  return known.has(caseId) ? 'known' : 'unknown'
}

/** Entries under each of the 17 headings (E2), grouped by judgement area, with the gaps. */
export function headingCoverage(counts: ReadonlyMap<string, number>): {
  areas: Array<{ title: string; citation: string; headings: Array<EvaluationHeading & { count: number }> }>
  covered: number
  total: number
} {
  const areas = EVALUATION_AREAS.map((area) => ({
    title: area.title,
    citation: area.citation,
    headings: headingsFor(area.area).map((heading) => ({
      ...heading,
      count: counts.get(heading.id) ?? 0,
    })),
  }))
  const covered = EVALUATION_HEADINGS.filter((heading) => (counts.get(heading.id) ?? 0) > 0).length
  return { areas, covered, total: EVALUATION_HEADINGS.length }
}

/** The working days from the first to the last day on site (bank holidays left out). */
export function fieldworkDays(onsiteStart: string, onsiteEnd: string): string[] {
  const days: string[] = []
  for (let day = onsiteStart; day <= onsiteEnd; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day)
  return days
}

export type KitDayState = 'recorded' | 'missing' | 'today' | 'to-come'

/**
 * Each fieldwork day with whether it has a keep-in-touch note (002#173: "likely to be on a daily
 * basis"). A past day without a note is missing; today is not missed until it is over (the
 * meeting is often at the end of the day); a later day is still to come.
 */
export function kitDays(
  days: readonly string[],
  meetingDays: readonly string[],
  today: string,
): Array<{ day: string; state: KitDayState }> {
  const recorded = new Set(meetingDays)
  return days.map((day) => ({
    day,
    state: recorded.has(day) ? 'recorded' : day < today ? 'missing' : day === today ? 'today' : 'to-come',
  }))
}

/** A request the LA has not answered by the date required (002 Annex B "Date response required"). */
export function rfiOverdue(rfi: { status: RfiStatus; dateResponseRequired: string | null }, today: string): boolean {
  return rfi.status === 'requested' && rfi.dateResponseRequired !== null && today > rfi.dateResponseRequired
}

/** A concern whose written response is later than the period the lead set (000 Annex C). */
export function concernOverdue(concern: { status: ConcernStatus; responseDue: string | null }, today: string): boolean {
  return concern.status === 'escalated' && concern.responseDue !== null && today > concern.responseDue
}

/**
 * A short fingerprint of the possible names an inspector has been shown, so confirming them
 * covers exactly those: text edited to add another name is warned about again (002#191).
 */
export function namesFingerprint(matches: ReadonlyArray<{ field: string; text: string }>): string {
  const key = matches
    .map((match) => `${match.field}:${match.text}`)
    .sort()
    .join('|')
  return createHash('sha256').update(key).digest('hex').slice(0, 16)
}
