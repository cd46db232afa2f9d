/**
 * The month-by-month plan (pure): each month's planned activities, the LAs whose due window
 * opens or closes in it with no judgement inspection planned, the overdue LAs, and the figures
 * behind the charts (inspector-weeks needed against available, windows opening against
 * judgement inspections planned).
 */
import { addDays, addMonths, type IsoDate } from '../../rules/calendar/dates.js'
import type { ActivityType } from '../../rules/types.js'
import { isActive, JUDGEMENT_TYPES } from '../../rules/planning-checks.js'
import { weekOf, workingDaysFrom } from './fieldwork.js'
import type { BookedActivity, Leave, PlanActivity, PlanLa } from './types.js'

export interface PlanMonth {
  readonly month: string
  readonly label: string
  readonly activities: readonly PlanActivity[]
  /** LAs whose due window opens this month with no judgement inspection planned. */
  readonly opening: readonly PlanLa[]
  /** LAs whose due window closes this month with no judgement inspection planned. */
  readonly closing: readonly PlanLa[]
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** "March 2027" for "2027-03". */
export function monthLabel(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
}

/** `count` months from `from` ("YYYY-MM"), in order. */
export function monthsFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addMonths(`${from}-01`, index).slice(0, 7))
}

/**
 * The judgement inspection planned for the LA's next due window, if any: an activity that is
 * not cancelled or deferred, of a judgement type, on site after the latest judgement.
 */
export function plannedJudgementInspection<A extends BookedActivity>(
  la: PlanLa,
  activities: readonly A[],
): A | undefined {
  const since = la.pathway?.latest.published ?? ''
  return activities.find(
    (activity) =>
      activity.laCode === la.laCode &&
      isActive(activity) &&
      JUDGEMENT_TYPES.includes(activity.type) &&
      activity.fieldwork.onsiteStart > since,
  )
}

/** The plan for `months` (each "YYYY-MM") of the LAs given and every activity of theirs. */
export function buildMonths(
  las: readonly PlanLa[],
  activities: readonly PlanActivity[],
  months: readonly string[],
): PlanMonth[] {
  const inScope = new Set(las.map((la) => la.laCode))
  const unplanned = las.filter((la) => la.pathway && !plannedJudgementInspection(la, activities))
  return months.map((month) => ({
    month,
    label: monthLabel(month),
    activities: activities.filter(
      (activity) => inScope.has(activity.laCode) && activity.fieldwork.onsiteStart.slice(0, 7) === month,
    ),
    opening: unplanned.filter((la) => la.pathway!.next.from.slice(0, 7) === month),
    closing: unplanned.filter((la) => la.pathway!.next.to.slice(0, 7) === month),
  }))
}

/** LAs overdue today (P3, P4), each with the judgement inspection planned for it, if any. */
export function overdueLas<A extends BookedActivity>(
  las: readonly PlanLa[],
  activities: readonly A[],
): Array<{ la: PlanLa; planned: A | undefined }> {
  return las
    .filter((la) => (la.pathway?.overdue.length ?? 0) > 0)
    .map((la) => ({ la, planned: plannedJudgementInspection(la, activities) }))
}

/**
 * Inspectors a type of activity usually needs on site (S3): four social care inspectors for a
 * standard or short inspection (002#52, #54), two for a focused visit (002#103).
 */
export const USUAL_TEAM: Readonly<Record<ActivityType, number>> = {
  'standard-inspection': 4,
  'short-inspection': 4,
  'focused-visit': 2,
  'monitoring-visit': 2,
  'post-monitoring-inspection': 4,
  'progress-inspection-2015': 2,
}

export interface CapacityMonth {
  readonly month: string
  readonly label: string
  /** Activities with a first on-site day in the month. */
  readonly activities: number
  /** Inspector-weeks the month's fieldwork needs: for each week on site, the team or the usual team, whichever is larger. */
  readonly needed: number
  /** Inspector-weeks available: each inspector not on leave all week, times the weekly limit. */
  readonly available: number
}

/** The Mondays of the weeks that begin in `month`. */
export function mondaysOf(month: string): IsoDate[] {
  const first = `${month}-01`
  let monday = weekOf(first)
  if (monday < first) monday = addDays(monday, 7)
  const mondays: IsoDate[] = []
  for (; monday.slice(0, 7) === month; monday = addDays(monday, 7)) mondays.push(monday)
  return mondays
}

