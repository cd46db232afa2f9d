import type { RouteSpec } from '../../web/routing.js'
import { draftingRoutes } from './drafting.routes.js'
import { embargoRoutes } from './embargo.routes.js'
import { factualAccuracyRoutes } from './factual-accuracy.routes.js'
import { reviewRoutes } from './review.routes.js'
import type { ReportsService } from './service.js'

/**
 * Every route of reports and letters (issue 11), under `/activities/:activityId/report…`, one
 * table per step: drafting (the report page, sections, versions, files), review, factual accuracy
 * (the LA's page and the team's), and the final copy under embargo. Nothing here is public.
 */
export function reportRoutes(reports: ReportsService): RouteSpec[] {
  return [
    ...draftingRoutes(reports),
    ...reviewRoutes(reports),
    ...factualAccuracyRoutes(reports),
    ...embargoRoutes(reports),
  ]
}
