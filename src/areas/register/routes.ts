import type { Clock } from '../../clock.js'
import type { RouteSpec } from '../../web/routing.js'
import { judgementRoutes } from './judgement.routes.js'
import { laRoutes } from './la.routes.js'
import type { RegisterService } from './service.js'
import type { LaActivitiesProvider } from './types.js'

/** Every route of the register, one table per record type: the LAs, and their judgements. */
export function registerRoutes(deps: {
  register: RegisterService
  clock: Clock
  /** The LA's coming and current inspections and visits (from the activities and programme areas). */
  laActivities?: LaActivitiesProvider
}): RouteSpec[] {
  return [...laRoutes(deps), ...judgementRoutes(deps)]
}
