/**
 * `ilacs calendar …`: England-and-Wales working days (RULES.md C1, e.g. the five working days of
 * 002#73).
 *   calendar working-day DATE  → {date, workingDay, reason}
 *   calendar add DATE N        → {date}: N working days after DATE (N < 0: before), DATE not counted
 *   calendar between FROM TO   → {workingDays}: working days after FROM up to and including TO
 *                                (backwards: minus those from TO up to but not including FROM)
 */
import type { Command } from 'commander'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { BANK_HOLIDAY_SOURCE } from '../../rules/calendar/bank-holidays.js'
import { addWorkingDays, workingDayStatus, workingDaysBetween } from '../../rules/calendar/working-days.js'
import { UsageError, action } from '../io.js'
import { output, parseDate, parseWholeNumber, withRuleErrors } from './shared.js'

const CITATION = '002#73'
// A guard against runaway loops, not a rule: 10,000 working days is about 40 years.
const MAX_WORKING_DAYS = 10_000
const MAX_SPAN_DAYS = 366 * 100

/** Register `ilacs calendar`. */
export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('England-and-Wales working days (C1)')

  withRuleErrors(calendar.command('working-day'), 'C1')
    .description('whether DATE is a working day, and why not')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--json', 'print one JSON value')
    .action(
      action((date: string, options: { json?: boolean }) => {
        const status = workingDayStatus(parseDate('DATE', date))
        const value = { ...status, rule: 'C1', citation: CITATION, source: BANK_HOLIDAY_SOURCE }
        output(
          options.json,
          value,
          () =>
            `${formatLongDate(status.date)} is ${status.workingDay ? 'a working day' : `not a working day: ${status.reason}`} (C1)`,
        )
      }),
    )

  withRuleErrors(calendar.command('add'), 'C1')
    .description('the date N working days after DATE (N < 0: before); DATE itself is not counted')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', 'whole number of working days, negative to go back')
    .option('--json', 'print one JSON value')
    .action(
      action((date: string, n: string, options: { json?: boolean }) => {
        const from = parseDate('DATE', date)
        const count = parseWholeNumber('N', n, MAX_WORKING_DAYS, 'C1')
        const result = addWorkingDays(from, count)
        output(
          options.json,
          { date: result, from, workingDays: count, rule: 'C1', citation: CITATION },
          () =>
            `${formatLongDate(result)} (${Math.abs(count)} working day${Math.abs(count) === 1 ? '' : 's'} ${count < 0 ? 'before' : 'after'} ${formatLongDate(from)}; C1)`,
        )
      }),
    )

  withRuleErrors(calendar.command('between'), 'C1')
    .description('working days after FROM up to and including TO (negative when TO is before FROM)')
    .argument('<from>', 'YYYY-MM-DD')
    .argument('<to>', 'YYYY-MM-DD')
    .option('--json', 'print one JSON value')
    .action(
      action((fromText: string, toText: string, options: { json?: boolean }) => {
        const from = parseDate('FROM', fromText)
        const to = parseDate('TO', toText)
        if (Math.abs(Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_SPAN_DAYS) {
          throw new UsageError(`FROM ${from} and TO ${to} are more than 100 years apart (C1)`)
        }
        const workingDays = workingDaysBetween(from, to)
        output(
          options.json,
          { workingDays, from, to, rule: 'C1', citation: CITATION },
          () =>
            `${workingDays} working day${Math.abs(workingDays) === 1 ? '' : 's'} from ${formatLongDate(from)} to ${formatLongDate(to)} (C1)`,
        )
      }),
    )
}
