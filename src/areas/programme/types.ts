import type { IsoDate } from '../../rules/calendar/dates.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import type { PlanningCheck } from '../../rules/planning-checks.js'
import type { ActivityType, RuleId } from '../../rules/types.js'
import type { PlannerCheckId } from './planner-checks.js'

/** When an activity occupies its LA and its inspectors: from the notice day to the last day of fieldwork. */
export interface Fieldwork {
  /** The notice day (002#73; the focused visit's Tuesday call, 002#103). */
  readonly notice: IsoDate
  readonly onsiteStart: IsoDate
  /** The last day of fieldwork (the timeline's `onsite.end`). */
  readonly onsiteEnd: IsoDate
  /**
   * Every working day from the first to the last day of fieldwork. Decision: the off-site
   * evaluation Friday of a standard inspection counts, because the team works on the
   * inspection that day (002#52-53 table) and cannot be elsewhere.
   */
  readonly onsiteDays: readonly IsoDate[]
}

export type Severity = 'error' | 'warning'

/** A rule check on a proposal or a planned activity: a rule of the rules core, or one of the planner's own (PC1-PC4). */
export interface ProposalCheck extends Omit<PlanningCheck, 'rule'> {
  readonly rule: RuleId | PlannerCheckId
}

export type ProposableType =
  'standard-inspection' | 'short-inspection' | 'focused-visit' | 'monitoring-visit' | 'post-monitoring-inspection'

/** A proposed monitoring visit's arrangements, number, set and focus (issue 12; E7, E8). */
export interface ProposedMonitoring {
  readonly handbook: 'ilacs' | '2017'
  readonly visitNumber: number
  readonly secondSet: boolean
  readonly focus: string
  /** Why these arrangements (E7), shown with the checks. */
  readonly handbookReason: string
}

export interface ProposedInspector {
  readonly userId: string
  readonly name: string
  readonly lead: boolean
  /** The days they would be on site, where not the whole fieldwork (a regulatory or schools inspector's days). */
  readonly days?: readonly IsoDate[]
}

/** What a director proposes: an activity of an LA on a first on-site day, with its inspectors if chosen. */
export interface Proposal {
  readonly laCode: string
  readonly laName: string
  readonly type: ProposableType
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: IsoDate
  readonly inspectors: readonly ProposedInspector[]
  /** Monitoring visits only. */
  readonly monitoring?: ProposedMonitoring
}

/** An activity already in the programme, as the checks need it. */
export interface BookedActivity {
  readonly id: string
  readonly reference: string
  readonly laCode: string
  readonly laName: string
  readonly type: ActivityType
  readonly status: string
  readonly fieldwork: Fieldwork
  /** The team members on site, each with the days they are on site. */
  readonly onsite: ReadonlyArray<{ readonly userId: string; readonly name: string; readonly days: readonly IsoDate[] }>
  /** Its visit is in the LA's history (its letter is published), which counts it against the allowance. */
  readonly countedInHistory?: boolean
  /** A monitoring visit's arrangements, number, set and focus, as planned. */
  readonly monitoring?: Omit<ProposedMonitoring, 'handbookReason'> | null
}

/** A planned activity on the plan: its region, variant and lead, and the checks it would meet if proposed today (planned and notified only). */
export interface PlanActivity extends BookedActivity {
  readonly regionCode: string
  readonly variant: 'wed-thu' | null
  readonly lead: { readonly userId: string; readonly name: string } | undefined
  readonly checks: readonly ProposalCheck[]
}

/** An activity of the programme as the service reads it, before its checks: with who leads it. */
export interface ProgrammeActivity extends Omit<PlanActivity, 'checks'> {
  readonly leadUserIds: readonly string[]
}

/** An LA on the plan, with its pathway today from the register. */
export interface PlanLa {
  readonly laCode: string
  readonly name: string
  readonly regionCode: string
  readonly regionName: string
  readonly pathway: PathwayStatus | undefined
}

/** An inspector's leave: dates only, never the reason (PC3). */
export interface Leave {
  readonly userId: string
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate
}

/** A stored leave record, with the inspector's name. */
export interface LeaveRecord extends Leave {
  readonly id: string
  readonly name: string
  readonly createdAt: Date
}

export interface CheckContext {
  /** The LA's pathway today from the register (undefined: no graded judgement). */
  readonly pathway: PathwayStatus | undefined
  /** Every activity in the programme, in every LA (inspectors work across regions). */
  readonly activities: readonly BookedActivity[]
  readonly leave: readonly Leave[]
  /** PC2: on-site activities an inspector may take part in each week. */
  readonly weeklyLimit: number
}

/** A proposal with the outcome of every check on it. */
export interface CheckedProposal {
  readonly proposal: Proposal
  readonly topics: readonly string[]
  /** Monitoring visits: when the planner suggests the visit (M4), and how many are planned so far. */
  readonly suggestion?: { readonly date: IsoDate; readonly reason: string; readonly visitsSoFar: number }
  readonly fieldwork: Fieldwork | undefined
  readonly checks: readonly ProposalCheck[]
  readonly errors: readonly ProposalCheck[]
  readonly warnings: readonly ProposalCheck[]
  /** A digest of the warnings shown, so a commit confirms the warnings the director actually read. */
  readonly fingerprint: string
}
