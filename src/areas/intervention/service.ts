import { boardService } from './board.service.js'
import { checklistService } from './checklist.service.js'
import { interventionService } from './intervention.service.js'
import { type InterventionDeps, interventionRecords } from './records.js'
import { interventionReminders } from './reminders.js'
import { triggersService } from './triggers.service.js'

/**
 * The intervention area's service (issue 13; 004): reading records, running the lifecycle and
 * its notices and directions, the board and reporting schedule, and the triggers, composed here.
 */
export function createInterventionService(deps: InterventionDeps) {
  const records = interventionRecords(deps)
  const triggers = triggersService(deps, records)
  return {
    ...records,
    ...interventionService(deps, records),
    ...boardService(deps, records),
    ...triggers,
    ...checklistService(deps, records),
    /** The deadlines and alerts the reminder job sends (issue 13). */
    reminders: interventionReminders(deps, records, triggers),
  }
}

export type InterventionService = ReturnType<typeof createInterventionService>
