import type { RouteSpec } from '../../web/routing.js'
import { caseSampleRoutes } from './case-sample.routes.js'
import { documentRoutes } from './documents.routes.js'
import { type AnnexARouteDeps, overviewRoutes } from './overview.routes.js'
import { profileRoutes } from './profile.routes.js'
import { returnRoutes } from './returns.routes.js'

export type { AnnexARouteDeps } from './overview.routes.js'

/**
 * Every route of the Annex A returns area, one table per record type: the overview, the
 * returns (upload, findings, progress, marked-up workbook), the documents, the profile and
 * the case sample.
 */
export function annexAReturnRoutes(deps: AnnexARouteDeps): RouteSpec[] {
  return [
    ...overviewRoutes(deps),
    ...returnRoutes(deps),
    ...documentRoutes(deps),
    ...profileRoutes(deps),
    ...caseSampleRoutes(deps),
  ]
}
