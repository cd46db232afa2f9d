/** The programme area as other areas see it (ADR 0007). */
export type { ProgrammeService } from './service.js'
export { programmePaths } from './paths.js'
