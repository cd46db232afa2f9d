/**
 * The report workflow (issue 11; 002#203-216, #222, #224): the lead inspector and team draft the
 * report or letter; the QA manager reviews it (002#214) and, for standard and short inspections,
 * the regional director and where needed the national director; the lead sends the approved draft
 * to the LA for factual accuracy (002#215-216); the final copy goes out under embargo; the
 * publication job publishes it at its set time. Each step is a pure check here; the services
 * record it with its audit entry, its email and its statutory date.
 */
import type { PublicationKind } from '../../rules/timelines/publication.js'
import type { ActivityType } from '../../rules/types.js'

/** The document a report is: monitoring visits reuse the letter pipeline later (002#208). */
export const REPORT_KINDS = ['inspection-report', 'focused-visit-letter', 'monitoring-visit-letter'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  'inspection-report': 'inspection report',
  'focused-visit-letter': 'focused visit letter',
  'monitoring-visit-letter': 'monitoring visit letter',
}

/** The document an activity's outcome is published as (002#202), or undefined when it has none here. */
export function reportKindFor(type: ActivityType): ReportKind | undefined {
  // A post-monitoring inspection's report is an inspection report with its own page limit (001#64-65).
  if (type === 'standard-inspection' || type === 'short-inspection' || type === 'post-monitoring-inspection')
    return 'inspection-report'
  if (type === 'focused-visit') return 'focused-visit-letter'
  if (type === 'monitoring-visit') return 'monitoring-visit-letter'
  return undefined
}

/** Which column of the 002#216 table the document follows. */
export function publicationKindOf(kind: ReportKind): PublicationKind {
  return kind === 'inspection-report' ? 'inspection' : 'visit'
}

/** The word the pages use: a report (inspections) or a letter (visits). */
export function documentWord(kind: ReportKind): 'report' | 'letter' {
  return kind === 'inspection-report' ? 'report' : 'letter'
}

export const REPORT_STEPS = [
  'drafting',
  'qa-review',
  'director-review',
  'national-review',
  'approved',
  'factual-accuracy',
  'embargoed',
  'published',
] as const
export type ReportStep = (typeof REPORT_STEPS)[number]

export const STEP_LABELS: Readonly<Record<ReportStep, string>> = {
  drafting: 'Drafting',
  'qa-review': 'QA review',
  'director-review': 'Regional director review',
  'national-review': 'National director review',
  approved: 'Approved, ready for the LA',
  'factual-accuracy': 'With the LA for factual accuracy',
  embargoed: 'Final sent under embargo',
  published: 'Published',
}

export const STEP_TAGS: Readonly<Record<ReportStep, string>> = {
  drafting: 'govuk-tag--grey',
  'qa-review': 'govuk-tag--blue',
  'director-review': 'govuk-tag--purple',
  'national-review': 'govuk-tag--purple',
  approved: 'govuk-tag--turquoise',
  'factual-accuracy': 'govuk-tag--yellow',
  embargoed: 'govuk-tag--orange',
  published: 'govuk-tag--green',
}

/** What the history records. */
export const REPORT_EVENTS = [
  'started',
  'submitted',
  'returned',
  'approved',
  'referred',
  'sent-for-factual-accuracy',
  'comments-submitted',
  'final-sent',
  'published',
  'dfe-notified',
  'late-flagged',
] as const
export type ReportEvent = (typeof REPORT_EVENTS)[number]

/** The review stages: who reviews at each (002#214). */
export const REVIEW_STEPS = ['qa-review', 'director-review', 'national-review'] as const
export type ReviewStep = (typeof REVIEW_STEPS)[number]

export function isReviewStep(step: ReportStep): step is ReviewStep {
  return (REVIEW_STEPS as readonly string[]).includes(step)
}

/**
 * 002#214: the regional and/or national director review all reports. The issue asks it for
 * standard and short inspections; a visit's letter goes from QA to the LA (decision, shown on
 * the report page).
 */
export function needsDirectorReview(kind: ReportKind): boolean {
  return kind === 'inspection-report'
}

/** The steps from which the LA's DCS and link person may see the report (002#215-216). */
export const LA_VISIBLE_STEPS: readonly ReportStep[] = ['factual-accuracy', 'embargoed', 'published']

/** Steps in which the text may still change: drafting, and after factual accuracy comments (002#215). */
export const EDITABLE_STEPS: readonly ReportStep[] = ['drafting', 'factual-accuracy']

/** A review decision. */
export type ReviewDecision = 'return' | 'approve' | 'refer'

/** The step a review decision leads to, or a reason it cannot be taken. */
export function afterReview(
  kind: ReportKind,
  step: ReportStep,
  decision: ReviewDecision,
): { ok: true; to: ReportStep } | { ok: false; reason: string } {
  if (!isReviewStep(step)) return { ok: false, reason: 'The report is not waiting for a review' }
  if (decision === 'return') return { ok: true, to: 'drafting' }
  if (decision === 'refer') {
    if (step !== 'director-review')
      return { ok: false, reason: 'Only the regional director refers a report to the national director (002#214)' }
    return { ok: true, to: 'national-review' }
  }
  if (step === 'qa-review' && needsDirectorReview(kind)) return { ok: true, to: 'director-review' }
  return { ok: true, to: 'approved' }
}
