/**
 * `ilacs judgements check` and `ilacs descriptor`: the consistency of four judgements (RULES.md
 * S6; 002#97-101, #238, #241) and the sample-size words for a percentage (E9; 000#Annex H/B).
 */
import type { Command } from 'commander'
import { descriptorFor } from '../../rules/descriptors.js'
import { GRADES, GRADE_NAMES, checkJudgements, type Grade } from '../../rules/judgements.js'
import { UsageError, action } from '../io.js'
import { output, parseChoice, withRuleErrors } from './shared.js'

const PERCENT = /^(\d+(?:\.\d+)?)%?$/
const FRACTION = /^(\d+)\/(\d+)$/

/** A percentage written `96.7`, `96.7%` or as a count of cases `29/30` (E9). */
export function parsePercent(text: string): number {
  const fraction = FRACTION.exec(text)
  if (fraction) {
    const count = Number(fraction[1])
    const total = Number(fraction[2])
    if (total === 0 || count > total)
      throw new UsageError(`PERCENT ${text} is not a count of cases (count/total, count ≤ total) (E9)`)
    return (count * 100) / total
  }
  const match = PERCENT.exec(text)
  const percent = match ? Number(match[1]) : Number.NaN
  if (!(percent >= 0 && percent <= 100))
    throw new UsageError(`PERCENT ${text} is not a percentage from 0 to 100, or a count of cases like 29/30 (E9)`)
  return percent
}

interface CheckOptions {
  helpAndProtection?: string
  childrenInCare?: string
  careLeavers?: string
  leaders?: string
  overall?: string
  leadersUnderstandFailure?: string
  json?: boolean
}

function grade(argument: string, value: string | undefined): Grade {
  if (value === undefined) throw new UsageError(`${argument} is required: one of ${GRADES.join(', ')} (S6)`)
  return parseChoice(argument, value, GRADES, 'S6, 002#97')
}

/** Register `ilacs judgements check` and `ilacs descriptor`. */
export function registerJudgementCommands(program: Command): void {
  const judgements = program.command('judgements').description('the four graded judgements (S6)')
  withRuleErrors(judgements.command('check'), 'S6')
    .description('check four judgements against the consistency rules of 002#97-101, #238, #241 (S6)')
    .option('--help-and-protection <grade>', GRADES.join(' | '))
    .option('--children-in-care <grade>', GRADES.join(' | '))
    .option('--care-leavers <grade>', 'care leavers, judged separately from January 2023 (issue 14)')
    .option('--leaders <grade>', GRADES.join(' | '))
    .option('--overall <grade>', 'overall effectiveness; suggested from the others when left out')
    .option(
      '--leaders-understand-failure <yes|no>',
      'whether leaders showed sufficient understanding of an inadequate judgement (002#101, #241)',
    )
    .option('--json', 'print one JSON value')
    .action(
      action((options: CheckOptions) => {
        const understand =
          options.leadersUnderstandFailure === undefined
            ? undefined
            : parseChoice(
                '--leaders-understand-failure',
                options.leadersUnderstandFailure,
                ['yes', 'no'] as const,
                'S6, 002#241',
              )
        const result = checkJudgements({
          helpAndProtection: grade('--help-and-protection', options.helpAndProtection),
          childrenInCare: grade('--children-in-care', options.childrenInCare),
          leaders: grade('--leaders', options.leaders),
          ...(options.careLeavers === undefined ? {} : { careLeavers: grade('--care-leavers', options.careLeavers) }),
          ...(options.overall === undefined ? {} : { overall: grade('--overall', options.overall) }),
          ...(understand === undefined ? {} : { leadersUnderstandFailure: understand === 'yes' }),
        })
        output(options.json, result, () =>
          [
            `${result.consistent ? 'Consistent' : 'Not consistent'}; overall effectiveness ${GRADE_NAMES[result.overall]}${result.overallSource === 'derived' ? ' (suggested)' : ''}`,
            ...result.problems.map((problem) => `  ✗ ${problem.message} (${problem.rule}, ${problem.citation})`),
            ...result.warnings.map((warning) => `  ! ${warning.message} (${warning.rule}, ${warning.citation})`),
          ].join('\n'),
        )
      }),
    )

  withRuleErrors(program.command('descriptor'), 'E9')
    .description('the words for a percentage of cases, or the gap it falls in (E9)')
    .argument('<percent>', 'e.g. 65, 96.7% or 29/30')
    .option('--json', 'print one JSON value')
    .action(
      action((text: string, options: { json?: boolean }) => {
        const descriptor = descriptorFor(parsePercent(text))
        const shown = `${Number(descriptor.percent.toFixed(1))}%`
        output(options.json, descriptor, () =>
          descriptor.gap
            ? `${shown} falls in a gap between the ${descriptor.between[0]} and ${descriptor.between[1]} bands: no descriptor (${descriptor.rule}, ${descriptor.citation})`
            : `${shown}: ${descriptor.words} (${descriptor.band}; ${descriptor.rule}, ${descriptor.citation})`,
        )
      }),
    )
}
