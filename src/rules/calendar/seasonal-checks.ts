/**
 * When inspections do not usually happen (RULES.md C3, 002#14): "Inspections will not usually
 * begin over the Christmas and New Year period. And also, the only activities that might take
 * place in August would be planned monitoring visits and focused visits by agreement or if
 * concerns arise." "Usually" makes these checks with reasons (flags), not refusals.
 */
import type { ActivityType, Flag } from '../types.js'
import { ACTIVITY_NAMES } from '../types.js'
import { addDays, formatLongDate, type IsoDate } from './dates.js'
import { bankHolidays } from './bank-holidays.js'

const CITATION = '002#14'

/**
 * The Christmas and New Year period around the new year that `date` is nearest to.
 *
 * Decision: 002#14 does not define the period. We take 24 December to 1 January, extended to
 * the New Year's Day substitute bank holiday when 1 January falls at a weekend (e.g. to
 * Monday 3 January 2022).
 */
function christmasPeriod(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const newYear = month >= 7 ? year + 1 : year
  const substitute = bankHolidays(newYear).find(
    (holiday) => holiday.date.slice(5, 7) === '01' && holiday.date <= `${newYear}-01-04`,
  )
  const to = substitute && substitute.date > `${newYear}-01-01` ? substitute.date : `${newYear}-01-01`
  return { from: `${newYear - 1}-12-24`, to }
}

/** True when `date` falls in the Christmas and New Year period (C3; see `christmasPeriod`). */
export function isInChristmasPeriod(date: IsoDate): boolean {
  const { from, to } = christmasPeriod(date)
  return date >= from && date <= to
}

/**
 * The C3 checks for an activity: its notice day or first on-site day over Christmas and New
 * Year, and any on-site day in August for an activity other than a monitoring visit (focused
 * visits only by agreement or if concerns arise).
 *
 * Decision: "begin" is read as either the notice day or the first on-site day, since an
 * inspection starts for the authority when notice is given (002#73); both are checked.
 */
export function seasonalChecks(
  type: ActivityType,
  firstOnsiteDay: IsoDate,
  lastOnsiteDay: IsoDate,
  noticeDay?: IsoDate,
): Flag[] {
  const flags: Flag[] = []
  const name = ACTIVITY_NAMES[type]
  if (isInChristmasPeriod(firstOnsiteDay)) {
    flags.push({
      rule: 'C3',
      citation: CITATION,
      message: `The ${name} would begin over Christmas and New Year (${formatLongDate(firstOnsiteDay)}); inspections do not usually begin then`,
    })
  } else if (noticeDay && isInChristmasPeriod(noticeDay)) {
    flags.push({
      rule: 'C3',
      citation: CITATION,
      message: `Notice of the ${name} would be given over Christmas and New Year (${formatLongDate(noticeDay)}); inspections do not usually begin then`,
    })
  }
  let augustDay: IsoDate | undefined
  for (let day = firstOnsiteDay; day <= lastOnsiteDay; day = addDays(day, 1)) {
    if (day.slice(5, 7) === '08') {
      augustDay = day
      break
    }
  }
  if (augustDay && type !== 'monitoring-visit') {
    const message =
      type === 'focused-visit'
        ? `A focused visit on site in August (${formatLongDate(augustDay)}) takes place only by agreement or if concerns arise`
        : `Only planned monitoring visits and focused visits take place in August; this ${name} would be on site on ${formatLongDate(augustDay)}`
    flags.push({ rule: 'C3', citation: CITATION, message })
  }
  return flags
}
