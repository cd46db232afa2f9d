/**
 * When an activity occupies the LA and its inspectors (pure): from the notice day to the last
 * day of fieldwork, and the working days on site. The planner's checks and the capacity view
 * both read these spans, for proposals (from the rules core's timeline) and for planned
 * activities (from their stored milestones).
 */
import { addDays, dayOfWeek, type IsoDate } from '../../rules/calendar/dates.js'
import { isWorkingDay } from '../../rules/calendar/working-days.js'
import { timelineFor } from '../../rules/timelines/index.js'
import type { ActivityType, Flag, Refusal } from '../../rules/types.js'
import type { Fieldwork } from './types.js'

/** The working days from `from` to `to`, both included. */
export function workingDaysFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day)
  return days
}

// weekOf runs for every on-site day of every activity in the capacity checks: remember answers.
const mondays = new Map<IsoDate, IsoDate>()

/** The Monday of the week `date` falls in (weeks run Monday to Sunday, ISO 8601). */
export function weekOf(date: IsoDate): IsoDate {
  let monday = mondays.get(date)
  if (monday === undefined) {
    monday = addDays(date, 1 - dayOfWeek(date))
    if (mondays.size >= 20_000) mondays.clear()
    mondays.set(date, monday)
  }
  return monday
}

/** Do the ranges [aFrom, aTo] and [bFrom, bTo] share a day? */
export function rangesOverlap(aFrom: IsoDate, aTo: IsoDate, bFrom: IsoDate, bTo: IsoDate): boolean {
  return aFrom <= bTo && bFrom <= aTo
}

/** The fieldwork of a stored activity, from its first on-site day and its milestones. */
export function fieldworkFromMilestones(
  onsiteStart: IsoDate,
  milestones: ReadonlyArray<{ key: string; date: IsoDate }>,
): Fieldwork {
  const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date ?? onsiteStart
  const notice = milestones.find((m) => m.key === 'notice')?.date ?? onsiteStart
  return { notice, onsiteStart, onsiteEnd, onsiteDays: workingDaysFrom(onsiteStart, onsiteEnd) }
}

/**
 * The fieldwork of a proposed activity from the rules core's timeline (S1, S2), with the
 * timeline's flags (C3 and broken schedule columns), or the rules core's refusal (C5).
 */
export function proposedFieldwork(
  type: ActivityType,
  onsiteStart: IsoDate,
  variant: 'wed-thu' | null,
  handbook?: 'ilacs' | '2017',
): { ok: true; fieldwork: Fieldwork; flags: readonly Flag[] } | Refusal {
  const outcome = timelineFor(type, onsiteStart, { ...(variant ? { variant } : {}), ...(handbook ? { handbook } : {}) })
  if (!outcome.ok) return outcome
  return {
    ok: true,
    fieldwork: fieldworkFromMilestones(onsiteStart, outcome.timeline.milestones),
    flags: outcome.timeline.flags,
  }
}
