import { boardService } from './board.service.js'
import { interventionService } from './intervention.service.js'
import { type InterventionDeps, interventionRecords } from './records.js'
import { triggersService } from './triggers.service.js'

/**
 * The intervention area's service (issue 13; 004): reading records, running the lifecycle and
 * its notices and directions, the board and reporting schedule, and the triggers, composed here.
 */
export function createInterventionService(deps: InterventionDeps) {
  const records = interventionRecords(deps)
  return {
    ...records,
    ...interventionService(deps, records),
    ...boardService(deps, records),
    ...triggersService(deps, records),
  }
}

export type InterventionService = ReturnType<typeof createInterventionService>
