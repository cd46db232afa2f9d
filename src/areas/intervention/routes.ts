import type { RouteSpec } from '../../web/routing.js'
import { type InterventionRouteDeps, interventionLaRoutes } from './la.routes.js'
import { interventionDocumentRoutes } from './documents.routes.js'
import { interventionRecordRoutes } from './record.routes.js'
import { interventionChecklistRoutes } from './checklist.routes.js'

/** Every route of the intervention area: the dashboard and each LA's triggers, then each record. */
export function interventionRoutes(deps: InterventionRouteDeps): RouteSpec[] {
  return [
    ...interventionLaRoutes(deps),
    ...interventionChecklistRoutes(deps),
    ...interventionRecordRoutes(deps),
    ...interventionDocumentRoutes(deps),
  ]
}
