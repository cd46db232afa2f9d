import type { StoredRecipient } from '../../db/report-tables.js'
import type { VersionDocuments } from './document.js'
import type { Sections } from './sections.js'
import type { ReportEvent, ReportKind, ReportStep, ReviewStep } from './workflow.js'

/** The reports area's domain types (issue 11): what its service reads, takes and returns. */

export type { StoredRecipient as Recipient }

/** An activity's report or letter and where it is in the workflow. */
export interface Report {
  readonly id: string
  readonly activityId: string
  readonly kind: ReportKind
  readonly step: ReportStep
  /** Bumped by every change: a form built from an older version is refused. */
  readonly version: number
  /** The version sent to the LA for factual accuracy: its comments are about this one. */
  readonly faVersion: number | null
  /** The day the draft went to the LA for factual accuracy, and the day its comments are due (002#216). */
  readonly faSentOn: string | null
  readonly faDue: string | null
  readonly faSubmittedAt: Date | null
  /** When the embargo lifts and the report is published (002#216, #224). */
  readonly embargoUntil: Date | null
  readonly recipients: readonly StoredRecipient[]
  readonly publishedAt: Date | null
  readonly dfeNotifiedAt: Date | null
  readonly createdAt: Date
}

/** One saved version: its sections, its documents and the pages of its PDF. */
export interface ReportVersion {
  readonly number: number
  readonly status: 'draft' | 'embargoed' | 'final'
  readonly sections: Sections
  readonly documents: VersionDocuments
  readonly pages: number
  /** The page limit of 002#212 where the document has one. */
  readonly pageLimit: number | null
  readonly pdfHash: string
  readonly note: string | null
  readonly createdBy: string | null
  readonly createdAt: Date
}

/** A QA manager's or director's comment on a section (or on the whole report when `section` is null). */
export interface ReviewComment {
  readonly id: string
  readonly versionNumber: number
  readonly section: string | null
  readonly stage: ReviewStep
  readonly comment: string
  readonly authorId: string | null
  readonly createdAt: Date
}

/** An LA's factual accuracy comment on one paragraph, the lead inspector's answer and any dispute (002#215, #222). */
export interface FaComment {
  readonly id: string
  readonly versionNumber: number
  readonly section: string
  readonly paragraph: number
  readonly correction: string
  readonly evidence: string
  readonly authorId: string | null
  readonly createdAt: Date
  readonly submittedAt: Date | null
  readonly late: boolean
  readonly response: 'accepted' | 'not-accepted' | null
  readonly responseText: string | null
  readonly respondedAt: Date | null
  readonly disputeReason: string | null
  readonly disputedAt: Date | null
  readonly disputeDecision: 'upheld' | 'correction-agreed' | null
  readonly disputeNote: string | null
  readonly decidedAt: Date | null
}

/** One event of the report's history, with the statutory date of the milestone it meets (002#216). */
export interface StepRecord {
  readonly event: ReportEvent
  readonly toStep: ReportStep
  readonly milestone: string | null
  readonly statutoryDate: string | null
  readonly occurredAt: Date
  readonly actorId: string | null
  readonly note: string | null
}

/** A section as a form gives it. */
export interface SectionInput {
  readonly text: string
  readonly subject: string
  readonly evidenceIds: readonly string[]
  readonly judgements: readonly string[]
  readonly note: string
  readonly version: number | undefined
}

export interface ReviewCommentInput {
  readonly section: string
  readonly comment: string
}

export interface ReviewDecisionInput {
  readonly decision: 'return' | 'approve' | 'refer'
  readonly note: string
  readonly version: number | undefined
}

export interface FaCommentInput {
  readonly anchor: string
  readonly correction: string
  readonly evidence: string
}

export interface FaResponseInput {
  readonly commentId: string
  readonly response: 'accepted' | 'not-accepted'
  readonly text: string
}

export interface FaDisputeInput {
  readonly commentId: string
  readonly reason: string
}

export interface FaDecisionInput {
  readonly commentId: string
  readonly decision: 'upheld' | 'correction-agreed'
  readonly note: string
}

/** A body with delegated functions, as the final copy is addressed to it. */
export interface ThirdParty {
  readonly name: string
  readonly email: string
}

export interface EmbargoInput {
  /** When the embargo lifts and the report is published, from a date and time in England. */
  readonly publishAt: Date
  /** Each body with delegated functions the final copy goes to (002#216; ADR 0024). */
  readonly thirdParties: readonly ThirdParty[]
  readonly careCouncilName: string
  readonly careCouncilEmail: string
  readonly partners: readonly string[]
  readonly version: number | undefined
}
