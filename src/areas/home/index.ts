/** The home area as other areas see it (ADR 0007): how an area adds its items to each person's home page. */
export type { DashboardItem, DashboardProvider, Urgency } from './types.js'
export { urgencyOf } from './dashboard.js'
export { homePaths } from './paths.js'
