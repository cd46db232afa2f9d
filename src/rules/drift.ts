/**
 * Drift (issue 14, "show drift as drift"): what the framework says against what happens. The
 * framework puts standard and short inspections within six months either side of the three-year
 * anniversary (P4, P8; 002#13) and publishes reports 21 working days after fieldwork (E7,
 * 002#216). Ofsted's published outcomes show most inspections since 2021 starting after their
 * window and reports published later than 21 days. These measure each inspection so the service
 * can show an LA's lateness beside the national distribution rather than a bare "overdue".
 */
import { daysBetween, type IsoDate } from './calendar/dates.js'
import { timelineDay } from './calendar/working-days.js'
import { dueWindow } from './pathways.js'
import { publicationTimeliness } from './timelines/publication.js'

/** The average length of a month in days (365.25 / 12), for months as a measure of lateness. */
const DAYS_PER_MONTH = 30.4375

/**
 * How far outside its due window an inspection started (P4, P8; 002#13): 0 inside the window,
 * the months after the window closed when later (positive), the months before it opened when
 * earlier (negative), to one decimal place. The window is the one `dueWindow` gives from the
 * previous judgement's publication (decision P8).
 */
export function monthsOutsideWindow(previousPublished: IsoDate, start: IsoDate): number {
  const window = dueWindow(previousPublished)
  const days =
    start > window.to ? daysBetween(window.to, start) : start < window.from ? -daysBetween(start, window.from) : 0
  return Math.round((days / DAYS_PER_MONTH) * 10) / 10
}

/**
 * The working days from the end of fieldwork to publication of an inspection report, against the
 * 21 of 002#216 (E7), when only the first day of fieldwork is known.
 *
 * Decision: Ofsted's files give the first day of fieldwork, not the last, so the last is the one
 * the type's timeline gives: day 10 of a standard inspection, day 5 of a short inspection (S2,
 * 002#52-55). An inspection whose team left early or stayed longer is off by those days.
 */
export function reportWorkingDays(
  type: 'standard-inspection' | 'short-inspection',
  firstDay: IsoDate,
  published: IsoDate,
): { workingDays: number; statutory: number } {
  const lastDay = timelineDay(firstDay, type === 'standard-inspection' ? 10 : 5)
  const { workingDays, statutory } = publicationTimeliness('inspection', lastDay, published)
  return { workingDays, statutory }
}

/** The median of `values` (the mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
