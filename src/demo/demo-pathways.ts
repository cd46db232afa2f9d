/**
 * The demo plans each activity from its LA's real pathway and due window (issue 10: Kent's demo
 * standard inspection contradicted its own pathway once the demo loaded the real register).
 */
import type { PathwayStatus } from '../rules/pathways.js'
import type { IsoDate } from '../rules/calendar/dates.js'
import { plannableMonday } from './demo-steps.js'

/**
 * The judgement inspection the LA's pathway gives next: a short inspection for pathway 1 (002#17),
 * a standard inspection for pathway 2 (002#20) and, under ILACS, for an LA judged inadequate
 * (002#22-23). An LA with no graded judgement gets a standard inspection.
 */
export function judgementTypeOf(pathway: PathwayStatus | undefined): 'short-inspection' | 'standard-inspection' {
  return pathway?.pathway === 1 ? 'short-inspection' : 'standard-inspection'
}

/**
 * The first day on site the demo wants, or the first plannable Monday of the LA's due window when
 * the window opens later (P4, 002#13): a demo inspection is never early. A window already closed
 * gives a late inspection, which is what happens to most LAs since 2021 (the rulebook's "what
 * happens"); the planner's check says so on the activity's page.
 */
export function onsiteInWindow(pathway: PathwayStatus | undefined, wanted: IsoDate): IsoDate {
  return pathway && wanted < pathway.next.from ? plannableMonday(pathway.next.from) : wanted
}

/** A focused visit suits an LA whose next judgement inspection is not yet due on `onsite` (002#9). */
export function focusedVisitFits(pathway: PathwayStatus | undefined, onsite: IsoDate): boolean {
  return (
    pathway !== undefined && pathway.pathway !== 3 && onsite < pathway.next.from && pathway.focusedVisits.remaining > 0
  )
}
