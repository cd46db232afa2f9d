/**
 * Working days between two day numbers in O(1), for the 45- and 15-working-day measures over
 * tens of thousands of rows. The days come from the rules core (`isWorkingDay`, RULES.md C1,
 * England-and-Wales bank holidays from a maintained source): this only counts them once into a
 * running total over the years a return can span, instead of stepping day by day per row.
 */
import type { IsoDate } from '../rules/calendar/dates.js'
import { isoDate } from './day-numbers.js'

/** Working days after `from` up to and including `to` (day numbers; `to` ≥ `from`). */
export type WorkingDayCount = (from: number, to: number) => number

/**
 * A counter for days in [firstDay, lastDay]; outside that range it asks `between` directly.
 * `isWorkingDay` and `between` are the rules core's functions.
 */
export function workingDayCounter(
  isWorkingDay: (date: IsoDate) => boolean,
  between: (from: IsoDate, to: IsoDate) => number,
  firstDay: number,
  lastDay: number,
): WorkingDayCount {
  let running: Int32Array | undefined
  const build = (): Int32Array => {
    // running[k] = working days among firstDay … firstDay + k - 1.
    const totals = new Int32Array(lastDay - firstDay + 2)
    for (let day = firstDay, k = 1; day <= lastDay; day++, k++)
      totals[k] = totals[k - 1]! + (isWorkingDay(isoDate(day)) ? 1 : 0)
    return totals
  }
  return (from, to) => {
    if (from < firstDay || to > lastDay || to < from) return between(isoDate(from), isoDate(to))
    running ??= build()
    return running[to - firstDay + 1]! - running[from - firstDay + 1]!
  }
}
