import type { InterventionStep } from '../../rules/intervention-record.js'
import type { INTERVENTION_FORMS } from '../../rules/intervention.js'
import type { ChecklistKey, RiskDegree } from '../../rules/intervention-checklists.js'

/** The intervention area's domain types (issue 13; 004). */

export type InstrumentForm = (typeof INTERVENTION_FORMS)[number]['key']
export type { InterventionStep }

/** Who owes a report of the reporting schedule (004#What happens once Ofsted has left your council?). */
export const REPORT_SOURCES = {
  'board-chair': 'Improvement board chair',
  adviser: 'DfE social care adviser',
  commissioner: 'Commissioner',
  council: 'The council',
} as const
export type ReportSource = keyof typeof REPORT_SOURCES

/** The triggers Ofsted records by hand against an LA (001#22, 002#126). */
export const RECORDED_CONCERN_KINDS = {
  'action-plan-difference': 'Ofsted and the LA differ over the action plan',
} as const
export type RecordedConcernKind = keyof typeof RECORDED_CONCERN_KINDS

/**
 * Every kind a recorded trigger may have: a refusal of the monitoring programme (002#113) noted
 * here before it was recorded on the programme is still shown, and no longer recorded here.
 */
export const CONCERN_KINDS = {
  ...RECORDED_CONCERN_KINDS,
  'monitoring-refused': 'The LA will not agree the programme of monitoring visits',
} as const
export type ConcernKind = keyof typeof CONCERN_KINDS

/** A file kept with a record (board minutes, a report), stored in the blob store by its hash. */
export interface StoredDocument {
  readonly name: string
  readonly hash: string
  readonly size: number
  readonly type: string
}

/** One intervention in an LA (an LA can have several over time). */
export interface Intervention {
  readonly id: string
  readonly laCode: string
  readonly step: InterventionStep
  readonly inadequatePublishedOn: string | null
  readonly caseLeadId: string | null
  readonly openedOn: string
  readonly closedOn: string | null
  readonly supportUntil: string | null
  readonly createdAt: Date
  readonly version: number
}

/** A dated step of the lifecycle, as recorded. */
export interface StepRecord {
  readonly id: string
  readonly step: InterventionStep
  readonly happenedOn: string
  readonly note: string
  readonly recordedById: string
  readonly recordedAt: Date
}

/** A notice or direction (004#Forms of intervention): who issued it, when, and what it requires. */
export interface Instrument {
  readonly id: string
  readonly form: InstrumentForm
  readonly issuer: string
  readonly consultedOn: string | null
  readonly issuedOn: string
  readonly publishedOn: string | null
  readonly basis: string
  readonly areasOfImprovement: string
  readonly improvementsRequired: string
  readonly assessment: string
  readonly assessBy: string | null
  readonly ifNotAchieved: string
  readonly recordedById: string
  readonly recordedAt: Date
}

/** The improvement board (004#Setting up your improvement framework). */
export interface Board {
  readonly chairName: string
  readonly chairIndependent: boolean
  readonly members: string
  readonly setUpOn: string
  readonly adviserKind: 'adviser' | 'commissioner' | null
  readonly adviserName: string | null
  readonly version: number
}

export interface BoardMeeting {
  readonly id: string
  readonly metOn: string
  readonly summary: string
  readonly minutes: StoredDocument | null
  readonly recordedById: string
  readonly recordedAt: Date
}

/** One report of the reporting schedule, and the report itself once received. */
export interface ScheduledReport {
  readonly id: string
  readonly title: string
  readonly dueFrom: ReportSource
  readonly ownerEmail: string | null
  readonly dueOn: string
  readonly receivedOn: string | null
  readonly document: StoredDocument | null
}

/** A trigger Ofsted recorded: the monitoring programme refused, or a difference over the action plan. */
export interface Concern {
  readonly id: string
  readonly laCode: string
  readonly kind: ConcernKind
  readonly notedOn: string
  readonly note: string
  readonly resolvedOn: string | null
}

/** One answer to an item of the LA's checklists (004, G6), with who gave it and when. */
export interface ChecklistAnswer {
  readonly id: string
  readonly list: ChecklistKey
  readonly item: number
  readonly degree: RiskDegree | null
  readonly answer: string
  readonly answeredOn: string
  readonly answeredById: string
  readonly recordedAt: Date
}

/** An intervention with everything recorded against it. */
export interface InterventionRecord {
  readonly intervention: Intervention
  readonly steps: readonly StepRecord[]
  readonly instruments: readonly Instrument[]
  readonly board: Board | null
  readonly meetings: readonly BoardMeeting[]
  readonly reports: readonly ScheduledReport[]
}
