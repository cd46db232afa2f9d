import { createAccountsService } from '../auth/accounts.js'
import { createActivitiesService } from './activities/service.js'
import type { ServiceDeps } from './deps.js'
import { createJudgementsService } from './judgements/service.js'
import { createRegisterService } from './register/service.js'

/** The composition root: every area's service, built from the same dependencies. */
export function createServices(deps: ServiceDeps) {
  // "Judgements agreed" waits for the judgements area (lifecycle.ts); it is called only after both exist.
  const activities = createActivitiesService(deps, { outcomeReadiness: (activity) => judgements.outcomeReadiness(activity) })
  const judgements = createJudgementsService(deps, activities)
  return {
    register: createRegisterService(deps),
    accounts: createAccountsService(deps.db, () => deps.clock.now()),
    activities,
    judgements,
  }
}

export type Services = ReturnType<typeof createServices>
