import type { IsoDate } from './rules/calendar/dates.js'

/** Time as an input (STYLE.md §4): services take a clock; tests fix it. */
export interface Clock {
  now(): Date
  /** Today's date in England (Europe/London), as `YYYY-MM-DD`. */
  today(): IsoDate
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in England at `instant`. */
export function londonIsoDate(instant: Date): IsoDate {
  return londonDate.format(instant)
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => londonIsoDate(new Date()),
}

/** A clock stopped at `instant` (tests and demos). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant)
  return { now: () => new Date(at), today: () => londonIsoDate(at) }
}
