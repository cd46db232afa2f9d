/**
 * England-and-Wales bank holidays (RULES.md C1), the days that make a "working day" in every
 * deadline of the seeds (e.g. "five working days before the fieldwork starts", 002#73).
 *
 * The source is the maintained `date-holidays` library (country GB, region ENG), which knows
 * the substitute days and the one-off holidays (VE day 2020, the Platinum Jubilee and the
 * Queen's funeral in 2022, the coronation in 2023). Loading it costs about 150 ms, too much for
 * a CLI call that must answer in under 300 ms, so the years 2012–2060 come from a snapshot the
 * library generated (`bank-holidays-data.ts`, rebuilt by `scripts/bank-holidays-snapshot.ts`).
 * A test checks the snapshot against the library year by year, and another pins 2012–2027
 * against the published GOV.UK list, so neither a stale snapshot nor a wrong library passes.
 * Where the published list and the library disagree, a correction with its source is applied
 * (`GOV_UK_CORRECTIONS`). Years outside the snapshot are asked of the library itself, loaded on
 * first use; before 2012 (earlier than GOV.UK's published list and than every seed) they are
 * not verified.
 */
import { createRequire } from 'node:module'
import type HolidaysLibrary from 'date-holidays'
import { BANK_HOLIDAY_SNAPSHOT } from './bank-holidays-data.js'
import { dayOfWeek, type IsoDate } from './dates.js'

/** A bank holiday on a weekday (a weekend date is not a working day anyway). */
export interface BankHoliday {
  date: IsoDate
  name: string
}

let library: HolidaysLibrary | undefined

function loadLibrary(): HolidaysLibrary {
  if (!library) {
    // Loaded synchronously and only when needed: most calls never leave the snapshot.
    const require = createRequire(import.meta.url)
    const Holidays = require('date-holidays') as typeof HolidaysLibrary
    library = new Holidays('GB', 'ENG', { types: ['public', 'bank'] })
  }
  return library
}

/**
 * The weekday bank holidays of `year` straight from `date-holidays` (GB, ENG): the source the
 * snapshot is built from and checked against. Exported for the snapshot script and its test.
 */
export function libraryBankHolidays(year: number): BankHoliday[] {
  return loadLibrary()
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
    .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
    .filter((holiday) => dayOfWeek(holiday.date) <= 5)
}

/** A year where the published GOV.UK list differs from date-holidays, and the source of the fix. */
export interface BankHolidayCorrection {
  year: number
  remove: string[]
  add: BankHoliday[]
  source: string
}

/** Corrections to the library from the published list (C1); exported for the test that checks each is still needed. */
export const GOV_UK_CORRECTIONS: readonly BankHolidayCorrection[] = [
  {
    year: 2012,
    remove: ['2012-05-28'],
    add: [{ date: '2012-06-04', name: 'Spring bank holiday (substitute day)' }],
    source:
      'GOV.UK bank-holidays.json, england-and-wales 2012 (as archived in ministryofjustice/govuk-bank-holidays): the spring bank holiday moved to Monday 4 June for the Diamond Jubilee (5 June); 28 May 2012 is not listed',
  },
]

/** The library's bank holidays of `year` with the published list's corrections applied (C1); exported for the snapshot script and its test. */
export function correctedLibraryBankHolidays(year: number): BankHoliday[] {
  const holidays = libraryBankHolidays(year)
  const correction = GOV_UK_CORRECTIONS.find((item) => item.year === year)
  if (!correction) return holidays
  return [...holidays.filter((holiday) => !correction.remove.includes(holiday.date)), ...correction.add].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  )
}

const snapshotByYear = new Map<number, BankHoliday[]>()
for (const [date, name] of BANK_HOLIDAY_SNAPSHOT.holidays) {
  const year = Number(date.slice(0, 4))
  const list = snapshotByYear.get(year) ?? []
  list.push({ date, name })
  snapshotByYear.set(year, list)
}

const libraryByYear = new Map<number, BankHoliday[]>()

/** True when `year` is served from the generated snapshot rather than the library. */
function isSnapshotYear(year: number): boolean {
  return year >= BANK_HOLIDAY_SNAPSHOT.firstYear && year <= BANK_HOLIDAY_SNAPSHOT.lastYear
}

/** The England-and-Wales bank holidays of `year` that fall on a weekday, in date order (C1). */
export function bankHolidays(year: number): readonly BankHoliday[] {
  if (isSnapshotYear(year)) return snapshotByYear.get(year) ?? []
  let list = libraryByYear.get(year)
  if (!list) {
    list = correctedLibraryBankHolidays(year)
    libraryByYear.set(year, list)
  }
  return list
}

/** The bank holiday on `date`, if there is one (C1). */
export function bankHolidayOn(date: IsoDate): BankHoliday | undefined {
  return bankHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date)
}

/** Where the bank holidays come from, for the activity timeline page and the CLI. */
export const BANK_HOLIDAY_SOURCE = BANK_HOLIDAY_SNAPSHOT.source

/** The first and last years the snapshot covers. */
export const SNAPSHOT_YEARS = { first: BANK_HOLIDAY_SNAPSHOT.firstYear, last: BANK_HOLIDAY_SNAPSHOT.lastYear } as const
