/**
 * The pathway rules as checks on an activity someone proposes to plan (RULES.md P1-P5, P7, P8;
 * 002#9, #13, #17-24). Each check is a value naming its rule and citation, an error (the rule
 * refuses the activity) or a warning (the seeds say "usually": a director may confirm it).
 * The programme planner runs these with its own checks of clashes, leave and capacity.
 */
import { formatDate, formatLongDate, type IsoDate } from './calendar/dates.js'
import type { PathwayStatus } from './pathways.js'
import { ACTIVITY_NAMES, type ActivityType, type RuleId } from './types.js'

/** What a planning check found: an error refuses the activity, a warning asks a person to confirm it. */
export interface PlanningCheck {
  readonly rule: RuleId
  readonly citation: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  /** An exception or another reading the director should weigh (002#19; the 002#24 table). */
  readonly note?: string
}

/** An activity someone proposes: its LA, type and first day on site. */
export interface ProposedActivity {
  readonly laCode: string
  readonly laName: string
  readonly type: ActivityType
  readonly onsiteStart: IsoDate
}

/** An activity already in the programme, with the first day of its fieldwork. */
export interface ProgrammedActivity {
  readonly reference: string
  readonly laCode: string
  readonly type: ActivityType
  readonly status: string
  readonly fieldwork: { readonly onsiteStart: IsoDate }
  /** True once its letter is published and the visit is in the LA's history, which counts it (P7). */
  readonly countedInHistory?: boolean
}

/** The activities that give a judgement and so start a new cycle (002#24). */
export const JUDGEMENT_TYPES: readonly ActivityType[] = [
  'standard-inspection',
  'short-inspection',
  'post-monitoring-inspection',
]

/**
 * Decision: cancelled and deferred activities hold no dates and count towards nothing (a
 * deferred one is planned again with new dates, 002#16).
 */
export function isActive(activity: { readonly status: string }): boolean {
  return activity.status !== 'cancelled' && activity.status !== 'deferred'
}

/**
 * Why a late inspection is shown, not refused (issue 14, "show drift as drift"): the framework's
 * window is six months either side of the anniversary (002#13), but since the 2020-21 pause most
 * inspections have started after it. A late plan is the remedy for an overdue LA, not a fault.
 */
const LATE_IS_USUAL =
  'What happens: since 2021 most standard and short inspections have started after their window, a median of about a year after it (the rulebook compares the framework with the published history); an overdue authority is inspected as soon as it can be'

const check =
  (severity: PlanningCheck['severity']) =>
  (rule: RuleId, citation: string, message: string, note?: string): PlanningCheck => ({
    rule,
    citation,
    severity,
    message,
    ...(note ? { note } : {}),
  })
const error = check('error')
const warning = check('warning')

/**
 * P4/P8 (002#13), P1-P3 (002#17-23), P7 (002#24): the proposal against the LA's next judgement
 * inspection: its type, its due window, and a judgement inspection already planned; and for a
 * focused visit, whether the judgement inspection is already due (002#9). P5: with no graded
 * judgement there is no pathway to check against.
 */
