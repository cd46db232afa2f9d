import type { ColumnType, Generated } from 'kysely'
import type { AuditAction } from '../auth/audit-actions.js'
import type { Role } from '../auth/roles.js'

/**
 * Table types of accounts, sign-in, sessions, API tokens, form submissions and the audit log
 * (`src/auth` owns them), composed into `Database` in tables.ts.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string, string>

export interface UsersTable {
  id: Generated<string>
  email: string
  display_name: string
  role: Role
  region_code: string | null
  la_code: string | null
  password_hash: string | null
  oidc_subject: string | null
  is_demo: Generated<boolean>
  disabled_at: NullableTimestamp
  created_at: GeneratedTimestamp
}

/** Wrong passwords in a row per email address typed (its SHA-256), known or not (issue 10). */
export interface SignInThrottlesTable {
  email_key: string
  failures: number
  last_failure_at: Timestamp
  next_attempt_at: Timestamp
}

/** A form's submission, claimed by its key (issue 10: a double submit does the work once). */
export interface FormSubmissionsTable {
  user_id: string
  form_key: string
  path: string
  body_hash: string
  /** Where the first submission led (its 303), '' when it answered with a page; null while running. */
  outcome: string | null
  created_at: GeneratedTimestamp
  completed_at: NullableTimestamp
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
  /**
   * Written as one of today's actions; read as text, as the append-only log keeps the actions
   * of old entries even once the service no longer writes them.
   */
  action: ColumnType<string, AuditAction, never>
  record_type: string
  record_id: string | null
  la_code: string | null
  summary: string
  changes: Json<Record<string, unknown>> | null
  request_id: string | null
}

export interface ApiTokensTable {
  id: Generated<string>
  user_id: string
  name: string
  token_hash: string
  created_at: GeneratedTimestamp
  /** Chosen when the token is made, at most a year later (ADR "API tokens expire"). */
  expires_at: Timestamp
  last_used_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export interface AuthTables {
  users: UsersTable
  user_la_scopes: UserLaScopesTable
  sessions: SessionsTable
  sign_in_throttles: SignInThrottlesTable
  form_submissions: FormSubmissionsTable
  api_tokens: ApiTokensTable
  audit_events: AuditEventsTable
}
