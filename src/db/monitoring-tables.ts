import type { ColumnType, Generated } from 'kysely'

/**
 * Table types of the monitoring programme after an inadequate judgement (migration
 * 20261202T172251Z_monitoring_programmes), composed into `Database` in tables.ts. Kept in their own
 * file so areas adding tables in parallel do not edit the same lines.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Size = ColumnType<string | null, number | null | undefined, number | null>
type Json<T> = ColumnType<T, string, string>

interface Recorded {
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface MonitoringProgrammesTable {
  id: Generated<string>
  la_code: string
  judgement_id: string
  set_number: Generated<number>
  opened_on: string
  opened_by: string
  pre_publication_received_on: string | null
  final_report_received_on: string | null
  published_on: string | null
  letter_copies: '001#9' | '002#118' | null
  letter_sent_on: string | null
  planning_visit_on: string | null
  agenda_circulated_on: string | null
  record_attendees: Generated<string>
  record_discussion: Generated<string>
  record_planning: Generated<string>
  record_sent_on: string | null
  decision_on: string | null
  decision_kind: 'full' | 'post-monitoring' | null
  decision_inputs: ColumnType<string[] | null, string | null | undefined, string | null>
  decision_reasons: Generated<string>
  la_told_on: string | null
  decided_by: string | null
  closed_on: string | null
  /** The LA declined the programme (002#113, 001#3), and later accepted it (migration 20261203T080551Z). */
  declined_on: string | null
  declined_said: Generated<string>
  declined_persuasion: Generated<string>
  declined_by: string | null
  accepted_on: string | null
  /** The programme's named lead inspector (migration 20261203T082502Z_monitoring_lead_inspector). */
  lead_inspector_id: string | null
  created_at: GeneratedTimestamp
  version: Generated<number>
}

export interface MonitoringRecommendationsTable extends Recorded {
  id: Generated<string>
  programme_id: string
  ref: string
  kind: 'recommendation' | 'priority-action'
  text: string
}

export interface MonitoringActionPlansTable extends Recorded {
  id: Generated<string>
  programme_id: string
  version_number: number
  submitted_on: string
  file_name: string | null
  file_hash: string | null
  file_size: Size
  file_type: string | null
  actions: Json<{ recommendationId: string; action: string }[]>
}

export interface MonitoringPlanReviewsTable extends Recorded {
  id: Generated<string>
  programme_id: string
  plan_id: string
  outcome: 'reflects' | 'does-not-reflect' | 'referred-to-dfe'
  letter_sent_on: string
  differences: Generated<string>
  discussed_on: string | null
}

export interface MonitoringProgressTable extends Recorded {
  id: Generated<string>
  programme_id: string
  recommendation_id: string
  activity_id: string | null
  assessed_on: string
  progress: 'not-yet-seen' | 'insufficient' | 'some' | 'good' | 'met'
  note: Generated<string>
}

export interface MonitoringTables {
  monitoring_programmes: MonitoringProgrammesTable
  monitoring_recommendations: MonitoringRecommendationsTable
  monitoring_action_plans: MonitoringActionPlansTable
  monitoring_plan_reviews: MonitoringPlanReviewsTable
  monitoring_progress: MonitoringProgressTable
}