export function checkDueWindow(
  proposal: ProposedActivity,
  pathway: PathwayStatus | undefined,
  activities: readonly ProgrammedActivity[],
): PlanningCheck[] {
  const name = proposal.laName
  if (!pathway) {
    return [
      warning(
        'P5',
        '002#17, #20, #23',
        `No graded judgement is recorded for ${name}, so its pathway, due window and focused visits cannot be checked`,
      ),
    ]
  }
  const { next } = pathway
  const window = `${formatDate(next.from)} to ${formatDate(next.to)}`
  const start = proposal.onsiteStart
  const checks: PlanningCheck[] = []
  if (proposal.type === 'focused-visit') {
    if (pathway.pathway !== 3 && start >= next.from) {
      checks.push(
        warning(
          'P4',
          '002#9, #13',
          `The next judgement inspection of ${name} is due (window ${window}); a focused visit is usually carried out when the next standard or short inspection is not due (002#9)`,
        ),
      )
    }
    return checks
  }
  const deterioration =
    'A standard inspection may be carried out instead of the short inspection, and brought forward, when intelligence suggests a significant deterioration in performance, including areas of concern found at a focused visit (002#19)'
  if (pathway.pathway === 1 && proposal.type === 'standard-inspection') {
    checks.push(
      warning(
        'P4',
        '002#17, #19',
        `${name} is on pathway 1 (good or outstanding): its next judgement inspection is usually a short inspection (002#17)`,
        deterioration,
      ),
    )
  }
  if (pathway.pathway === 2 && proposal.type === 'short-inspection') {
    checks.push(
      error(
        'P2',
        '002#20',
        `${name} is on pathway 2 (requires improvement): its next judgement inspection is a standard inspection, not a short inspection`,
      ),
    )
  }
  if (pathway.pathway === 3 && proposal.type === 'short-inspection') {
    checks.push(
      error(
        'P3',
        '002#22-23',
        `${name} is on pathway 3 (inadequate): it receives monitoring visits and then a re-inspection, not a short inspection`,
      ),
    )
  }
  if (pathway.pathway === 3 && next.type === 'sif-inspection' && proposal.type === 'standard-inspection') {
    checks.push(
      warning(
        next.rule,
        next.citation,
        `${name} was judged inadequate under the single inspection framework and is usually re-inspected under it (002#22 fn4)`,
      ),
    )
  }
  const [rule, citation] = pathway.pathway === 3 ? [next.rule, next.citation] : (['P4', '002#13'] as const)
  const anchor =
    pathway.pathway === 3
      ? undefined
      : `The window is six months either side of the three-year anniversary of the latest judgement, published ${formatDate(pathway.latest.published)} (decision P8: the anniversary is counted from publication)`
  if (start < next.from) {
    const early = pathway.pathway === 1 && proposal.type === 'standard-inspection' ? deterioration : anchor
    checks.push(
      warning(
        rule,
        citation,
        `The first day on site, ${formatLongDate(start)}, is before the due window of ${name} (${window})${pathway.pathway === 3 ? '' : ': standard and short inspections usually take place within six months either side of the three-year anniversary'}`,
        early,
      ),
    )
  } else if (start > next.to) {
    checks.push(
      warning(
        rule,
        citation,
        `The first day on site, ${formatLongDate(start)}, is after the due window of ${name} closed on ${formatDate(next.to)}: the inspection would be overdue`,
        [anchor, LATE_IS_USUAL].filter(Boolean).join('. '),
      ),
    )
  }
  const since = pathway.latest.published
  for (const other of activities) {
    if (
      other.laCode !== proposal.laCode ||
      !isActive(other) ||
      !JUDGEMENT_TYPES.includes(other.type) ||
      other.fieldwork.onsiteStart <= since
    )
      continue
    checks.push(
      warning(
        'P7',
        '002#24',
        `${name} already has a ${ACTIVITY_NAMES[other.type]} planned from ${formatLongDate(other.fieldwork.onsiteStart)} (${other.reference}); the 002#24 table gives one standard or short inspection in a three-year period`,
      ),
    )
  }
  return checks
}

/**
 * P1/P2/P3/P7 (002#18, #21-22, #24): focused visits since the latest judgement, this one
 * included, against the pathway's allowance. Pathway 1 shows both readings: over the usual one
 * of 002#18 is a warning, over the table's "up to two" of 002#24 an error.
 *
 * Decision: the count is the register's published focused visits (`focusedVisits.used`) plus
 * every focused visit in the programme for the LA that is not cancelled or deferred and whose
 * first on-site day is after the latest judgement's publication. The register records only
 * judgement inspections today, so `used` is 0 and the programme is the record of visits.
 */
export function checkFocusedVisits(
  proposal: ProposedActivity,
  pathway: PathwayStatus | undefined,
  activities: readonly ProgrammedActivity[],
): PlanningCheck[] {
  if (proposal.type !== 'focused-visit' || !pathway) return []
  const allowance = pathway.focusedVisits
  const since = pathway.latest.published
  const planned = activities.filter(
    (other) =>
      other.laCode === proposal.laCode &&
      other.type === 'focused-visit' &&
      isActive(other) &&
      !other.countedInHistory &&
      other.fieldwork.onsiteStart > since,
  )
  const total = allowance.used + planned.length + 1
  const already = planned.length > 0 ? ` (already planned: ${planned.map((other) => other.reference).join(', ')})` : ''
  if (pathway.pathway === 3) {
    return [
      error(
        allowance.rule,
        allowance.citation,
        `${proposal.laName} is on pathway 3 (inadequate): it receives monitoring visits before its re-inspection, not focused visits`,
      ),
    ]
  }
  const ceiling = allowance.conflict ? Math.max(allowance.max, allowance.conflict.max) : allowance.max
  const ordinal = `This would be focused visit ${total} for ${proposal.laName} since its latest judgement, published ${formatDate(since)}${already}`
  if (total > ceiling) {
    const [rule, citation] = allowance.conflict
      ? [allowance.conflict.rule, allowance.conflict.citation]
      : [allowance.rule, allowance.citation]
    return [
      error(
        rule,
        citation,
        `${ordinal}; pathway ${pathway.pathway} allows up to ${ceiling} between judgement inspections`,
        allowance.conflict
          ? 'The guidance also says a good or outstanding authority usually receives one focused visit or a JTAI between inspections (002#18)'
          : undefined,
      ),
    ]
  }
  if (total > allowance.max) {
    return [
      warning(
        allowance.rule,
        allowance.citation,
        `${ordinal}; pathway 1 usually receives one focused visit or a JTAI between inspections (002#18)`,
        allowance.conflict?.message,
      ),
    ]
  }
  return []
}
