import type { ActivityType } from '../../rules/types.js'

/**
 * The activity types the service runs (issue 6): standard and short inspections and focused
 * visits, and after an inadequate judgement monitoring visits and post-monitoring inspections
 * (issue 12). Each has the timeline of `src/rules/timelines/` and a short code for references.
 */
export const PLANNABLE_TYPES = [
  'standard-inspection',
  'short-inspection',
  'focused-visit',
  'monitoring-visit',
  'post-monitoring-inspection',
] as const satisfies readonly ActivityType[]
export type PlannableType = (typeof PLANNABLE_TYPES)[number]

/**
 * The types the activities area's own planning form offers. Monitoring visits and post-monitoring
 * inspections are proposed in the programme planner, which knows the LA's judgement and earlier
 * visits (their number, arrangements and quarterly cadence, issue 12).
 */
export const DIRECT_PLAN_TYPES = [
  'standard-inspection',
  'short-inspection',
  'focused-visit',
] as const satisfies readonly PlannableType[]

export function isPlannableType(value: string): value is PlannableType {
  return (PLANNABLE_TYPES as readonly string[]).includes(value)
}

/** Types that may be on site Wednesday–Thursday instead of Tuesday–Wednesday (002 fn20, fn22). */
export function hasVariant(type: ActivityType): boolean {
  return type === 'focused-visit' || type === 'monitoring-visit'
}

/** The types that follow an inadequate judgement (001, 002#112-139): only for an LA judged inadequate. */
export const MONITORING_TYPES = [
  'monitoring-visit',
  'post-monitoring-inspection',
] as const satisfies readonly ActivityType[]

export const TYPE_LABELS: Readonly<Record<ActivityType, string>> = {
  'standard-inspection': 'Standard inspection',
  'short-inspection': 'Short inspection',
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  'post-monitoring-inspection': 'Post-monitoring single inspection',
  'progress-inspection-2015': 'Progress inspection (2015 improvement offer)',
}

const TYPE_CODES: Readonly<Record<ActivityType, string>> = {
  'standard-inspection': 'SI',
  'short-inspection': 'SH',
  'focused-visit': 'FV',
  'monitoring-visit': 'MV',
  'post-monitoring-inspection': 'PM',
  'progress-inspection-2015': 'PI',
}

/** A reference people can say on the phone: LA code, type and first on-site day, e.g. 886-SI-2026-12-07. */
export function activityReference(laCode: string, type: ActivityType, onsite: string): string {
  return `${laCode}-${TYPE_CODES[type]}-${onsite}`
}

/** Whether the activity gives graded judgements (002#96) or findings without grades (002#108). */
export function givesJudgements(type: ActivityType): boolean {
  return type === 'standard-inspection' || type === 'short-inspection' || type === 'post-monitoring-inspection'
}

/**
 * Roles on an inspection team (002#52-55, #79, #84-95). A shadowing inspector gathers no
 * evidence (002#53), so they are on the team for access but never write evidence.
 */
export const TEAM_ROLES = [
  'lead-inspector',
  'team-inspector',
  'regulatory-inspector',
  'schools-hmi',
  'shadowing-inspector',
  'qa-manager',
  'senior-hmi',
] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = {
  'lead-inspector': 'Lead inspector',
  'team-inspector': 'Team inspector (social care)',
  'regulatory-inspector': 'Social care regulatory inspector',
  'schools-hmi': 'Schools HMI',
  'shadowing-inspector': 'Shadowing inspector (gathers no evidence)',
  'qa-manager': 'Quality assurance manager',
  'senior-hmi': 'Senior HMI',
}

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value)
}

/** Team roles that gather evidence (002#53: shadowing inspectors do not). */
export const EVIDENCE_GATHERING_ROLES: readonly TeamRole[] = [
  'lead-inspector',
  'team-inspector',
  'regulatory-inspector',
  'schools-hmi',
]

/** Who the lead inspector spoke to when giving notice (002#73, #75). */
export const NOTICE_ROLES = ['dcs', 'senior-manager', 'chief-executive'] as const
export type NoticeRole = (typeof NOTICE_ROLES)[number]
export const NOTICE_ROLE_LABELS: Readonly<Record<NoticeRole, string>> = {
  dcs: 'Director of children’s services (DCS)',
  'senior-manager': 'Most senior manager available',
  'chief-executive': 'Chief executive',
}
