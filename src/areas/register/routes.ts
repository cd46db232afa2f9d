import type { Clock } from '../../clock.js'
import type { RouteSpec } from '../../web/routing.js'
import { judgementRoutes } from './judgement.routes.js'
import { laRoutes } from './la.routes.js'

/** Every route of the register, one table per record type: the LAs (with their history), and their judgements. */
export function registerRoutes(deps: Parameters<typeof laRoutes>[0] & { clock: Clock }): RouteSpec[] {
  return [...laRoutes(deps), ...judgementRoutes(deps)]
}
