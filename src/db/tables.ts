import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { AnnexAFileErrorCode } from '../annex-a/errors.js'
import type { TeamRole } from '../areas/activities/activity-types.js'
import type { ActivityStatus } from '../areas/activities/lifecycle.js'
import type { Contact } from '../areas/activities/types.js'
import type { NoticeRole } from '../areas/activities/activity-types.js'
import type { ReturnStatus } from '../areas/annex-a-returns/types.js'
import type { AttendeeRole, SetOutKey } from '../areas/judgements/feedback.js'
import type { FindingKind, PriorityActionGround } from '../areas/judgements/focused-visit-findings.js'
import type { Framework, Grade } from '../areas/register/frameworks.js'
import type { OutboxKind } from '../notify/outbox.js'
import type { VisitVariant } from '../rules/timelines/focused-visit.js'
import type { ActivityType } from '../rules/types.js'
import type { AuditEventsTable, AuthTables, UsersTable } from './auth-tables.js'
import type { EvidenceTables } from './evidence-tables.js'
import type { FileTables } from './file-tables.js'
import type { JudgementRecordsTable, LocalAuthoritiesTable, RegisterTables } from './register-tables.js'
import type { InterventionTables } from './intervention-tables.js'
import type { MonitoringTables } from './monitoring-tables.js'
import type { Offer2015Tables } from './offer-2015-tables.js'
import type { ReportTables } from './report-tables.js'

/**
 * Table types for Kysely (STYLE.md: one interface per table, composed into Database).
 * `date` columns come back as `YYYY-MM-DD` strings (see database.ts); timestamps as Date.
 * A column holding one of a fixed set of values has the union of the code that defines the set,
 * and a CHECK constraint with the same values (migration 20261202T081747Z_fixed_value_checks).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string, string>

export interface ActivitiesTable {
  id: Generated<string>
  reference: string
  la_code: string
  type: ActivityType
  /** Stored only for the Wednesday–Thursday variant; null is the usual Tuesday–Wednesday. */
  variant: VisitVariant | null
  onsite_start: string
  status: Generated<ActivityStatus>
  topics: ColumnType<string[], string | undefined, string>
  status_reason: string | null
  created_by: string | null
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
  version: Generated<number>
  /** Monitoring visits: the arrangements followed, its number in its set, a second set (issue 12). */
  monitoring_handbook: 'ilacs' | '2017' | null
  monitoring_visit_number: number | null
  monitoring_second_set: Generated<boolean>
  /** Monitoring visits: the focus agreed with the LA (001#8, #39). */
  focus: string | null
}

