/** The intervention area as other areas see it (ADR 0007): its service, types and paths. */
export type { InterventionService } from './service.js'
export type { InadequateAlert } from './triggers.service.js'
export type { Intervention, InterventionRecord, ScheduledReport } from './types.js'
export { interventionPaths } from './paths.js'
export { interventionDashboard } from './dashboard.js'
