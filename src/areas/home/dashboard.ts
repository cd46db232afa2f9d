import type { Principal } from '../../auth/policy.js'

/**
 * "What needs you today" on the home page (issue 6): each area contributes the items it knows
 * about for the signed-in person, and the page sorts them: overdue first, then due today, then
 * what is coming up.
 */
export type Urgency = 'overdue' | 'today' | 'soon'

export interface DashboardItem {
  readonly urgency: Urgency
  readonly title: string
  readonly href: string
  readonly due?: string | undefined
  readonly detail?: string | undefined
  readonly rule?: string | undefined
  readonly citation?: string | undefined
}

export type DashboardProvider = (principal: Principal) => Promise<DashboardItem[]>

const ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, today: 1, soon: 2 }

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
