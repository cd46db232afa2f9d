import type { Framework, Grade } from '../register/index.js'
import type { AttendeeRole, FeedbackRecord, SetOutKey } from './feedback.js'
import type { FindingKind, PriorityActionGround } from './focused-visit-findings.js'
import type { Check, JudgedType } from './framework-judgements.js'

/** The judgements area's domain types (issue 6): what its service reads, takes and returns. */

/** Who confirmed an activity's judgements or findings, when, and what the checks said then. */
export interface Confirmation {
  readonly at: Date
  /** The person's name, from the people directory (null for an account that is gone). */
  readonly byName: string | null
  readonly reason: string | null
  /** The problems and warnings shown on the check page when it was confirmed. */
  readonly checks: { problems: Check[]; warnings: Check[] }
}

/** The state of an activity's judgements or findings: its framework, version and confirmation. */
export interface Outcome {
  readonly activityId: string
  readonly kind: 'judgements' | 'findings'
  readonly framework: Framework | null
  readonly noPriorityActions: boolean
  readonly confirmation: Confirmation | null
  readonly version: number
}

export interface RecordedJudgement {
  readonly area: string
  readonly grade: Grade
  readonly rationale: string
  readonly evidenceHeadings: readonly string[]
  readonly leadersUnderstandFailure: boolean | null
  readonly recordedByName: string | null
  readonly recordedAt: Date
}

export interface Finding {
  readonly id: string
  readonly kind: FindingKind
  readonly text: string
  readonly ground: PriorityActionGround | null
  readonly recordedAt: Date
}

export interface FeedbackMeeting extends FeedbackRecord {
  readonly recordedByName: string | null
  readonly recordedAt: Date
}

/** One judgement with its rationale (002#96-98), as the judgement form gives it. */
export interface JudgementInput {
  readonly grade: Grade
  readonly rationale: string
  /** Evaluation-criteria headings of the judgement's area (E2). */
  readonly evidenceHeadings: readonly string[]
  /** The leaders judgement only: whether leaders understand a practice failure (002#101, #241); null if not answered. */
  readonly leadersUnderstandFailure: boolean | null
  readonly version: number | undefined
}

export interface ConfirmJudgementsInput {
  /** Needed when the checks found problems ("flag, never accept silently"). */
  readonly reason: string
  readonly version: number | undefined
}

export interface RemoveFindingInput {
  readonly findingId: string
  readonly version: number | undefined
}

export interface ConfirmFindingsInput {
  /** The team agreed there are no areas for priority action (002#195). */
  readonly noPriorityActions: boolean
  readonly version: number | undefined
}

/** The feedback meeting (E5, 002#196-201), as its form gives it. */
export interface FeedbackInput {
  readonly heldOn: string
  readonly durationMinutes: number
  readonly attendees: readonly AttendeeRole[]
  readonly otherAttendees: string
  /** Standard and short inspections: whether the DCS heard the judgements first (002#197); null otherwise. */
  readonly dcsToldBefore: boolean | null
  /** Area keys of the provisional judgements given. */
  readonly judgementsGiven: readonly string[]
  readonly setOut: readonly SetOutKey[]
  readonly notes: string
}

/** What the register needs to record the judgement once its report is published (issue 3). */
export interface PublishedJudgement {
  readonly laCode: string
  readonly framework: Framework
  readonly activityType: JudgedType
  /** The first day on site: the date whose framework applies (see framework-judgements.ts). */
  readonly inspectionStart: string
  /** The last day of fieldwork (the timeline's `onsite.end`). */
  readonly inspectionEnd: string
  readonly grades: Readonly<Record<string, Grade>>
}

/** Whether an activity's outcome lets it be marked "judgements agreed" (the activities area asks). */
export interface Readiness {
  readonly ready: boolean
  readonly problem?: string
}
