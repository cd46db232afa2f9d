import { activityService } from './activity.service.js'
import { calendarService } from './calendar.service.js'
import { monitoringService } from './monitoring.service.js'
import { noticeService } from './notice.service.js'
import { type ActivitiesDeps, activityRecords } from './records.js'
import { teamService } from './team.service.js'

export type { ActivitiesDeps, OutcomeReadiness } from './records.js'
export type { PlanInput, StatusInput } from './activity.service.js'
export type { ContactInput, TeamMemberInput } from './team.service.js'
export type { NoticeInput } from './notice.service.js'
export type { MonitoringActivity, MonitoringDates } from './monitoring.service.js'

/**
 * The activities area's service: reading activities, then one module per record type (the
 * activity and its lifecycle, its team and contacts, the notice call, calendars), composed here.
 */
export function createActivitiesService(deps: ActivitiesDeps) {
  const records = activityRecords(deps)
  return {
    ...records,
    ...activityService(deps, records),
    ...teamService(deps, records),
    ...noticeService(deps, records),
    ...calendarService(deps, records),
    ...monitoringService(deps, records),
  }
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>
