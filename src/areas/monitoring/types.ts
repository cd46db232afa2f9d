import { ACTION_PLANNING_VISIT_LETTER_COPIES } from '../../rules/after-inadequate.js'
import type { ProgrammeAnchor } from '../../rules/monitoring-programme.js'

// The monitoring area's domain types (issue 12; 001, 002#112-139, 003).

/** Which paragraph the action planning visit letter's copies follow (001#9 names five, 002#118 the DfE only). */
export const LETTER_COPIES = {
  '001#9': ACTION_PLANNING_VISIT_LETTER_COPIES,
  '002#118': ['the DfE inspections and interventions team'],
} as const
export type LetterCopies = keyof typeof LETTER_COPIES

export const RECOMMENDATION_KINDS = {
  recommendation: 'Recommendation',
  'priority-action': 'Area for priority action',
} as const
export type RecommendationKind = keyof typeof RECOMMENDATION_KINDS

/** What the regional director's review of the action plan found (001#21-22, Annexes D and E). */
export const REVIEW_OUTCOMES = {
  reflects: 'Reflects the recommendations (Annex D letter)',
  'does-not-reflect':
    'Does not reflect the recommendations (Annex E letter; the lead inspector discusses it with the DCS)',
  'referred-to-dfe': 'Difference not resolved after the discussion: referred to the DfE (001#22)',
} as const
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES

export const REINSPECTION_KINDS = {
  full: 'Full re-inspection',
  'post-monitoring': 'Post-monitoring inspection',
} as const
export type ReinspectionDecisionKind = keyof typeof REINSPECTION_KINDS

/** Progress seen against an item at a monitoring visit or the re-inspection. */
export const PROGRESS_LEVELS = {
  'not-yet-seen': 'Not yet looked at',
  insufficient: 'Insufficient progress',
  some: 'Some progress',
  good: 'Good progress',
  met: 'Met',
} as const
export type ProgressLevel = keyof typeof PROGRESS_LEVELS

/** A file kept with a record, stored in the blob store by its hash. */
export interface StoredDocument {
  readonly name: string
  readonly hash: string
  readonly size: number
  readonly type: string
}

/** One monitoring programme: the answer to one inadequate judgement (001#4; a second set, 001#67). */
export interface Programme {
  readonly id: string
  readonly laCode: string
  readonly judgementId: string
  readonly setNumber: number
  readonly openedOn: string
  readonly dates: Readonly<Record<ProgrammeAnchor, string | null>>
  readonly letterCopies: LetterCopies | null
  readonly letterSentOn: string | null
  readonly planningVisitOn: string | null
  readonly agendaCirculatedOn: string | null
  readonly record: { readonly attendees: string; readonly discussion: string; readonly planning: string }
  readonly recordSentOn: string | null
  readonly decision: ReinspectionDecision | null
  /** The LA declined the programme (002#113, 001#3), and whether it later accepted. */
  readonly declined: Declined | null
  /** The named lead inspector (an HMI or senior HMI account), when one is assigned (002#129). */
  readonly leadInspectorId: string | null
  readonly closedOn: string | null
  readonly version: number
}

/**
 * The LA will not agree the programme (002#113, 001#3): recorded by the regional director with
 * what the LA said and the persuasion tried; it stands until the LA accepts (`acceptedOn`).
 */
export interface Declined {
  readonly declinedOn: string
  readonly said: string
  readonly persuasion: string
  readonly acceptedOn: string | null
}

/** The regional leadership's decision to re-inspect (001#50, #54; 003). */
export interface ReinspectionDecision {
  readonly decidedOn: string
  readonly kind: ReinspectionDecisionKind
  /** The five inputs of 001#54, in order. */
  readonly inputs: readonly string[]
  readonly reasons: string
  readonly laToldOn: string | null
  readonly decidedById: string | null
}

/** A recommendation or area for priority action of the report, with its id (R1, P1…). */
export interface Recommendation {
  readonly id: string
  readonly ref: string
  readonly kind: RecommendationKind
  readonly text: string
}

/** One version of the LA's action plan, with its actions against the items. */
export interface ActionPlan {
  readonly id: string
  readonly versionNumber: number
  readonly submittedOn: string
  readonly file: StoredDocument | null
  readonly actions: readonly { readonly recommendationId: string; readonly action: string }[]
  readonly recordedById: string
  readonly recordedAt: Date
}

export interface PlanReview {
  readonly id: string
  readonly planId: string
  readonly outcome: ReviewOutcome
  readonly letterSentOn: string
  readonly differences: string
  readonly discussedOn: string | null
  readonly recordedAt: Date
}

export interface ProgressEntry {
  readonly id: string
  readonly recommendationId: string
  readonly activityId: string | null
  readonly assessedOn: string
  readonly progress: ProgressLevel
  readonly note: string
}

/**
 * The re-inspection's outcome (M9, 001#67; 002#23): the first judgement published after the
 * programme's own, read from the register. Not inadequate: the programme closes on its day of
 * publication. Still inadequate: monitoring starts again with a second set, whose first letter is
 * published (002#202 fn 28).
 */
export interface ReinspectionOutcome {
  readonly judgementId: string
  readonly publishedOn: string
  readonly grade: string
  readonly monitoringRestarts: boolean
  readonly message: string
  readonly citation: string
}

/** A programme with everything recorded against it. */
export interface ProgrammeRecord {
  readonly programme: Programme
  readonly outcome: ReinspectionOutcome | null
  readonly recommendations: readonly Recommendation[]
  readonly plans: readonly ActionPlan[]
  readonly reviews: readonly PlanReview[]
  readonly progress: readonly ProgressEntry[]
}
