import type { PublicationKind } from '../../rules/timelines/publication.js'
import type { ActivityType } from '../../rules/types.js'

/**
 * The reports and letters Ofsted publishes (issue 11; 002#202-208, #224-225): a standard, short
 * or post-monitoring inspection's report, a focused-visit letter, a monitoring-visit letter, and
 * HMCI's letter to a partner inspectorate.
 */
export const PUBLISHED_KINDS = [
  'inspection-report',
  'focused-visit-letter',
  'monitoring-visit-letter',
  'partner-letter',
  'offer-review-letter',
  'progress-inspection-letter',
] as const
export type PublishedKind = (typeof PUBLISHED_KINDS)[number]

export function isPublishedKind(value: string): value is PublishedKind {
  return (PUBLISHED_KINDS as readonly string[]).includes(value)
}

export const KIND_LABELS: Readonly<Record<PublishedKind, string>> = {
  'inspection-report': 'Inspection report',
  'focused-visit-letter': 'Focused visit letter',
  'monitoring-visit-letter': 'Monitoring visit letter',
  'partner-letter': 'Letter to a partner inspectorate',
  'offer-review-letter': 'Quarterly review letter (2015 improvement offer)',
  'progress-inspection-letter': 'Progress inspection letter (2015 improvement offer)',
}

/** The kinds a 2015 offer publishes from its steps (000#38, #42; ADR 0028): no activity, no 002#216 column. */
export const OFFER_KINDS = ['offer-review-letter', 'progress-inspection-letter'] as const
export type OfferKind = (typeof OFFER_KINDS)[number]

/** The activities each kind comes from; a partner letter may follow any of them (002#224-225). */
export const KIND_ACTIVITY_TYPES: Readonly<Record<PublishedKind, readonly ActivityType[] | 'any'>> = {
  'inspection-report': ['standard-inspection', 'short-inspection', 'post-monitoring-inspection'],
  'focused-visit-letter': ['focused-visit'],
  'monitoring-visit-letter': ['monitoring-visit'],
  'partner-letter': 'any',
  // An offer's letters come from no activity (publishOfferLetter).
  'offer-review-letter': [],
  'progress-inspection-letter': [],
}

/**
 * The 002#216 column a kind is timed by: reports 21 working days after fieldwork, visit letters
 * 16. Decision: a partner letter goes out with the report or letter it concerns (002#224), so it
 * is timed by that activity's column and is left out of the timeliness figures, which would
 * otherwise count one publication twice.
 */
export function timelineColumn(kind: PublishedKind, activityType: ActivityType): PublicationKind {
  if (kind === 'inspection-report') return 'inspection'
  if (kind === 'partner-letter')
    return (KIND_ACTIVITY_TYPES['inspection-report'] as readonly string[]).includes(activityType)
      ? 'inspection'
      : 'visit'
  return 'visit'
}
