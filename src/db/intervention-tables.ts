import type { ColumnType, Generated } from 'kysely'
import type { AgendaKey, MeetingStatus } from '../areas/engagement/types.js'
import type { ChecklistKey, RiskDegree } from '../rules/intervention-checklists.js'
import type { ConcernKind, InstrumentForm, InterventionStep, ReportSource } from '../areas/intervention/types.js'

/**
 * Table types of the DfE's intervention record, the LA's engagement and the reminders people
 * stopped (migration 20261202T133241Z_intervention_and_engagement), composed into `Database` in
 * tables.ts. Kept in their own file so areas adding tables in parallel do not edit the same lines.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Size = ColumnType<string | null, number | null | undefined, number | null>

interface Recorded {
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface InterventionsTable {
  id: Generated<string>
  la_code: string
  step: InterventionStep
  inadequate_published_on: string | null
  case_lead_id: string | null
  opened_on: string
  closed_on: string | null
  support_until: string | null
  created_by: string
  created_at: GeneratedTimestamp
  version: Generated<number>
}

export interface InterventionStepsTable extends Recorded {
  id: Generated<string>
  intervention_id: string
  step: InterventionStep
  happened_on: string
  note: Generated<string>
}

export interface InterventionInstrumentsTable extends Recorded {
  id: Generated<string>
  intervention_id: string
  form: InstrumentForm
  issuer: string
  consulted_on: string | null
  issued_on: string
  published_on: string | null
  basis: Generated<string>
  areas_of_improvement: string
  improvements_required: string
  assessment: string
  assess_by: string | null
  if_not_achieved: string
}

export interface ImprovementBoardsTable {
  intervention_id: string
  chair_name: string
  chair_independent: boolean
  members: Generated<string>
  set_up_on: string
  adviser_kind: 'adviser' | 'commissioner' | null
  adviser_name: string | null
  updated_by: string
  updated_at: GeneratedTimestamp
  version: Generated<number>
}

export interface BoardMeetingsTable extends Recorded {
  id: Generated<string>
  intervention_id: string
  met_on: string
  summary: Generated<string>
  minutes_name: string | null
  minutes_hash: string | null
  minutes_size: Size
  minutes_type: string | null
}

export interface InterventionReportsTable extends Recorded {
  id: Generated<string>
  intervention_id: string
  title: string
  due_from: ReportSource
  owner_email: string | null
  due_on: string
  received_on: string | null
  report_name: string | null
  report_hash: string | null
  report_size: Size
  report_type: string | null
}

export interface InterventionConcernsTable extends Recorded {
  id: Generated<string>
  la_code: string
  kind: ConcernKind
  noted_on: string
  note: string
  resolved_on: string | null
}

/** An answer to one item of an LA's checklists (004, G6); never changed, the latest stands. */
export interface InterventionChecklistAnswersTable {
  id: Generated<string>
  la_code: string
  list: ChecklistKey
  item: number
  degree: RiskDegree | null
  answer: string
  answered_on: string
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

export interface SelfEvaluationsTable extends Recorded {
  id: Generated<string>
  la_code: string
  shared_on: string
  what_we_know: Generated<string>
  how_we_know: Generated<string>
  plans: Generated<string>
  document_name: string | null
  document_hash: string | null
  document_size: Size
  document_type: string | null
  action_plan_name: string | null
  action_plan_hash: string | null
  action_plan_size: Size
  action_plan_type: string | null
}

export interface EngagementMeetingsTable extends Recorded {
  id: Generated<string>
  la_code: string
  status: MeetingStatus
  meeting_on: string
  chair_id: string
  joint_with_education: Generated<boolean>
  ofsted_attendees: Generated<string>
  la_attendees: Generated<string>
  agenda_items: ColumnType<AgendaKey[], string | undefined, string>
  other_items: Generated<string>
  agenda_agreed_on: string | null
  discussion: Generated<string>
  letter_sent_on: string | null
  letter_focused_visit_scope: Generated<string>
  letter_next_timing: Generated<string>
  letter_next_steps: Generated<string>
  version: Generated<number>
}

export interface ReminderStopsTable {
  user_id: string
  kind: string
  stopped_at: GeneratedTimestamp
}

export interface InterventionTables {
  interventions: InterventionsTable
  intervention_steps: InterventionStepsTable
  intervention_instruments: InterventionInstrumentsTable
  improvement_boards: ImprovementBoardsTable
  board_meetings: BoardMeetingsTable
  intervention_reports: InterventionReportsTable
  intervention_concerns: InterventionConcernsTable
  intervention_checklist_answers: InterventionChecklistAnswersTable
  self_evaluations: SelfEvaluationsTable
  engagement_meetings: EngagementMeetingsTable
  reminder_stops: ReminderStopsTable
}