/** Is the inspector on leave on every working day of the week beginning `monday`? */
export function onLeaveAllWeek(userId: string, monday: IsoDate, leave: readonly Leave[]): boolean {
  const days = workingDaysFrom(monday, addDays(monday, 4))
  return (
    days.length > 0 &&
    days.every((day) => leave.some((item) => item.userId === userId && item.startsOn <= day && day <= item.endsOn))
  )
}

/**
 * Inspector-weeks needed against available, month by month (weeks belong to the month of their
 * Monday). Decision: capacity is measured nationally, because inspectors work across regions.
 */
export function capacityByMonth(
  months: readonly string[],
  activities: readonly BookedActivity[],
  inspectorIds: readonly string[],
  leave: readonly Leave[],
  weeklyLimit: number,
): CapacityMonth[] {
  return months.map((month) => {
    const mondays = mondaysOf(month)
    let needed = 0
    for (const activity of activities.filter(isActive)) {
      const weeks = new Set(activity.fieldwork.onsiteDays.map(weekOf).filter((monday) => monday.slice(0, 7) === month))
      needed += weeks.size * Math.max(activity.onsite.length, USUAL_TEAM[activity.type])
    }
    let available = 0
    for (const userId of inspectorIds)
      for (const monday of mondays) if (!onLeaveAllWeek(userId, monday, leave)) available += weeklyLimit
    return {
      month,
      label: monthLabel(month),
      activities: activities.filter(
        (activity) => isActive(activity) && activity.fieldwork.onsiteStart.slice(0, 7) === month,
      ).length,
      needed,
      available,
    }
  })
}

export interface WindowsMonth {
  readonly month: string
  readonly label: string
  /** LAs whose next judgement inspection's window opens this month. */
  readonly opening: number
  /** Judgement inspections (standard, short) with a first on-site day this month. */
  readonly planned: number
}

/** Due windows opening against judgement inspections planned, month by month, for the LAs in scope. */
export function windowsByMonth(
  months: readonly string[],
  las: readonly PlanLa[],
  activities: readonly BookedActivity[],
): WindowsMonth[] {
  const inScope = new Set(las.map((la) => la.laCode))
  return months.map((month) => ({
    month,
    label: monthLabel(month),
    opening: las.filter((la) => la.pathway?.next.from.slice(0, 7) === month).length,
    planned: activities.filter(
      (activity) =>
        inScope.has(activity.laCode) &&
        isActive(activity) &&
        JUDGEMENT_TYPES.includes(activity.type) &&
        activity.fieldwork.onsiteStart.slice(0, 7) === month,
    ).length,
  }))
}

/** One inspector's week: the activities they are on site at, their days of leave, and whether it is over the limit. */
export interface LoadCell {
  readonly week: IsoDate
  readonly activities: ReadonlyArray<{ readonly id: string; readonly reference: string; readonly days: number }>
  readonly leaveDays: number
  readonly over: boolean
}

/** Each inspector's load by week (PC2), with their leave (PC3). */
export function loadByWeek(
  inspectorIds: readonly string[],
  weeks: readonly IsoDate[],
  activities: readonly BookedActivity[],
  leave: readonly Leave[],
  weeklyLimit: number,
): Map<string, LoadCell[]> {
  // Index once: inspector and week → the activities they are on site at, with their days there.
  const shown = new Set(weeks)
  const index = new Map<string, Map<string, { id: string; reference: string; days: number }>>()
  for (const activity of activities.filter(isActive)) {
    for (const member of activity.onsite) {
      for (const day of member.days) {
        const week = weekOf(day)
        if (!shown.has(week)) continue
        const key = `${member.userId}|${week}`
        const cell = index.get(key) ?? new Map<string, { id: string; reference: string; days: number }>()
        const item = cell.get(activity.id) ?? { id: activity.id, reference: activity.reference, days: 0 }
        item.days += 1
        cell.set(activity.id, item)
        index.set(key, cell)
      }
    }
  }
  const workingDays = new Map(weeks.map((week) => [week, workingDaysFrom(week, addDays(week, 4))]))
  const rows = new Map<string, LoadCell[]>()
  for (const userId of inspectorIds) {
    const theirLeave = leave.filter((item) => item.userId === userId)
    rows.set(
      userId,
      weeks.map((week) => {
        const at = [...(index.get(`${userId}|${week}`)?.values() ?? [])]
        const leaveDays = (workingDays.get(week) ?? []).filter((day) =>
          theirLeave.some((item) => item.startsOn <= day && day <= item.endsOn),
        ).length
        return { week, activities: at, leaveDays, over: at.length > weeklyLimit }
      }),
    )
  }
  return rows
}
