import type { Principal } from '../../auth/policy.js'

/** How soon something needs the person: overdue first, then due today, then what is coming up. */
export type Urgency = 'overdue' | 'today' | 'soon'

/** One thing an area says needs the signed-in person, with the rule behind it where there is one. */
export interface DashboardItem {
  readonly urgency: Urgency
  readonly title: string
  readonly href: string
  readonly due?: string | undefined
  readonly detail?: string | undefined
  readonly rule?: string | undefined
  readonly citation?: string | undefined
}

/** An area's part of the home page: what needs this person now. */
export type DashboardProvider = (principal: Principal) => Promise<DashboardItem[]>
