/** The home area as other areas see it (ADR 0007): how an area adds its items to each person's home page. */
export { type DashboardItem, type DashboardProvider, urgencyOf } from './dashboard.js'
