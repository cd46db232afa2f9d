import type { Significance, SourceType } from './fieldwork.js'
/**
 * The fieldwork records of an activity as the service gives them (issue 6): evidence entries, QA
 * notes, keep-in-touch meetings, requests for further information and cases of concern, each
 * with the names of the people who wrote them (from auth's people directory).
 */

/** An entry of the evidence record (002#181-192): append-only, never edited (ADR 0004). */
export interface EvidenceEntryRecord {
  readonly id: string
  readonly activityId: string
  readonly headingId: string
  readonly sourceType: SourceType
  readonly sourceDetail: string | null
  readonly collectedOn: string
  readonly collectedTime: string
  readonly evaluativeStatement: string
  readonly evidenceSummary: string
  readonly impact: string
  readonly significance: Significance
  readonly teamAgreed: boolean
  /** How many possible names the inspector confirmed were not names (002#191). */
  readonly namesConfirmed: number
  readonly authorId: string
  readonly authorName: string
  readonly createdAt: Date
  readonly caseIds: readonly string[]
}

/** An entry as a report links to it: no case references, so no child-level data. */
export interface EntryHeadline {
  readonly id: string
  readonly headingId: string
  readonly collectedOn: string
  readonly evaluativeStatement: string
}

/** Which entries the record page shows. */
export interface EntryFilter {
  readonly headingId?: string | undefined
  readonly authorId?: string | undefined
}

/** Someone who has written entries, with how many (the record's inspector filter). */
export interface EntryAuthor {
  readonly id: string
  readonly name: string
  readonly count: number
}

/** A QA manager's note on one entry or the whole record, and the lead's resolution (002#190). */
export interface QaNote {
  readonly id: string
  readonly activityId: string
  readonly entryId: string | null
  readonly note: string
  readonly authorName: string
  readonly createdAt: Date
  readonly resolution: string | null
  readonly resolvedByName: string | null
  readonly resolvedAt: Date | null
}

/** The note of a keep-in-touch meeting on one fieldwork day (002#173-175). */
export interface KitMeeting {
  readonly id: string
  readonly meetingOn: string
  readonly attendeeRoles: readonly string[]
  readonly otherAttendees: string | null
  readonly dcsDeclined: boolean
  readonly findingsShared: string
  readonly dcsClear: boolean
  readonly noSurprises: boolean
  readonly recordedByName: string
  readonly recordedAt: Date
}

export type RfiStatus = 'awaiting-lead' | 'declined' | 'requested' | 'answered' | 'accepted' | 'not-accepted'

/** A request for further information (002 Annex B, #167, #244): the eight fields of E3 and who did what. */
export interface FurtherInformationRequest {
  readonly id: string
  readonly activityId: string
  readonly number: number
  readonly status: RfiStatus
  readonly requestedById: string
  readonly requestedByName: string
  readonly raisedAt: Date
  readonly requestType: 'document' | 'information'
  readonly caseId: string | null
  readonly reason: string
  readonly dateRequested: string | null
  readonly dateResponseRequired: string | null
  readonly dateReceived: string | null
  readonly response: string | null
  readonly answeredByName: string | null
  readonly decisionNote: string | null
  readonly decidedByName: string | null
  /** Bumped by every change: a form built from an older version is refused (optimistic locking). */
  readonly version: number
}

export type ConcernStatus = 'with-lead' | 'escalated' | 'responded' | 'concluded'

/** A case of concern (000 Annex C, 001#36, 002#136): the inspector's working notes, then the lead's and LA's records. */
export interface CaseOfConcern {
  readonly id: string
  readonly activityId: string
  readonly number: number
  readonly status: ConcernStatus
  readonly caseId: string
  readonly teamLocation: string
  readonly issues: string
  readonly significance: string
  readonly discussedWith: string
  readonly raisedByName: string
  readonly raisedAt: Date
  readonly formalNote: string | null
  readonly responseDue: string | null
  readonly escalatedAt: Date | null
  readonly laResponse: string | null
  readonly respondedByName: string | null
  readonly respondedAt: Date | null
  readonly findings: string | null
  readonly findingsAt: Date | null
  readonly version: number
}

/** What the inspector ticked when confirming possible names: the fingerprint of what they saw (002#191). */
export interface NameConfirmation {
  readonly confirmed: boolean
  readonly fingerprint: string
}

/**
 * Where the service learns which children an activity's case references should name: the case
 * sample built from the Annex A lists (002#150-153). Null means "no case sample yet", and each
 * reference is shown as not checked.
 */
export type KnownCases = (activityId: string) => Promise<ReadonlySet<string> | null>
