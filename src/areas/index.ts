import { createAccountsService } from '../auth/accounts.js'
import { createActivitiesService } from './activities/service.js'
import type { ServiceDeps } from './deps.js'
import { createEvidenceService } from './evidence/service.js'
import { createRegisterService } from './register/service.js'

/** The composition root: every area's service, built from the same dependencies. */
export function createServices(deps: ServiceDeps) {
  const activities = createActivitiesService(deps)
  return {
    register: createRegisterService(deps),
    accounts: createAccountsService(deps.db, () => deps.clock.now()),
    activities,
    evidence: createEvidenceService(deps, { activities }),
  }
}

export type Services = ReturnType<typeof createServices>
