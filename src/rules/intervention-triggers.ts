/**
 * What puts an authority in front of the DfE (RULES.md G2, G7, M3, M4): each trigger with its
 * rule and citation, for the intervention record's triggers page and the DfE's alerts.
 */
import { formatDate, type IsoDate } from './calendar/dates.js'
import { afterInadequate } from './after-inadequate.js'
import { type CommissionerDecision, commissionerDecision, type DatedJudgement } from './intervention.js'
import type { Cited, Flag, Milestone } from './types.js'

export type TriggerKey = 'new-inadequate' | 'two-in-five-years' | 'monitoring-refused' | 'action-plan-difference'

/** One trigger: whether it applies now, and why, with its rule. */
export interface Trigger extends Cited {
  key: TriggerKey
  title: string
  /** True when the trigger applies on the day asked. */
  active: boolean
  detail: string
  /** The day it arose, when it has one. */
  since?: IsoDate
  flags: Flag[]
  /** For a new inadequate judgement: the monitoring programme's dates beside it (M2–M6). */
  milestones?: Milestone[]
  /** For the five-year trigger: G2's decision, with both readings. */
  fiveYears?: CommissionerDecision
}

export interface TriggerInput {
  /** The authority's graded judgements, both dates each, read as inadequate or not (see `inadequateReading`). */
  judgements: readonly DatedJudgement[]
  on: IsoDate
  /** The publication date of the inadequate judgement the DfE has already opened a record for, if any. */
  acknowledgedPublished?: IsoDate | undefined
  /** When Ofsted recorded that the authority will not agree the monitoring programme, if it has and it stands. */
  monitoringRefusedOn?: IsoDate | undefined
  /** When Ofsted and the authority were recorded as differing over the action plan, while unresolved. */
  actionPlanDifferenceOn?: IsoDate | undefined
}

const ALERT_CITATION = '004#Introduction; 004#What happens once Ofsted has left your council?'

/**
 * Every trigger for one authority on `on`, in a fixed order:
 * - a new inadequate judgement (G7): the DfE is alerted; active until a record is opened for it.
 *   The monitoring programme's dates are counted from the publication date: the register holds
 *   the day the report was published, not the day the authority received it (M3's input), so
 *   they are an early estimate (decision, shown on the page);
 * - two inadequate judgements within five years (G2), by publication and by fieldwork dates;
 * - the authority will not agree the monitoring programme: the Secretary of State is likely to
 *   direct the visits (M4, 002#113, 001#3);
 * - an unresolved difference over the action plan: the Secretary of State is asked to consider
 *   what action the DfE takes (M3, 001#22, 002#126).
 */
export function interventionTriggers(input: TriggerInput): Trigger[] {
  const { on } = input
  const published = input.judgements
    .filter((judgement) => judgement.published <= on)
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0))
  const latest = published.at(-1)
  const newInadequate = latest?.inadequate === true && input.acknowledgedPublished !== latest.published
  // The same function as the CLI's `ilacs intervention`: required on either reading, a difference flagged.
  const fiveYears = commissionerDecision(input.judgements, on)
  return [
    {
      key: 'new-inadequate',
      rule: 'G7',
      citation: ALERT_CITATION,
      title: 'A new inadequate judgement',
      active: newInadequate,
      detail: !latest?.inadequate
        ? 'The latest judgement is not inadequate'
        : newInadequate
          ? `Judged inadequate, published ${formatDate(latest.published)}: the DfE decides the intervention and names a case lead. Its notice or direction is published on the day of the report or as soon as possible after`
          : `Judged inadequate, published ${formatDate(latest.published)}: the DfE has opened its intervention record`,
      ...(latest?.inadequate
        ? { since: latest.published, milestones: afterInadequate(latest.published).milestones }
        : {}),
      flags: latest?.inadequate
        ? [
            {
              rule: 'M3',
              citation: '001#6-7; 002#219',
              message:
                'The monitoring dates are counted from the day the report was published; the authority received it a little earlier, so the real dates may be a few days sooner',
            },
          ]
        : [],
    },
    {
      key: 'two-in-five-years',
      rule: 'G2',
      citation: fiveYears.citation,
      title: 'Two inadequate judgements within five years: a commissioner',
      active: fiveYears.commissionerRequired,
      detail: fiveYears.reason,
      ...(fiveYears.byPublication.pair ? { since: fiveYears.byPublication.pair[1].published } : {}),
      flags: fiveYears.flags,
      fiveYears,
    },
    {
      key: 'monitoring-refused',
      rule: 'M4',
      citation: '002#113; 001#3',
      title: 'The monitoring programme is not agreed',
      active: input.monitoringRefusedOn !== undefined,
      detail: input.monitoringRefusedOn
        ? `Recorded ${formatDate(input.monitoringRefusedOn)}: the authority is not prepared to agree the quarterly monitoring visits. Ofsted refers it to the Secretary of State, who is likely to direct Ofsted to carry them out`
        : 'Not recorded',
      ...(input.monitoringRefusedOn ? { since: input.monitoringRefusedOn } : {}),
      flags: [],
    },
    {
      key: 'action-plan-difference',
      rule: 'M3',
      citation: '001#22; 002#126',
      title: 'An unresolved difference over the action plan',
      active: input.actionPlanDifferenceOn !== undefined,
      detail: input.actionPlanDifferenceOn
        ? `Recorded ${formatDate(input.actionPlanDifferenceOn)}: Ofsted and the authority differ on whether the action plan reflects the findings. The Secretary of State is asked to consider what action, if any, the DfE takes`
        : 'Not recorded',
      ...(input.actionPlanDifferenceOn ? { since: input.actionPlanDifferenceOn } : {}),
      flags: [],
    },
  ]
}
