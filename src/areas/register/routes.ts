import type { Clock } from '../../clock.js'
import type { BlobStore } from '../../files/blob-store.js'
import type { RouteSpec } from '../../web/routing.js'
import { deliveryRoutes } from './delivery.routes.js'
import { judgementRoutes } from './judgement.routes.js'
import { laRoutes } from './la.routes.js'
import { outcomesImportRoutes } from './outcomes/import.routes.js'

/**
 * Every route of the register, one table per record type: the LAs (with their history), their
 * judgements, and the administrator's import of Ofsted's outcomes (its uploads wait in the file store).
 */
export function registerRoutes(deps: Parameters<typeof laRoutes>[0] & { clock: Clock; blobs: BlobStore }): RouteSpec[] {
  return [
    ...laRoutes(deps),
    ...judgementRoutes(deps),
    ...deliveryRoutes(deps),
    ...outcomesImportRoutes({ register: deps.register, blobs: deps.blobs }),
  ]
}
