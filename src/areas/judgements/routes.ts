import type { RouteSpec } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { feedbackRoutes } from './feedback.routes.js'
import { findingRoutes } from './findings.routes.js'
import { judgementRecordRoutes } from './judgement.routes.js'
import type { JudgementsService } from './service.js'

/**
 * The judgements area's pages (issue 6), one table per record type: the judgements of a standard
 * or short inspection with their check-your-answers page, a focused visit's findings, and the
 * feedback meeting. Every route is scoped to its activity's team (`activities.target`); the LA's
 * DCS reaches only the feedback page, and only once feedback is on record (002#197).
 */
export function judgementRoutes(judgements: JudgementsService, activities: ActivitiesService): RouteSpec[] {
  const deps = { judgements, activities }
  return [...judgementRecordRoutes(deps), ...findingRoutes(deps), ...feedbackRoutes(deps)]
}
