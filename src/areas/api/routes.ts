import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import type { RouteSpec } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import type { AnnexAReturnsService } from '../annex-a-returns/index.js'
import type { RegisterService } from '../register/index.js'
import { activityOperations } from './activities.routes.js'
import { annexAOperations } from './annex-a.routes.js'
import { type ApiOperation, openApiRoutes } from './openapi.routes.js'
import { registerOperations } from './register.routes.js'
import { tokenRoutes } from './tokens.routes.js'

export { ANNEX_A_UPLOAD_TYPES } from './annex-a.routes.js'

interface ApiDeps {
  readonly register: RegisterService
  readonly activities: ActivitiesService
  readonly annexA: AnnexAReturnsService
}

/**
 * The JSON API (issue 6): the register, activities and their milestones, and Annex A returns,
 * under the same authorisation policy as the pages (each operation is a route spec with
 * `api: true`, so its errors are JSON), documented as OpenAPI at /api/docs from the zod
 * schemas that validate it.
 */
export function apiOperations(deps: ApiDeps): ApiOperation[] {
  return [...registerOperations(deps), ...activityOperations(deps), ...annexAOperations(deps)]
}

/** The API's operations, its description and documentation, and the API tokens page. */
export function apiRoutes(deps: ApiDeps & { db: Kysely<Database>; clock: Clock; baseUrl: string }): RouteSpec[] {
  const operations = apiOperations(deps)
  return [
    ...operations.map((operation) => operation.route),
    ...openApiRoutes(operations, deps.baseUrl),
    ...tokenRoutes(deps),
  ]
}
