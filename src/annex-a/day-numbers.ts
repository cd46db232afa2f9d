/**
 * Dates inside the validator are whole day numbers (days since 1970-01-01), so comparing and
 * windowing a million cells costs integer compares, not string or Date work. They become
 * `IsoDate` strings (src/rules/calendar/dates.ts) only at the edges: messages, the profile
 * and calls into the calendar rules.
 */
import { isIsoDate, type IsoDate } from '../rules/calendar/dates.js'

/** The day number of an ISO date. */
export function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  return daysFromCivil(y, m, d)
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Year, month and day of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [month <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, month, day]
}

/** The ISO date of a day number. */
export function isoDate(days: number): IsoDate {
  const [y, m, d] = civilFromDays(days)
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

/** The date as the analyst types it in Excel: dd/mm/yyyy. */
export function ukDate(days: number): string {
  const [y, m, d] = civilFromDays(days)
  return `${d < 10 ? '0' : ''}${d}/${m < 10 ? '0' : ''}${m}/${y}`
}

/** Age at last birthday on `on` of someone born on `birth` (both day numbers). */
export function wholeYears(birth: number, on: number): number {
  const [by, bm, bd] = civilFromDays(birth)
  const [oy, om, od] = civilFromDays(on)
  let years = oy - by
  if (om < bm || (om === bm && od < bd)) years -= 1
  return years
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the non-existent
// 1900-02-29 (Lotus 1-2-3's leap-year bug, kept by Excel), so from serial 61 on the
// serial is one more than the true day count. Day 0 of 1970 is serial 25569.
const SERIAL_1970 = 25569
// In the 1904 system (old Mac Excel; workbook.xml date1904) serial 0 is 1904-01-01.
const SERIAL_1970_1904 = 24107
export const BUG_SERIAL = 60

/** The day number of an Excel serial (time of day dropped), or NaN for 1900-02-29 and impossible serials. */
export function dayFromSerial(serial: number, date1904: boolean): number {
  const whole = Math.floor(serial)
  if (!Number.isFinite(whole) || whole < 0 || whole > 2_958_465) return NaN
  if (date1904) return whole - SERIAL_1970_1904
  if (whole === BUG_SERIAL || whole === 0) return NaN
  return whole < BUG_SERIAL ? whole - SERIAL_1970 + 1 : whole - SERIAL_1970
}

/** The Excel serial (1900 system) of a day number, as a generator writes it. */
export function serialFromDay(days: number): number {
  const serial = days + SERIAL_1970
  return serial <= BUG_SERIAL ? serial - 1 : serial
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/
const NAMED = /^(\d{1,2})[ -]([a-z]{3,9})[ -](\d{4})$/i

/** Why a date text could not be read, in words for the analyst; or the day number. */
export type DateText =
  { ok: true; day: number } | { ok: false; why: 'two-digit-year' | 'month-first' | 'not-a-date' | 'no-such-day' }

function checked(y: number, m: number, d: number): DateText {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(iso) ? { ok: true, day: daysFromCivil(y, m, d) } : { ok: false, why: 'no-such-day' }
}

/**
 * Read a date typed as text: ISO `yyyy-mm-dd` (with or without a time), `dd/mm/yyyy` (also
 * with `-` or `.`), or `14 Mar 2026`. Two-digit years are refused (is 25 1925 or 2025?),
 * and `03/14/2026` is refused as month-first rather than guessed.
 */
export function parseDateText(text: string): DateText {
  const value = text.trim()
  let match = ISO.exec(value)
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]))
  match = UK.exec(value)
  if (match) {
    if (match[3]!.length === 2) return { ok: false, why: 'two-digit-year' }
    const d = Number(match[1])
    const m = Number(match[2])
    if (m > 12 && d <= 12) return { ok: false, why: 'month-first' }
    return checked(Number(match[3]), m, d)
  }
  match = NAMED.exec(value)
  if (match) {
    const m = MONTH_NAMES.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1
    if (m > 0) return checked(Number(match[3]), m, Number(match[1]))
  }
  return { ok: false, why: 'not-a-date' }
}

/**
 * Ages on one fixed day, looked up by days since birth: an age changes only on a birthday, so
 * the table is exact, and a million rows cost a million array reads rather than date maths.
 */
export class AgeTable {
  private readonly byDays = new Int16Array(40_000).fill(-999)

  constructor(readonly onDay: number) {}

  /** Age at last birthday on `onDay` of someone born on day `birth`; -1 when not yet born. */
  age(birth: number): number {
    const days = this.onDay - birth
    if (days < 0) return -1
    if (days >= this.byDays.length) return wholeYears(birth, this.onDay)
    let age = this.byDays[days]!
    if (age === -999) this.byDays[days] = age = wholeYears(birth, this.onDay)
    return age
  }
}
