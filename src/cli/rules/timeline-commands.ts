/**
 * `ilacs timeline TYPE --onsite DATE`: the dated milestones of an activity from its first on-site
 * day (RULES.md S2, S4, E7, M8, I6; 002#53-55, #103, #129, #216, #242; 001#62; 000#42). Each
 * milestone names its rule and citation; a first on-site day on the wrong weekday, or not a
 * working day, is refused (C5).
 *
 * What --onsite means for each TYPE:
 *   standard-inspection, short-inspection   Week 1 Monday, the first day of fieldwork
 *   focused-visit, monitoring-visit         the first on-site day: Tuesday, or Wednesday with
 *                                           --variant wed-thu (002 fn20, fn22); any working day
 *                                           with --handbook 2017 (monitoring, 001#42)
 *   post-monitoring-inspection              day 1, the Monday the lead inspector arrives (day −2
 *                                           is the Thursday before)
 *   progress-inspection-2015                the first day on site, day 6 (day 1 is five working
 *                                           days earlier)
 */
import type { Command } from 'commander'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { timelineFor } from '../../rules/timelines/index.js'
import { ACTIVITY_NAMES, ACTIVITY_TYPES, type ActivityType } from '../../rules/types.js'
import { UsageError, action } from '../io.js'
import { output, parseChoice, parseDate, refusalError, withRuleErrors } from './shared.js'

interface TimelineOptions {
  onsite?: string
  variant?: string
  handbook?: string
  visit?: string
  secondSet?: boolean
  json?: boolean
}

/** Register `ilacs timeline`. */
export function registerTimelineCommand(program: Command): void {
  withRuleErrors(program.command('timeline'), 'C5')
    .description('the dated milestones of an inspection or visit from its first on-site day (S2, S4, E7)')
    .argument('<type>', ACTIVITY_TYPES.join(' | '))
    .option('--onsite <date>', 'the first on-site day, YYYY-MM-DD (see `ilacs timeline --help`)')
    .option('--variant <variant>', 'focused and monitoring visits: tue-wed (default) or wed-thu (002 fn20, fn22)')
    .option('--handbook <handbook>', 'monitoring visits: ilacs (default) or 2017 (001#42 day 1–23)')
    .option('--visit <n>', 'monitoring visits: the visit number in its set (the first letter is not published, E8)')
    .option('--second-set', 'monitoring visits: a second set after a re-inspection still inadequate (E8, M9)')
    .option('--json', 'print one JSON value')
    .addHelpText(
      'after',
      '\n--onsite is the first on-site day: Week 1 Monday for standard and short inspections; Tuesday (Wednesday with --variant wed-thu) for focused and monitoring visits; day 1 (Monday) for a post-monitoring inspection; day 6 (Monday) for a 2015 progress inspection.',
    )
    .action(
      action((typeText: string, options: TimelineOptions) => {
        const type = parseChoice<ActivityType>('TYPE', typeText, ACTIVITY_TYPES, 'S2')
        const onsite = parseDate('--onsite', options.onsite, 'C5')
        const visitType = type === 'focused-visit' || type === 'monitoring-visit'
        if (!visitType && (options.variant || options.handbook || options.visit || options.secondSet)) {
          throw new UsageError(
            `--variant, --handbook, --visit and --second-set apply only to focused and monitoring visits, not a ${ACTIVITY_NAMES[type]} (S2)`,
          )
        }
        if (type === 'focused-visit' && (options.handbook || options.visit || options.secondSet)) {
          throw new UsageError('--handbook, --visit and --second-set apply only to monitoring visits (E8, M5)')
        }
        const variant =
          options.variant === undefined
            ? undefined
            : parseChoice(
                '--variant',
                options.variant,
                ['tue-wed', 'wed-thu'] as const,
                type === 'focused-visit' ? 'S2, 002 fn20' : 'S2, 002 fn22',
              )
        const handbook =
          options.handbook === undefined
            ? undefined
            : parseChoice('--handbook', options.handbook, ['ilacs', '2017'] as const, 'E7')
        if (handbook === '2017' && variant)
          throw new UsageError('--variant applies to ILACS monitoring visits, not the 2017 handbook (001#42)')
        let visitNumber: number | undefined
        if (options.visit !== undefined) {
          if (!/^[1-9]\d*$/.test(options.visit))
            throw new UsageError(`--visit ${options.visit} is not a visit number 1, 2, 3… (E8)`)
          visitNumber = Number(options.visit)
        }
        const result = timelineFor(type, onsite, {
          ...(variant ? { variant } : {}),
          ...(handbook ? { handbook } : {}),
          ...(visitNumber ? { visitNumber } : {}),
          ...(options.secondSet ? { secondSet: true } : {}),
        })
        if (!result.ok) throw refusalError('--onsite', result)
        const { timeline } = result
        output(options.json, timeline, () => {
          const lines = [
            `${ACTIVITY_NAMES[type][0]!.toUpperCase()}${ACTIVITY_NAMES[type].slice(1)}, first on-site day ${formatLongDate(onsite)}${timeline.variant ? ` (${timeline.variant})` : ''}`,
            '',
          ]
          for (const item of timeline.milestones) {
            const when =
              item.until && item.until !== item.date
                ? `${formatLongDate(item.date)} to ${formatLongDate(item.until)}`
                : formatLongDate(item.date)
            lines.push(
              `  ${when.padEnd(30)} ${item.label}${item.time ? ` (${item.time})` : ''} [${item.key}; ${item.rule}, ${item.citation}]`,
            )
            for (const alternative of item.alternatives ?? [])
              lines.push(
                `  ${''.padEnd(30)}   or ${formatLongDate(alternative.date)}: ${alternative.reading} [${alternative.rule}, ${alternative.citation}]`,
              )
          }
          if (timeline.flags.length)
            lines.push(
              '',
              'Check:',
              ...timeline.flags.map((flag) => `  ! ${flag.message} (${flag.rule}, ${flag.citation})`),
            )
          if (timeline.notes.length)
            lines.push(
              '',
              'Notes:',
              ...timeline.notes.map((note) => `  - ${note.message} (${note.rule}, ${note.citation})`),
            )
          return lines.join('\n')
        })
      }),
    )
}
