/**
 * Working-day arithmetic (RULES.md C1): a working day is Monday to Friday and not an
 * England-and-Wales bank holiday. Every "N working days" of the seeds goes through here, e.g.
 * notice "five working days before the fieldwork starts" (002#73) or the action plan "within 70
 * working days" (001#19).
 *
 * Conventions (RULES.md): "N WD after D" is D plus N working days with D itself not counted;
 * "day N" of a timeline is day 1 plus (N − 1) working days. The arithmetic steps one working
 * day at a time over the sourced holiday list, so it never lands on a weekend or a holiday
 * (STYLE.md §5).
 */
import { SNAPSHOT_YEARS, bankHolidayOn, bankHolidays } from './bank-holidays.js'
import { dayNumberWeekday, fromDayNumber, toDayNumber, weekdayName, type IsoDate } from './dates.js'

const holidayDays = new Set<number>()
const loadedYears = new Set<number>()

function yearOfDayNumber(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear()
}

function loadYear(year: number): void {
  for (const holiday of bankHolidays(year)) holidayDays.add(toDayNumber(holiday.date))
  loadedYears.add(year)
}

// The snapshot years are loaded at once (about 250 dates); others when first asked about.
for (let year = SNAPSHOT_YEARS.first; year <= SNAPSHOT_YEARS.last; year += 1) loadYear(year)
const firstLoaded = toDayNumber(`${SNAPSHOT_YEARS.first}-01-01`)
const lastLoaded = toDayNumber(`${SNAPSHOT_YEARS.last}-12-31`)

function isWorkingDayNumber(day: number): boolean {
  if (dayNumberWeekday(day) > 5) return false
  if (day < firstLoaded || day > lastLoaded) {
    const year = yearOfDayNumber(day)
    if (!loadedYears.has(year)) loadYear(year)
  }
  return !holidayDays.has(day)
}

/** True when `date` is a working day: Monday–Friday and not an England-and-Wales bank holiday (C1). */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(toDayNumber(date))
}

/** Whether a date is a working day, and why not when it is not (C1). */
export interface WorkingDayStatus {
  date: IsoDate
  workingDay: boolean
  reason: string
  weekday: string
  bankHoliday: string | null
}

/** Whether `date` is a working day, with the reason in words (C1, e.g. "a bank holiday: Easter Monday"). */
export function workingDayStatus(date: IsoDate): WorkingDayStatus {
  const weekday = weekdayName(date)
  if (weekday === 'Saturday' || weekday === 'Sunday') {
    return { date, workingDay: false, reason: `a ${weekday}`, weekday, bankHoliday: null }
  }
  const holiday = bankHolidayOn(date)
  if (holiday) {
    return {
      date,
      workingDay: false,
      reason: `a bank holiday in England and Wales: ${holiday.name}`,
      weekday,
      bankHoliday: holiday.name,
    }
  }
  return {
    date,
    workingDay: true,
    reason: `a working day (${weekday}, not a bank holiday in England and Wales)`,
    weekday,
    bankHoliday: null,
  }
}

/**
 * The date `n` working days after `date` (n < 0: before), `date` itself not counted (C1).
 * `n = 0` returns `date` unchanged, working day or not. From a working day, adding n and then
 * subtracting n returns the start.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`)
  let day = toDayNumber(date)
  const step = n < 0 ? -1 : 1
  for (let left = Math.abs(n); left > 0;) {
    day += step
    if (isWorkingDayNumber(day)) left -= 1
  }
  return fromDayNumber(day)
}

/**
 * The signed number of working days stepped from `from` to reach `to` (C1).
 * Forward (to > from): the working days after `from` up to and including `to`.
 * Backward (to < from): minus the working days from `to` up to but not including `from`.
 * Zero when they are the same day.
 *
 * Decision: the backward count is chosen so that `workingDaysBetween(d, addWorkingDays(d, n))`
 * is `n` for every date and every n, the inverse of `addWorkingDays` (the CLI's
 * `calendar between` and `calendar add` agree). When both ends are working days it equals
 * minus the forward count from `to` to `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  let count = 0
  if (end > start) {
    for (let day = start + 1; day <= end; day += 1) if (isWorkingDayNumber(day)) count += 1
    return count
  }
  for (let day = end; day < start; day += 1) if (isWorkingDayNumber(day)) count -= 1
  return count
}

/** `date` if it is a working day, otherwise the last working day before it (C1). */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : addWorkingDays(date, -1)
}

/**
 * Day `n` of a timeline whose day 1 is `day1` (RULES.md: "day N" = day 1 plus (N − 1) working
 * days), e.g. the 2015 progress inspection's day 1–35 (000#42) or the monitoring report's day
 * 1–23 (001#42).
 *
 * Decision: a timeline has no day 0, so day −k is k working days before day 1; this reads the
 * post-monitoring inspection's "day −2, Thursday" before a Monday day 1 as two days' notice
 * (001#60, "the Thursday before fieldwork").
 */
export function timelineDay(day1: IsoDate, n: number): IsoDate {
  if (n === 0) throw new RangeError('A timeline has no day 0')
  return addWorkingDays(day1, n > 0 ? n - 1 : n)
}
