/**
 * One entry point for every activity's timeline from its first on-site day (RULES.md S2,
 * 002#53-55, #103, #129; 001#62; 000#42), for the planner, the web layer and the CLI.
 */
import type { IsoDate } from '../calendar/dates.js'
import type { ActivityType, Outcome } from '../types.js'
import type { Timeline } from './common.js'
import { focusedVisitTimeline, type VisitVariant } from './focused-visit.js'
import { monitoringVisitTimeline, type MonitoringHandbook } from './monitoring-visit.js'
import { postMonitoringInspectionTimeline } from './post-monitoring-inspection.js'
import { progressInspection2015Timeline } from './progress-inspection-2015.js'
import { shortInspectionTimeline } from './short-inspection.js'
import { standardInspectionTimeline } from './standard-inspection.js'

export type { Timeline } from './common.js'

/** Options that apply to some activity types. */
export interface TimelineOptions {
  /** Focused and monitoring visits: on site Tuesday–Wednesday (default) or Wednesday–Thursday (002 fn20, fn22). */
  variant?: VisitVariant
  /** Monitoring visits: ILACS (default) or the 2017 handbook (001#42). */
  handbook?: MonitoringHandbook
  /** Monitoring visits: the visit's number in its set (E8: the first letter is unpublished). */
  visitNumber?: number
  /** Monitoring visits: a second set of visits (E8, M9). */
  secondSet?: boolean
}

/** The timeline of an activity of `type` whose first on-site day is `onsite`, or the reason it is refused (C5). */
export function timelineFor(
  type: ActivityType,
  onsite: IsoDate,
  options: TimelineOptions = {},
): Outcome<{ timeline: Timeline }> {
  switch (type) {
    case 'standard-inspection':
      return standardInspectionTimeline(onsite)
    case 'short-inspection':
      return shortInspectionTimeline(onsite)
    case 'focused-visit':
      return focusedVisitTimeline(onsite, options.variant)
    case 'monitoring-visit':
      return monitoringVisitTimeline(onsite, options)
    case 'post-monitoring-inspection':
      return postMonitoringInspectionTimeline(onsite)
    case 'progress-inspection-2015':
      return progressInspection2015Timeline(onsite)
  }
}

/** The weekday each activity's first on-site day must fall on (1 = Monday), for forms and planners (C5). */
export function requiredOnsiteWeekday(type: ActivityType, variant: VisitVariant = 'tue-wed'): number | null {
  if (type === 'focused-visit' || type === 'monitoring-visit') return variant === 'wed-thu' ? 3 : 2
  return 1
}
