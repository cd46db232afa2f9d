import type { Clock } from '../../clock.js'
import type { RouteSpec } from '../../web/routing.js'
import { concernRoutes } from './concerns.routes.js'
import { entryRoutes } from './entries.routes.js'
import { keepInTouchRoutes } from './keep-in-touch.routes.js'
import { qaNoteRoutes } from './qa-notes.routes.js'
import { requestRoutes } from './requests.routes.js'
import type { EvidenceService } from './service.js'

/**
 * Every route of the fieldwork records (issue 6), one table per record type: the evidence
 * record and its entries, QA notes, keep-in-touch meetings, requests for further information
 * and cases of concern. Every route names its policy action; record routes check in their
 * target that the record belongs to the activity (and, for LA users, that the lead has
 * released it), so anything else is a 404.
 */
export function evidenceRoutes(evidence: EvidenceService, clock: Clock): RouteSpec[] {
  const deps = { evidence, clock }
  return [
    ...entryRoutes(deps),
    ...qaNoteRoutes(deps),
    ...keepInTouchRoutes(deps),
    ...requestRoutes(deps),
    ...concernRoutes(deps),
  ]
}
