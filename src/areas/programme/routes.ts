import type { RouteSpec } from '../../web/routing.js'
import { capacityRoutes } from './capacity.routes.js'
import { type ProgrammeRouteDeps, planRoutes } from './plan.routes.js'
import { proposalRoutes } from './proposal.routes.js'

/**
 * Every route of the programme area, one table per part: the plan (with its export and the
 * checks explained), proposing an activity, and inspectors' capacity and leave.
 */
export function programmeRoutes(deps: ProgrammeRouteDeps): RouteSpec[] {
  return [...planRoutes(deps), ...proposalRoutes(deps), ...capacityRoutes(deps)]
}
