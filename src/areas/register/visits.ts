import type { HistoryEntry } from '../../rules/history.js'

/**
 * Visits in an LA's history (issue 11, issue 14): focused visits, monitoring visits and joint
 * targeted area inspections. They give no judgement, but focused visits and JTAIs count against
 * the pathway's allowance between judgement inspections (P1, P2, P7; 002#18, #21, #24).
 */
export const VISIT_TYPES = ['focused-visit', 'monitoring-visit', 'jtai'] as const
export type VisitType = (typeof VISIT_TYPES)[number]

export const VISIT_TYPE_LABELS: Readonly<Record<VisitType, string>> = {
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  jtai: 'Joint targeted area inspection',
}

/** Where a visit record came from: published through the service, imported from Ofsted's outcomes, or the demo. */
export const VISIT_SOURCES = ['service', 'import', 'demo'] as const
export type VisitSource = (typeof VISIT_SOURCES)[number]

/** A visit in the register. What the source did not say (the last day, the publication date) is null. */
export interface VisitRecord {
  readonly id: string
  readonly laCode: string
  readonly visitType: VisitType
  readonly start: string
  readonly end: string | null
  readonly publishedOn: string | null
  readonly theme: string | null
  readonly source: VisitSource
  /** The activity and publication it came from, when the service published it. */
  readonly activityId: string | null
  readonly publicationId: string | null
  readonly sourceDetail: string | null
  /** The former council visited, where the LA succeeded it (issue 14). */
  readonly predecessor: string | null
  readonly recordedAt: Date
}

/** A visit to record: from the service (with its activity and publication), an import or the demo. */
export interface NewVisit {
  readonly laCode: string
  readonly visitType: VisitType
  readonly start: string
  readonly end: string | null
  readonly publishedOn: string | null
  readonly theme: string | null
  readonly source: VisitSource
  readonly activityId?: string | null
  readonly publicationId?: string | null
  readonly sourceDetail?: string | null
  readonly predecessor?: string | null
  readonly recordedBy?: string | null
}

/**
 * The visit as the rules core counts it. Decision: a visit counts from its publication date, as
 * judgements do (P5); where the source gives none (an import of fieldwork dates only), from its
 * last day, else its first.
 */
export function visitEntry(visit: VisitRecord): HistoryEntry {
  return { published: visit.publishedOn ?? visit.end ?? visit.start, type: visit.visitType }
}
