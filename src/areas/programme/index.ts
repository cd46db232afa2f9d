/** The programme area as other areas see it (ADR 0007): its service, types and paths. */
export type { ProgrammeService } from './service.js'
export type { PlanActivity, PlanLa, ProposalCheck } from './types.js'
export { programmePaths } from './paths.js'
