import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/**
 * Table types for Kysely (STYLE.md: one interface per table, composed into Database).
 * `date` columns come back as `YYYY-MM-DD` strings (see database.ts); timestamps as Date.
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

export interface UsersTable {
  id: Generated<string>
  email: string
  display_name: string
  role: string
  region_code: string | null
  la_code: string | null
  password_hash: string | null
  oidc_subject: string | null
  is_demo: Generated<boolean>
  failed_sign_ins: Generated<number>
  locked_until: NullableTimestamp
  disabled_at: NullableTimestamp
  created_at: GeneratedTimestamp
}

export interface UserLaScopesTable {
  user_id: string
  la_code: string
}

export interface SessionsTable {
  /** SHA-256 of the cookie token, so a copy of the table cannot be used to sign in. */
  token_hash: string
  user_id: string
  created_at: GeneratedTimestamp
  last_seen_at: GeneratedTimestamp
  expires_at: Timestamp
}

export interface AuditEventsTable {
  id: Generated<string>
  occurred_at: GeneratedTimestamp
  actor_id: string | null
  actor_label: string
  action: string
  record_type: string
  record_id: string | null
  la_code: string | null
  summary: string
  changes: Json<Record<string, unknown>> | null
  request_id: string | null
}

export interface JudgementRecordsTable {
  id: Generated<string>
  la_code: string
  framework: string
  activity_type: string
  inspection_start: string
  inspection_end: string
  published_on: string
  /** The record this one corrects; corrections never overwrite (append-only history). */
  corrects_id: string | null
  correction_reason: string | null
  source: string
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface JudgementGradesTable {
  record_id: string
  area: string
  grade: string
}

export interface DataLoadsTable {
  name: string
  loaded_at: GeneratedTimestamp
  detail: string | null
}

export interface Database {
  regions: RegionsTable
  local_authorities: LocalAuthoritiesTable
  users: UsersTable
  user_la_scopes: UserLaScopesTable
  sessions: SessionsTable
  audit_events: AuditEventsTable
  judgement_records: JudgementRecordsTable
  judgement_grades: JudgementGradesTable
  data_loads: DataLoadsTable
}

export type UserRow = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type LocalAuthorityRow = Selectable<LocalAuthoritiesTable>
export type JudgementRecordRow = Selectable<JudgementRecordsTable>
export type AuditEventRow = Selectable<AuditEventsTable>
