/**
 * `ilacs after-inadequate`, `ilacs pathway` and `ilacs intervention`: what follows a judgement
 * (RULES.md M2–M6, I1–I5, P1–P8, G2, G4; 001#10, #19, #23, #49; 000#8-38; 002#13-24; 004).
 *   after-inadequate --report-received DATE [--offer-2015]
 *     → {actionPlanningVisit:{earliest,latest}, actionPlanDue, firstMonitoringVisitBy,
 *        reinspection:{earliest,latest,minimumMonitoringVisits}} (+ offer2015 with --offer-2015,
 *        where DATE is the publication of the inadequate report, 000#24)
 *   pathway --history FILE --on DATE → {pathway, next:{type,from,to}, focusedVisits:{max}}
 *   intervention --history FILE --on DATE → {commissionerRequired, reason, citation}
 */
import type { Command } from 'commander'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { afterInadequate } from '../../rules/after-inadequate.js'
import { commissionerDecision, datedJudgements } from '../../rules/intervention.js'
import { offer2015 } from '../../rules/offer-2015.js'
import { pathwayStatus } from '../../rules/pathways.js'
import { GRADE_NAMES } from '../../rules/judgements.js'
import type { Milestone } from '../../rules/types.js'
import { action } from '../io.js'
import { output, parseDate, readHistory, refusalError, today, withRuleErrors } from './shared.js'

function milestoneLines(milestones: Milestone[]): string[] {
  return milestones.map((item) => {
    const alternatives = (item.alternatives ?? [])
      .map((alternative) => `; or ${formatLongDate(alternative.date)} (${alternative.reading})`)
      .join('')
    return `  ${formatLongDate(item.date).padEnd(28)} ${item.label}${alternatives} [${item.rule}, ${item.citation}]`
  })
}

interface AfterInadequateOptions {
  reportReceived?: string
  offer2015?: boolean
  actionPlanSubmitted?: string
  seminar?: string
  planAccepted?: string
  json?: boolean
}