/** A child looked at on a monitoring visit, by the LA's own ID (001#36-37, 002#136-137). */
export interface MonitoringVisitChildrenTable {
  id: Generated<string>
  activity_id: string
  la_code: string
  child_id: string
  method: 'tracked' | 'sampled'
  concern: string | null
  concern_told: string | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface ActivityMilestonesTable {
  activity_id: string
  position: number
  key: string
  label: string
  date: string
  until: string | null
  time: string | null
  rule: string
  citation: string
}

export interface ActivityFlagsTable {
  activity_id: string
  position: number
  rule: string
  citation: string
  message: string
}

export interface ActivityDateChangesTable {
  id: Generated<string>
  activity_id: string
  from_date: string | null
  to_date: string
  reason: string
  changed_by: string | null
  changed_at: GeneratedTimestamp
}

export interface ActivityTeamTable {
  activity_id: string
  user_id: string
  team_role: TeamRole
  days: ColumnType<string[], string | undefined, string>
  added_at: GeneratedTimestamp
}

export interface ActivityContactsTable {
  activity_id: string
  contact_role: Contact['contactRole']
  name: string
  email: string
  phone: string | null
}

export interface ActivityNoticesTable {
  id: Generated<string>
  activity_id: string
  called_at: Timestamp
  spoke_to_role: NoticeRole
  spoke_to_name: string
  notes: string | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface ActivityStatusChangesTable {
  id: Generated<string>
  activity_id: string
  from_status: ActivityStatus | null
  to_status: ActivityStatus
  note: string | null
  changed_by: string | null
  changed_at: GeneratedTimestamp
}

export interface OutboxTable {
  id: Generated<string>
  kind: OutboxKind
  recipient: string
  subject: string
  body_text: string
  dedupe_key: string
  activity_id: string | null
  created_at: GeneratedTimestamp
  available_at: GeneratedTimestamp
  claimed_until: NullableTimestamp
  sent_at: NullableTimestamp
  attempts: Generated<number>
  last_error: string | null
  attachment_name: string | null
  attachment_type: string | null
  attachment: Uint8Array | null
}

export interface CalendarFeedsTable {
  user_id: string
  token_hash: string
  created_at: GeneratedTimestamp
}

export interface AnnexAReturnsTable {
  id: Generated<string>
  activity_id: string
  version: number
  file_name: string
  file_hash: string
  file_size: ColumnType<string, number | string, number | string>
  as_of: string
  status: ReturnStatus
  uploaded_by: string | null
  uploaded_at: GeneratedTimestamp
  claimed_until: NullableTimestamp
  processed_at: NullableTimestamp
  processing_ms: number | null
  /** No CHECK: the reader's codes grow with it, and a refused code would leave a failed upload unrecorded. */
  error_code: AnnexAFileErrorCode | 'FAILED' | null
  error_message: string | null
  result: ColumnType<unknown, string | null | undefined, string | null>
  profile: ColumnType<unknown, string | null | undefined, string | null>
  children_hash: string | null
  report_hash: string | null
  error_count: number | null
  warning_count: number | null
  rows: number | null
  la_code: string | null
  /** `[{ fileName, hash, size }]`, in upload order. */
  files: ColumnType<unknown, string | undefined, string>
  /** List numbers the activity asks for. */
  lists_asked: ColumnType<unknown, string | undefined, string>
  /** List numbers the LA says it has nothing to report for. */
  declared_empty: ColumnType<unknown, string | undefined, string>
  /** List numbers a checked return holds or declares empty; null before it is checked. */
  lists_covered: ColumnType<unknown, string | null | undefined, string | null>
  files_deleted_at: NullableTimestamp
}

export interface AnnexADocumentsTable {
  id: Generated<string>
  activity_id: string
  item: string
  file_name: string
  file_hash: string
  file_size: ColumnType<string, number | string, number | string>
  content_type: string | null
  uploaded_by: string | null
  uploaded_at: GeneratedTimestamp
  withdrawn_at: NullableTimestamp
  file_deleted_at: NullableTimestamp
}

export interface CaseSamplesTable {
  activity_id: string
  child_id: string
  reason: string | null
  audited_case_requested: Generated<boolean>
  added_by: string | null
  added_at: GeneratedTimestamp
}

export interface ActivityOutcomesTable {
  activity_id: string
  kind: 'judgements' | 'findings'
  framework: Framework | null
  no_priority_actions: Generated<boolean>
  confirmed_at: NullableTimestamp
  confirmed_by: string | null
  confirmation_reason: string | null
  confirmed_checks: ColumnType<unknown | null, string | null | undefined, string | null>
  version: Generated<number>
  updated_at: GeneratedTimestamp
}

export interface ActivityJudgementsTable {
  activity_id: string
  area: string
  grade: Grade
  rationale: string
  evidence_headings: ColumnType<string[], string | undefined, string>
  leaders_understand_failure: boolean | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface FocusedVisitFindingsTable {
  id: Generated<string>
  activity_id: string
  kind: FindingKind
  text: string
  ground: PriorityActionGround | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface FeedbackMeetingsTable {
  activity_id: string
  held_on: string
  duration_minutes: number
  attendees: Json<AttendeeRole[]>
  other_attendees: string | null
  dcs_told_before: boolean | null
  judgements_given: ColumnType<Record<string, string>, string | undefined, string>
  set_out: ColumnType<SetOutKey[], string | undefined, string>
  notes: string | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

/** An inspector's leave (programme planner): dates only, never the reason. */
export interface InspectorLeaveTable {
  id: Generated<string>
  user_id: string
  starts_on: string
  ends_on: string
  created_by: string | null
  created_at: GeneratedTimestamp
}

/** The programme planner's settings, e.g. the inspector capacity limit. */
export interface ProgrammeSettingsTable {
  key: string
  value: number
  updated_by: string | null
  updated_at: GeneratedTimestamp
}

export interface Database
  extends
    AuthTables,
    EvidenceTables,
    FileTables,
    InterventionTables,
    MonitoringTables,
    Offer2015Tables,
    ReportTables,
    RegisterTables {
  activities: ActivitiesTable
  activity_milestones: ActivityMilestonesTable
  activity_flags: ActivityFlagsTable
  activity_date_changes: ActivityDateChangesTable
  activity_team: ActivityTeamTable
  activity_contacts: ActivityContactsTable
  activity_notices: ActivityNoticesTable
  activity_status_changes: ActivityStatusChangesTable
  monitoring_visit_children: MonitoringVisitChildrenTable
  outbox: OutboxTable
  calendar_feeds: CalendarFeedsTable
  activity_outcomes: ActivityOutcomesTable
  activity_judgements: ActivityJudgementsTable
  focused_visit_findings: FocusedVisitFindingsTable
  feedback_meetings: FeedbackMeetingsTable
  annex_a_returns: AnnexAReturnsTable
  annex_a_documents: AnnexADocumentsTable
  case_samples: CaseSamplesTable
  inspector_leave: InspectorLeaveTable
  programme_settings: ProgrammeSettingsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type LocalAuthorityRow = Selectable<LocalAuthoritiesTable>
export type JudgementRecordRow = Selectable<JudgementRecordsTable>
export type AuditEventRow = Selectable<AuditEventsTable>
