/**
 * What every timeline shares: its shape, the check on its first on-site day (RULES.md C5:
 * refused with the reason when it is not a working day or not the weekday the schedule needs,
 * 002#53-55, #103, #129) and the flag raised when a bank holiday breaks the weekday column of a
 * schedule table (RULES.md M8 for 001#62; the same holds for the 002#53-55 tables).
 */
import { dayOfWeek, formatDate, formatLongDate, weekdayName, type IsoDate } from '../calendar/dates.js'
import { workingDayStatus } from '../calendar/working-days.js'
import type { ActivityType, Cited, Flag, Milestone, Refusal, RuleId } from '../types.js'
import { refuse } from '../types.js'

/** A descriptive point about an activity, with its source. */
export interface Note extends Cited {
  message: string
}

/** The dated milestones of one activity, from its first on-site day. */
export interface Timeline {
  type: ActivityType
  onsite: IsoDate
  variant: string | null
  milestones: Milestone[]
  flags: Flag[]
  notes: Note[]
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

/** The English name of ISO weekday `n` (1 = Monday). */
function weekdayNamed(n: number): string {
  return WEEKDAYS[n - 1] ?? '?'
}

/**
 * Refuse a first on-site day that is not `weekday` or not a working day (C5). `what` names the
 * day in the message, e.g. "a standard inspection's fieldwork".
 */
export function checkFirstOnsiteDay(
  date: IsoDate,
  weekday: number,
  what: string,
  citation: string,
): Refusal | undefined {
  if (dayOfWeek(date) !== weekday) {
    return refuse(
      'C5',
      citation,
      `${formatDate(date)} is a ${weekdayName(date)}; ${what} starts on a ${weekdayNamed(weekday)}`,
    )
  }
  const status = workingDayStatus(date)
  if (!status.workingDay) {
    return refuse('C5', citation, `${formatDate(date)} is ${status.reason}; ${what} must start on a working day`)
  }
  return undefined
}

/** A row of a schedule table: the day the table puts it on, and the date it falls on. */
export interface ScheduleRow {
  label: string
  date: IsoDate
  weekday: number
}

/**
 * Flags for rows whose date is not on the weekday the table names, because a bank holiday
 * moved the working-day count. Decision (M8, applied to every schedule): keep the working-day
 * count and flag the broken column, rather than relabel it silently.
 */
export function weekdayColumnFlags(rows: ScheduleRow[], rule: RuleId, citation: string): Flag[] {
  return rows
    .filter((row) => dayOfWeek(row.date) !== row.weekday)
    .map((row) => ({
      rule,
      citation,
      message: `${row.label} falls on ${formatLongDate(row.date)}, not the ${weekdayNamed(row.weekday)} of the schedule, because of a bank holiday`,
    }))
}

/** Build a milestone. */
export function milestone(
  key: string,
  label: string,
  date: IsoDate,
  rule: RuleId,
  citation: string,
  extra: Partial<Pick<Milestone, 'until' | 'time' | 'alternatives'>> = {},
): Milestone {
  return { key, label, date, rule, citation, ...extra }
}

/** Milestones in date order; ties keep the order they were given. */
export function inDateOrder(milestones: Milestone[]): Milestone[] {
  return milestones
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.date < b.item.date ? -1 : a.item.date > b.item.date ? 1 : a.index - b.index))
    .map(({ item }) => item)
}
