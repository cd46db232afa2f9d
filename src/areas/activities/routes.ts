import type { RouteSpec } from '../../web/routing.js'
import { activityRecordRoutes, type ActivityRouteDeps } from './activity.routes.js'
import { calendarRoutes } from './calendar.routes.js'
import { activityDateRoutes } from './dates.routes.js'
import { monitoringRoutes } from './monitoring.routes.js'
import { noticeRoutes } from './notice.routes.js'
import { teamRoutes } from './team.routes.js'

/**
 * Every route of the activities area, one table per record type: the activity (list, plan,
 * page, status), its dates (timeline, re-planning), its team and contacts, the notice call, calendars, and the children
 * looked at on a monitoring visit.
 */
export function activityRoutes(deps: ActivityRouteDeps & { baseUrl: string }): RouteSpec[] {
  return [
    ...activityRecordRoutes(deps),
    ...activityDateRoutes(deps),
    ...teamRoutes(deps),
    ...noticeRoutes(deps),
    ...calendarRoutes(deps),
    ...monitoringRoutes(deps),
  ]
}
