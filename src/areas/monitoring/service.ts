import { declineService } from './decline.service.js'
import { leadService } from './lead.service.js'
import { lettersService } from './letters.service.js'
import { planService } from './plan.service.js'
import { programmeService } from './programme.service.js'
import { type MonitoringDeps, monitoringRecords } from './records.js'

/**
 * The monitoring area's service (issue 12): reading programmes, the programme's own steps, the
 * action plan and its review, and the regional director's letters, composed here.
 */
export function createMonitoringService(deps: MonitoringDeps) {
  const records = monitoringRecords(deps)
  return {
    ...records,
    ...programmeService(deps, records),
    ...planService(deps, records),
    ...declineService(deps, records),
    ...leadService(deps, records),
    letters: lettersService(deps, records),
  }
}

export type MonitoringService = ReturnType<typeof createMonitoringService>
