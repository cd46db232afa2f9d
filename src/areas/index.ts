import { createAccountsService } from '../auth/accounts.js'
import { createActivitiesService } from './activities/service.js'
import type { ServiceDeps } from './deps.js'
import { createProgrammeService } from './programme/service.js'
import { createRegisterService } from './register/service.js'

/** The composition root: every area's service, built from the same dependencies. */
export function createServices(deps: ServiceDeps) {
  const services = {
    register: createRegisterService(deps),
    accounts: createAccountsService(deps.db, () => deps.clock.now()),
    activities: createActivitiesService(deps),
  }
  return { ...services, programme: createProgrammeService(deps, services) }
}

export type Services = ReturnType<typeof createServices>
