import { ENGAGEMENT_MEETING_AGENDA } from '../../rules/engagement.js'

/** The engagement area's domain types: the LA's self-evaluation and the annual engagement meeting (002#27-48). */

/** The items of 002#42, by key, in the rule's order. */
export const AGENDA_KEYS = [
  'self-evaluation-content',
  'self-evaluation-impact',
  'previous-inspections',
  'context',
  'broader-issues',
  'focused-visit-scope',
  'next-timing',
] as const
export type AgendaKey = (typeof AGENDA_KEYS)[number]

/** The words of each agenda item (002#42). */
export const AGENDA_ITEMS: ReadonlyArray<{ key: AgendaKey; text: string }> = AGENDA_KEYS.map((key, index) => ({
  key,
  text: ENGAGEMENT_MEETING_AGENDA[index]!,
}))

export const MEETING_STATUSES = ['scheduled', 'held', 'letter-sent', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export interface StoredDocument {
  readonly name: string
  readonly hash: string
  readonly size: number
  readonly type: string
}

/** A self-evaluation the LA shared (002#27-38), with its updated action plan after a focused visit (002#220). */
export interface SelfEvaluation {
  readonly id: string
  readonly laCode: string
  readonly sharedOn: string
  readonly whatWeKnow: string
  readonly howWeKnow: string
  readonly plans: string
  readonly document: StoredDocument | null
  readonly actionPlan: StoredDocument | null
  readonly recordedById: string
  readonly recordedAt: Date
}

/** An annual engagement meeting (002#39-48) and the letter after it. */
export interface EngagementMeeting {
  readonly id: string
  readonly laCode: string
  readonly status: MeetingStatus
  readonly meetingOn: string
  readonly chairId: string
  readonly jointWithEducation: boolean
  readonly ofstedAttendees: string
  readonly laAttendees: string
  readonly agendaItems: readonly AgendaKey[]
  readonly otherItems: string
  readonly agendaAgreedOn: string | null
  readonly discussion: string
  readonly letterSentOn: string | null
  readonly letterFocusedVisitScope: string
  readonly letterNextTiming: string
  readonly letterNextSteps: string
  readonly version: number
}
