/**
 * The notice day of an inspection (RULES.md C2, S1): the DCS is telephoned "by 9.30am five
 * working days before the fieldwork starts" (002#73). Footnote 18 moves a notification due
 * on a Monday bank holiday to the Friday before, and at Easter to the Thursday: exactly what
 * counting five working days back gives, so the footnote is not a special case here. The same
 * arithmetic covers what the footnote does not say, e.g. Thursday–Friday holidays in the
 * notice week (2–3 June 2022: notice Thursday 26 May for fieldwork Monday 6 June).
 */
import { addDays, formatLongDate, type IsoDate } from './dates.js'
import { addWorkingDays, workingDayStatus } from './working-days.js'

/** The notice day and why it is not the usual weekday, when it is not. */
export interface Notification {
  date: IsoDate
  /** The same weekday one calendar week before fieldwork: where notice usually falls. */
  usualDay: IsoDate
  moved: boolean
  explanation: string
  rule: 'C2'
  citation: string
}

/**
 * The day notice is given for fieldwork starting on `fieldworkStart`: `workingDaysBefore`
 * working days earlier (five for standard and short inspections and focused visits, 002#52,
 * #54, #73, #103). A usual day that is not a working day moves back to the previous working day
 * (002#73 fn18).
 */
export function notificationFor(fieldworkStart: IsoDate, workingDaysBefore = 5): Notification {
  const date = addWorkingDays(fieldworkStart, -workingDaysBefore)
  const usualDay = addDays(fieldworkStart, -7 * Math.ceil(workingDaysBefore / 5))
  const citation = '002#73 fn18'
  if (date === usualDay) {
    return {
      date,
      usualDay,
      moved: false,
      explanation: `${workingDaysBefore} working days before ${formatLongDate(fieldworkStart)}`,
      rule: 'C2',
      citation,
    }
  }
  const usual = workingDayStatus(usualDay)
  const why = usual.workingDay
    ? `bank holidays between ${formatLongDate(usualDay)} and ${formatLongDate(fieldworkStart)} push it earlier`
    : `${formatLongDate(usualDay)} is ${usual.reason}`
  return {
    date,
    usualDay,
    moved: true,
    explanation: `Notice moves to ${formatLongDate(date)}: ${why}; it is still ${workingDaysBefore} working days before fieldwork`,
    rule: 'C2',
    citation,
  }
}
