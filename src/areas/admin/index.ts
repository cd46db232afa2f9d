/** The admin area as other areas see it (ADR 0007): its service and paths. */
export type { AdminService } from './service.js'
export { adminPaths } from './paths.js'
