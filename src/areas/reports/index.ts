/** The reports area as other areas see it (ADR 0007): its service, types and paths. */
export type { ReportsDeps, ReportsService } from './service.js'
export type { Report, ReportVersion } from './types.js'
export type { MilestoneProgress } from './progress.js'
export { reportPaths } from './paths.js'
export { type ReportKind, type ReportStep, STEP_LABELS } from './workflow.js'
