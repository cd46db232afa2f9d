/** The monitoring area as other areas see it (ADR 0007): its service, types and paths. */
export type { MonitoringService } from './service.js'
export type { Programme, ProgrammeRecord, Recommendation } from './types.js'
export { monitoringPaths } from './paths.js'
