import type { ColumnType, Generated } from 'kysely'
import type { KitAttendeeRole, Significance, SourceType } from '../areas/evidence/fieldwork.js'
import type { ConcernStatus, FurtherInformationRequest, RfiStatus } from '../areas/evidence/types.js'

/**
 * Table types of the fieldwork records (migration 20261123T202837Z_evidence), composed into
 * `Database` in tables.ts. Kept in their own file so areas adding tables in parallel do not edit
 * the same lines.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>

export interface EvidenceEntriesTable {
  id: Generated<string>
  activity_id: string
  heading_id: string
  source_type: SourceType
  source_detail: string | null
  collected_on: string
  collected_time: string
  evaluative_statement: string
  evidence_summary: string
  impact: string
  significance: Generated<Significance>
  team_agreed: Generated<boolean>
  names_confirmed: Generated<number>
  author_id: string
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
  version: Generated<number>
}

export interface EvidenceCaseLinksTable {
  entry_id: string
  case_id: string
}

export interface EvidenceQaNotesTable {
  id: Generated<string>
  activity_id: string
  entry_id: string | null
  note: string
  author_id: string
  created_at: GeneratedTimestamp
  resolution: string | null
  resolved_by: string | null
  resolved_at: NullableTimestamp
}

export interface KeepInTouchMeetingsTable {
  id: Generated<string>
  activity_id: string
  meeting_on: string
  attendee_roles: ColumnType<KitAttendeeRole[], string | undefined, string>
  other_attendees: string | null
  dcs_declined: Generated<boolean>
  findings_shared: string
  dcs_clear: Generated<boolean>
  no_surprises: Generated<boolean>
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface FurtherInformationRequestsTable {
  id: Generated<string>
  activity_id: string
  number: number
  status: RfiStatus
  requested_by: string
  raised_at: GeneratedTimestamp
  request_type: FurtherInformationRequest['requestType']
  case_id: string | null
  reason: string
  date_requested: string | null
  date_response_required: string | null
  agreed_by: string | null
  date_received: string | null
  response: string | null
  answered_by: string | null
  decision_note: string | null
  decided_by: string | null
  decided_at: NullableTimestamp
  version: Generated<number>
}

export interface CasesOfConcernTable {
  id: Generated<string>
  activity_id: string
  number: number
  status: ConcernStatus
  case_id: string
  team_location: string
  issues: string
  significance: string
  discussed_with: string
  raised_by: string
  raised_at: GeneratedTimestamp
  formal_note: string | null
  response_due: string | null
  escalated_by: string | null
  escalated_at: NullableTimestamp
  la_response: string | null
  responded_by: string | null
  responded_at: NullableTimestamp
  findings: string | null
  findings_by: string | null
  findings_at: NullableTimestamp
  version: Generated<number>
}

export interface EvidenceTables {
  evidence_entries: EvidenceEntriesTable
  evidence_case_links: EvidenceCaseLinksTable
  evidence_qa_notes: EvidenceQaNotesTable
  keep_in_touch_meetings: KeepInTouchMeetingsTable
  further_information_requests: FurtherInformationRequestsTable
  cases_of_concern: CasesOfConcernTable
}
