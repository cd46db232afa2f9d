/**
 * Calendar dates as plain `YYYY-MM-DD` strings (no time, no zone): the form the seeds, the
 * database `date` type and the CLI all use. Arithmetic goes through UTC so a clock change
 * never moves a date.
 *
 * Month arithmetic clamps to the end of the month (31 Aug + 6 months = 28/29 Feb), the
 * decision recorded for the due window of 002#13 (RULES.md P8).
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so 2023-02-29 is false). */
export function isIsoDate(value: string): value is IsoDate {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  if (m < 1 || m > 12 || d < 1) return false
  return d <= daysInMonth(y, m)
}

/** The number of days in month `month` (1–12) of `year`. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function toUtc(date: IsoDate): Date {
  const match = ISO_DATE.exec(date)
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

function fromUtc(value: Date): IsoDate {
  return value.toISOString().slice(0, 10)
}

/**
 * Days since 1970-01-01 (day 0, a Thursday). Working-day arithmetic steps over these integers
 * so a long timeline costs integer additions rather than string parsing at every step.
 */
export function toDayNumber(date: IsoDate): number {
  return toUtc(date).getTime() / 86_400_000
}

/** The calendar date of day number `day` (see `toDayNumber`). */
export function fromDayNumber(day: number): IsoDate {
  return fromUtc(new Date(day * 86_400_000))
}

/** Day of the week of a day number: 1 = Monday … 7 = Sunday (day 0 was a Thursday). */
export function dayNumberWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const value = toUtc(date)
  value.setUTCDate(value.getUTCDate() + days)
  return fromUtc(value)
}

/** `date` plus `months` calendar months, clamped to the last day of the target month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `date` plus `years` calendar years, clamped (29 Feb + 1 year = 28 Feb). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/** Day of the week: 1 = Monday … 7 = Sunday (ISO 8601). */
export function dayOfWeek(date: IsoDate): number {
  const day = toUtc(date).getUTCDay()
  return day === 0 ? 7 : day
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000)
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const
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

/** The weekday's English name. */
export function weekdayName(date: IsoDate): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[dayOfWeek(date) - 1]!
}

/** GOV.UK style long date: "Monday 6 June 2022". */
export function formatLongDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${weekdayName(date)} ${d} ${MONTHS[m - 1]} ${y}`
}

/** GOV.UK style date without weekday: "6 June 2022". */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${d} ${MONTHS[m - 1]} ${y}`
}
