/** The engagement area as other areas see it (ADR 0007): its service, types and paths. */
export type { EngagementService } from './service.js'
export type { EngagementStanding } from './standing.js'
export type { EngagementMeeting, SelfEvaluation } from './types.js'
export { engagementPaths } from './paths.js'
export { engagementTasks } from './tasks.js'
