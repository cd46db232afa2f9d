/** The activities area as other areas see it (ADR 0007): its service, types, paths and labels. */
export type { ActivitiesService } from './service.js'
/**
 * For the monitoring area (issue 12): `activities.monitoringOf(principal, laCode)` lists an LA's
 * monitoring visits and post-monitoring inspections with status, dates, visit number and whether
 * the letter is published. Proposing one is the programme planner's (`/programme/proposals/new`).
 * `activities.monitoringDatesOf(principal, laCode)` gives only their type, status and dates, to
 * whoever sees the LA's monitoring programme (the DfE case lead, who sees no activities).
 */
export type { MonitoringActivity, MonitoringDates } from './monitoring.service.js'
export type {
  Activity,
  ActivityDetails,
  ActivitySummary,
  MilestoneActual,
  MilestoneActuals,
  MonitoringFacts,
  StoredMilestone,
  TeamMember,
} from './types.js'
export { activityPaths } from './paths.js'
export { activityTitle, monitoringLetterHtml, monitoringVisitLabel } from './presenters.js'
export {
  EVIDENCE_GATHERING_ROLES,
  hasVariant,
  isPlannableType,
  MONITORING_TYPES,
  PLANNABLE_TYPES,
  type PlannableType,
  type TeamRole,
  TYPE_LABELS,
} from './activity-types.js'
export { type ActivityStatus, isStatus, STATUS_LABELS, STATUS_TAGS } from './lifecycle.js'
export type { ActivityChecks, ActivityChecksProvider, ActivityTask, ActivityTaskProvider, TaskStatus } from './tasks.js'
