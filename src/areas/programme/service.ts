import { capacityService } from './capacity.service.js'
import { planService } from './plan.service.js'
import { proposalService } from './proposal.service.js'
import { type ProgrammeDeps, programmeRecords } from './records.js'

export type { ProgrammeDeps } from './records.js'
export type { LeaveInput } from './capacity.service.js'
export { WEEKLY_LIMIT_RANGE } from './capacity.service.js'
export type { Confirmation, ProposalInput } from './proposal.service.js'
export { ProposalRefusedError } from './proposal.service.js'

/**
 * The programme area's service (issue 6, 002#7-24): the plan and its checks, proposing and
 * committing an activity, and inspectors' capacity and leave, one module each, composed here.
 * It reads the register and the activities service, never their tables.
 */
export function createProgrammeService(deps: ProgrammeDeps) {
  const records = programmeRecords(deps)
  return {
    ...planService(deps, records),
    ...proposalService(deps, records),
    ...capacityService(deps, records),
  }
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>