/** Register `ilacs after-inadequate`, `ilacs pathway` and `ilacs intervention`. */
export function registerInadequateCommands(program: Command): void {
  withRuleErrors(program.command('after-inadequate'), 'M3')
    .description(
      'dates after an inadequate judgement: action planning visit, action plan, monitoring, re-inspection (M2–M6)',
    )
    .option(
      '--report-received <date>',
      'the day the authority received its inspection report (with --offer-2015: the publication date)',
    )
    .option('--offer-2015', 'also give the 2015 improvement offer’s dates (I1–I5)')
    .option(
      '--action-plan-submitted <date>',
      'the day the action plan was submitted, to show 24 months from it too (M6)',
    )
    .option('--seminar <date>', 'with --offer-2015: the agreed seminar date (agenda and evidence notebook, I1)')
    .option('--plan-accepted <date>', 'with --offer-2015: the day the improvement plan was judged acceptable (I3)')
    .option('--json', 'print one JSON value')
    .action(
      action((options: AfterInadequateOptions) => {
        const received = parseDate('--report-received', options.reportReceived, 'M3')
        const submitted =
          options.actionPlanSubmitted === undefined
            ? undefined
            : parseDate('--action-plan-submitted', options.actionPlanSubmitted, 'M6')
        const seminar = options.seminar === undefined ? undefined : parseDate('--seminar', options.seminar, 'I1')
        const planAccepted =
          options.planAccepted === undefined ? undefined : parseDate('--plan-accepted', options.planAccepted, 'I3')
        const result = afterInadequate(received, submitted ? { actionPlanSubmitted: submitted } : {})
        const offer = options.offer2015
          ? offer2015(received, { ...(seminar ? { seminar } : {}), ...(planAccepted ? { planAccepted } : {}) })
          : undefined
        const value = { arrangements: '2017', ...result, ...(offer ? { offer2015: offer } : {}) }
        output(options.json, value, () => {
          const lines = [
            `After an inadequate judgement, report received ${formatLongDate(received)} (2017 arrangements, 001; 002#112-139)`,
            '',
            ...milestoneLines(result.milestones),
          ]
          lines.push(
            '',
            'Decisions:',
            ...result.decisions.map((item) => `  - ${item.decision} (${item.rule}, ${item.citation})`),
          )
          if (offer) {
            lines.push(
              '',
              `The 2015 improvement offer, report published ${formatLongDate(received)} (000)`,
              '',
              ...milestoneLines(offer.milestones),
            )
            lines.push(
              '',
              'Decisions:',
              ...offer.decisions.map((item) => `  - ${item.decision} (${item.rule}, ${item.citation})`),
            )
          }
          return lines.join('\n')
        })
      }),
    )

  withRuleErrors(program.command('pathway'), 'P5')
    .description('an authority’s pathway, next judgement inspection and focused visits from its history (P1–P8)')
    .option('--history <file>', 'JSON array of {"published","type","overall"}')
    .option('--on <date>', 'the date to answer for (default: today)')
    .option('--json', 'print one JSON value')
    .action(
      action(async (options: { history?: string; on?: string; json?: boolean }) => {
        const on = options.on === undefined ? today() : parseDate('--on', options.on, 'P5')
        const history = await readHistory('--history', options.history, 'P5')
        const result = pathwayStatus(history, on)
        if (!result.ok) throw refusalError(`--history ${options.history}:`, result)
        const { status } = result
        output(options.json, status, () => {
          const lines = [
            `Pathway ${status.pathway} on ${formatLongDate(on)}: latest judgement ${GRADE_NAMES[status.latest.overall]}, published ${formatLongDate(status.latest.published)} (${status.latest.type})`,
            `Next: ${status.next.type} between ${formatLongDate(status.next.from)} and ${formatLongDate(status.next.to)} (${status.next.rule}, ${status.next.citation})`,
            ...status.next.alternatives.map(
              (alternative) =>
                `  or ${alternative.type} if ${alternative.when} (${alternative.rule}, ${alternative.citation})`,
            ),
            `Focused visits before it: up to ${status.focusedVisits.max}, ${status.focusedVisits.used} so far (${status.focusedVisits.rule}, ${status.focusedVisits.citation})`,
          ]
          if (status.focusedVisits.conflict) lines.push(`  conflict: ${status.focusedVisits.conflict.message}`)
          for (const item of status.overdue)
            lines.push(`Overdue: ${item.what}, due by ${formatLongDate(item.due)} (${item.rule}, ${item.citation})`)
          for (const flag of status.flags) lines.push(`Check: ${flag.message} (${flag.rule}, ${flag.citation})`)
          return lines.join('\n')
        })
      }),
    )

  withRuleErrors(program.command('intervention'), 'G2')
    .description('whether the DfE must appoint a commissioner on a date (G2, G4)')
    .option('--history <file>', 'JSON array of {"published","type","overall"} and optionally "fieldworkStart"')
    .option('--on <date>', 'the date to answer for (default: today)')
    .option('--sustained-failure', 'sustained and significant failure has been assessed (always a commissioner)')
    .option('--json', 'print one JSON value')
    .action(
      action(async (options: { history?: string; on?: string; sustainedFailure?: boolean; json?: boolean }) => {
        const on = options.on === undefined ? today() : parseDate('--on', options.on, 'G2')
        const history = await readHistory('--history', options.history, 'G2')
        const decision = commissionerDecision(
          datedJudgements(history, on),
          on,
          options.sustainedFailure ? { sustainedAndSignificantFailure: true } : {},
        )
        output(options.json, decision, () =>
          [
            `Commissioner required: ${decision.commissionerRequired ? 'yes' : 'no'}. ${decision.reason} (${decision.rule}, ${decision.citation})`,
            ...[decision.byPublication, decision.byFieldwork].flatMap((reading) =>
              reading?.pair
                ? [
                    `By ${reading.basis} dates: ${reading.yearsApart} years apart, ${reading.commissionerRequired ? 'within' : 'more than'} five years`,
                  ]
                : [],
            ),
            ...decision.flags.map((flag) => `Check: ${flag.message}`),
          ].join('\n'),
        )
      }),
    )
}
