import type { ColumnType, Generated } from 'kysely'
import type { ReportEvent, ReportKind, ReportStep, ReviewStep } from '../areas/reports/workflow.js'

/**
 * Table types of reports and letters (migration 20261202T132607Z_reports), composed into
 * `Database` in tables.ts; in their own file so areas adding tables in parallel do not edit the
 * same lines.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type Json<T> = ColumnType<T, string, string>

/** One recipient of the final copy under embargo (002#216, #224). */
export interface StoredRecipient {
  readonly group: string
  readonly name: string
  readonly email: string
  /**
   * SHA-256 of the recipient's own link to the embargoed copy (`/embargoed/:token`), for those
   * without an account here; absent on recipients recorded before the links existed.
   */
  readonly linkHash?: string
}

export interface ReportsTable {
  id: Generated<string>
  activity_id: string
  kind: ReportKind
  step: ReportStep
  version: Generated<number>
  fa_version: number | null
  fa_sent_on: string | null
  fa_due: string | null
  fa_submitted_at: NullableTimestamp
  fa_submitted_by: string | null
  embargo_until: NullableTimestamp
  recipients: ColumnType<StoredRecipient[], string | undefined, string>
  published_at: NullableTimestamp
  dfe_notified_at: NullableTimestamp
  created_by: string | null
  created_at: GeneratedTimestamp
  updated_at: GeneratedTimestamp
}

export interface ReportVersionsTable {
  id: Generated<string>
  report_id: string
  number: number
  status: 'draft' | 'embargoed' | 'final'
  sections: Json<unknown>
  document: Json<unknown>
  pages: number
  page_limit: number | null
  pdf_hash: string
  note: string | null
  created_by: string | null
  created_at: GeneratedTimestamp
}

export interface ReportReviewCommentsTable {
  id: Generated<string>
  report_id: string
  version_number: number
  section: string | null
  stage: ReviewStep
  comment: string
  author_id: string | null
  created_at: GeneratedTimestamp
}

export interface ReportFaCommentsTable {
  id: Generated<string>
  report_id: string
  version_number: number
  section: string
  paragraph: number
  correction: string
  evidence: string
  author_id: string | null
  created_at: GeneratedTimestamp
  submitted_at: NullableTimestamp
  late: Generated<boolean>
  response: 'accepted' | 'not-accepted' | null
  response_text: string | null
  responded_by: string | null
  responded_at: NullableTimestamp
  dispute_reason: string | null
  disputed_by: string | null
  disputed_at: NullableTimestamp
  dispute_decision: 'upheld' | 'correction-agreed' | null
  dispute_note: string | null
  decided_by: string | null
  decided_at: NullableTimestamp
}

export interface ReportStepsTable {
  id: Generated<string>
  report_id: string
  event: ReportEvent
  to_step: ReportStep
  milestone: string | null
  statutory_date: string | null
  occurred_at: ColumnType<Date, Date | string, Date | string>
  actor_id: string | null
  note: string | null
}

export interface ReportTables {
  reports: ReportsTable
  report_versions: ReportVersionsTable
  report_review_comments: ReportReviewCommentsTable
  report_fa_comments: ReportFaCommentsTable
  report_steps: ReportStepsTable
}
