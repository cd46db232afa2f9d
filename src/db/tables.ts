import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { AnnexAFileErrorCode } from '../annex-a/errors.js'
import type { TeamRole } from '../areas/activities/activity-types.js'
import type { ActivityStatus } from '../areas/activities/lifecycle.js'
import type { Contact } from '../areas/activities/types.js'
import type { NoticeRole } from '../areas/activities/activity-types.js'
import type { ReturnStatus } from '../areas/annex-a-returns/types.js'
import type { AttendeeRole, SetOutKey } from '../areas/judgements/feedback.js'
import type { FindingKind, PriorityActionGround } from '../areas/judgements/focused-visit-findings.js'
import type { Framework, Grade, JudgementActivityType } from '../areas/register/frameworks.js'
import type { NewJudgement } from '../areas/register/repository.js'
import type { VisitSource, VisitType } from '../areas/register/visits.js'
import type { PublishedKind } from '../areas/publications/kinds.js'
import type { OutboxKind } from '../notify/outbox.js'
import type { VisitVariant } from '../rules/timelines/focused-visit.js'
import type { ActivityType } from '../rules/types.js'
import type { AuditEventsTable, AuthTables, UsersTable } from './auth-tables.js'
import type { EvidenceTables } from './evidence-tables.js'
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

export interface RegionsTable {
  code: string
  name: string
}

export interface LocalAuthoritiesTable {
  la_code: string
  gss_code: string
  name: string
  region_code: string
  la_type: string
  london_subregion: string | null
  gss_code_valid_from: string | null
  previous_gss_codes: string | null
}

export interface JudgementRecordsTable {
  id: Generated<string>
  la_code: string
  framework: Framework
  activity_type: JudgementActivityType
  inspection_start: string
  inspection_end: string
  published_on: string
  /** The record this one corrects; corrections never overwrite (append-only history). */
  corrects_id: string | null
  correction_reason: string | null
  source: NewJudgement['source']
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
  /** The activity and publication a judgement the service published came from (source `service`). */
  activity_id: ColumnType<string | null, string | null | undefined, never>
  publication_id: ColumnType<string | null, string | null | undefined, never>
}

/** A focused visit, monitoring visit or JTAI in an LA's history (issue 11; imported by issue 14). */
export interface RegisterVisitsTable {
  id: Generated<string>
  la_code: string
  visit_type: VisitType
  visit_start: string
  visit_end: string | null
  published_on: string | null
  theme: string | null
  source: VisitSource
  activity_id: string | null
  publication_id: string | null
  source_detail: string | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

/** A published report or letter: the only table the public pages read (issue 11). */
export interface PublicationsTable {
  id: Generated<string>
  activity_id: string
  la_code: string
  kind: PublishedKind
  activity_type: ActivityType
  title: string
  fieldwork_start: string
  fieldwork_end: string
  statutory_publication_date: string
  published_at: Timestamp
  public: boolean
  framework: Framework | null
  grades: Json<Record<string, Grade>> | null
  pdf_hash: string
  pdf_size: number
  summary_pdf_hash: string | null
  summary_pdf_size: number | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface JudgementGradesTable {
  record_id: string
  area: string
  grade: Grade
}

export interface DataLoadsTable {
  name: string
  loaded_at: GeneratedTimestamp
  detail: string | null
}

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

export interface Database extends AuthTables, EvidenceTables, ReportTables {
  regions: RegionsTable
  local_authorities: LocalAuthoritiesTable
  judgement_records: JudgementRecordsTable
  judgement_grades: JudgementGradesTable
  register_visits: RegisterVisitsTable
  publications: PublicationsTable
  data_loads: DataLoadsTable
  activities: ActivitiesTable
  activity_milestones: ActivityMilestonesTable
  activity_flags: ActivityFlagsTable
  activity_date_changes: ActivityDateChangesTable
  activity_team: ActivityTeamTable
  activity_contacts: ActivityContactsTable
  activity_notices: ActivityNoticesTable
  activity_status_changes: ActivityStatusChangesTable
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
