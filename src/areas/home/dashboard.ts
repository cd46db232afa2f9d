import type { DashboardItem, Urgency } from './types.js'

/**
 * "What needs you today" on the home page (issue 6): each area contributes the items it knows
 * about for the signed-in person, and the page sorts them: overdue first, then due today, then
 * what is coming up.
 */
const ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, today: 1, soon: 2 }

/** Overdue first, then due today, then the rest; each by due date, then title. */
export function sortDashboard(items: readonly DashboardItem[]): DashboardItem[] {
  return [...items].sort(
    (a, b) =>
      ORDER[a.urgency] - ORDER[b.urgency] || (a.due ?? '').localeCompare(b.due ?? '') || a.title.localeCompare(b.title),
  )
}

/** The urgency of something due on `due`, seen on `today`, looking `horizonDays` ahead. */
export function urgencyOf(due: string, today: string, horizon: string): Urgency | undefined {
  if (due < today) return 'overdue'
  if (due === today) return 'today'
  return due <= horizon ? 'soon' : undefined
}
