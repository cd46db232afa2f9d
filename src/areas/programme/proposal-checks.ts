/**
 * The programme planner's rule checks on a proposed activity (issue 6, 002#7-24), as pure
 * functions: each check returns `{ rule, citation, severity, message }`. Errors block
 * committing the proposal; warnings need the director to confirm they have read them. The
 * rules come from the rules core (due window P4/P8, seasons C3, weekday C5, focused visits
 * P1/P2/P3/P7); the planner's own decisions (clashes, inspector capacity, leave, double
 * booking) are PC1-PC4 below, explained on /programme/checks.
 */
import { formatDate, formatLongDate, type IsoDate } from '../../rules/calendar/dates.js'
import { seasonalChecks } from '../../rules/calendar/seasonal-checks.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import { ACTIVITY_NAMES, type ActivityType, type RuleId } from '../../rules/types.js'
import { type Fieldwork, proposedFieldwork, rangesOverlap, weekOf } from './fieldwork.js'

/** The planner's own checks: decisions where the guidance sets no rule, shown on /programme/checks. */
export const PLANNER_CHECKS = {
  PC1: {
    title: 'One activity at a time in a local authority',
    citation: '002#73-74, #242',
    severity: 'error',
    statement:
      'An activity occupies its local authority from the notice day to the last day of fieldwork: the notice call, the Annex A request and its deadlines (002#73-74, #242) and the fieldwork. Two activities of one authority whose periods share a day clash.',
    decision:
      'The guidance does not say how close two activities in one authority may be. We refuse an overlap of notice-to-fieldwork periods (an error), because the authority would be answering two Annex A requests and hosting two teams at once. Cancelled and deferred activities do not count.',
  },
  PC2: {
    title: 'Inspector capacity: on-site activities per week',
    citation: 'Planner decision',
    severity: 'warning',
    statement:
      'Each inspector takes part in at most a set number of on-site activities in a week (Monday to Sunday). The national director sets the number; it starts at one.',
    decision:
      'The guidance sets no limit. We count the activities on whose fieldwork days an inspector is on the team (lead, team, regulatory, schools or shadowing inspector; QA managers and senior HMI overseeing the team are not on site). Going over the limit is a warning the director may confirm, not a refusal: a heavy week can be a deliberate choice.',
  },
  PC3: {
    title: 'Inspectors on leave',
    citation: 'Planner decision',
    severity: 'error',
    statement:
      'An inspector on leave on a day of fieldwork cannot be on the team. The lead inspector makes the notice call (002#73), so the lead on leave on the notice day is a warning.',
    decision:
      'Leave is recorded as date ranges only, never the reason. Leave on a fieldwork day is an error; the lead inspector on leave on the notice day is a warning (someone else may make the call).',
  },
  PC4: {
    title: 'No inspector in two places at once',
    citation: 'Planner decision',
    severity: 'error',
    statement: 'An inspector cannot be on site at two activities on the same day.',
    decision:
      'We compare the days each inspector is on site: their team days where the team page records them, otherwise every working day of fieldwork. A shared day is an error.',
  },
} as const

export type PlannerCheckId = keyof typeof PLANNER_CHECKS

/** The rules core's checks the planner runs, with the severity it gives each (shown on /programme/checks). */
export const CORE_CHECKS: ReadonlyArray<{ rule: RuleId; citation: string; severity: string; what: string }> = [
  {
    rule: 'C5',
    citation: '002#52-55, #103',
    severity: 'Error',
    what: 'The first day on site is not a working day, or not the weekday the schedule needs (Monday for inspections, Tuesday for focused visits, Wednesday for the Wednesday–Thursday variant); refused by the rules core’s timeline.',
  },
  {
    rule: 'C3',
    citation: '002#14',
    severity: 'Warning',
    what: 'The activity would begin (notice day or first day on site) over Christmas and New Year, or be on site in August, when only planned monitoring visits and focused visits by agreement take place. “Usually” makes these warnings.',
  },
  {
    rule: 'S2',
    citation: '002#52-55, #103',
    severity: 'Warning',
    what: 'A bank holiday moves a day of the schedule off the weekday its table names.',
  },
  {
    rule: 'P4',
    citation: '002#13, #19',
    severity: 'Warning',
    what: 'A standard or short inspection outside its due window (six months either side of the three-year anniversary, P8). A standard inspection for a pathway 1 authority is a warning with the note that 002#19 allows it on intelligence of significant deterioration, and allows it earlier.',
  },
  {
    rule: 'P4',
    citation: '002#9',
    severity: 'Warning',
    what: 'A focused visit while the next judgement inspection is due: a focused visit is usually chosen when it is not.',
  },
  {
    rule: 'P2',
    citation: '002#20',
    severity: 'Error',
    what: 'A short inspection for a pathway 2 (requires improvement) authority, which receives a standard inspection.',
  },
  {
    rule: 'P3',
    citation: '002#22-23',
    severity: 'Error',
    what: 'A short inspection or a focused visit for a pathway 3 (inadequate) authority, which receives monitoring visits and then a re-inspection.',
  },
  {
    rule: 'P1',
    citation: '002#18, #24',
    severity: 'Warning, then error',
    what: 'Focused visits for pathway 1: a second one is a warning (002#18 says usually one), a third an error (the 002#24 table says up to two). Both readings are shown.',
  },
  {
    rule: 'P2',
    citation: '002#21, #24',
    severity: 'Error',
    what: 'A third focused visit for a pathway 2 authority (up to two between inspections).',
  },
  {
    rule: 'P7',
    citation: '002#24',
    severity: 'Warning',
    what: 'A second standard or short inspection planned in the same cycle (one in a three-year period).',
  },
  {
    rule: 'P5',
    citation: '002#17, #20, #23',
    severity: 'Warning',
    what: 'No graded judgement is recorded, so the pathway checks cannot run.',
  },
]

export function isPlannerCheck(rule: string): rule is PlannerCheckId {
  return rule in PLANNER_CHECKS
}

export type Severity = 'error' | 'warning'

export interface ProposalCheck {
  readonly rule: RuleId | PlannerCheckId
  readonly citation: string
  readonly severity: Severity
  readonly message: string
  /** An exception or another reading the director should weigh (002#19; the 002#24 table). */
  readonly note?: string
}

export type ProposableType = 'standard-inspection' | 'short-inspection' | 'focused-visit'

export interface ProposedInspector {
  readonly userId: string
  readonly name: string
  readonly lead: boolean
  /** The days they would be on site, where not the whole fieldwork (a regulatory or schools inspector's days). */
  readonly days?: readonly IsoDate[]
}

/** What a director proposes: an activity of an LA on a first on-site day, with its inspectors if chosen. */
export interface Proposal {
  readonly laCode: string
  readonly laName: string
  readonly type: ProposableType
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: IsoDate
  readonly inspectors: readonly ProposedInspector[]
}

/** An activity already in the programme, as the checks need it. */
export interface BookedActivity {
  readonly id: string
  readonly reference: string
  readonly laCode: string
  readonly laName: string
  readonly type: ActivityType
  readonly status: string
  readonly fieldwork: Fieldwork
  /** The team members on site, each with the days they are on site. */
  readonly onsite: ReadonlyArray<{ readonly userId: string; readonly name: string; readonly days: readonly IsoDate[] }>
}

export interface Leave {
  readonly userId: string
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate
}

export interface CheckContext {
  /** The LA's pathway today from the register (undefined: no graded judgement). */
  readonly pathway: PathwayStatus | undefined
  /** Every activity in the programme, in every LA (inspectors work across regions). */
  readonly activities: readonly BookedActivity[]
  readonly leave: readonly Leave[]
  /** PC2: on-site activities an inspector may take part in each week. */
  readonly weeklyLimit: number
}

const JUDGEMENT_TYPES: readonly ActivityType[] = [
  'standard-inspection',
  'short-inspection',
  'post-monitoring-inspection',
]

/** Cancelled and deferred activities hold no dates (a deferred one is planned again with new ones). */
export function isActive(activity: Pick<BookedActivity, 'status'>): boolean {
  return activity.status !== 'cancelled' && activity.status !== 'deferred'
}

const error = (rule: ProposalCheck['rule'], citation: string, message: string, note?: string): ProposalCheck => ({
  rule,
  citation,
  severity: 'error',
  message,
  ...(note ? { note } : {}),
})
const warning = (rule: ProposalCheck['rule'], citation: string, message: string, note?: string): ProposalCheck => ({
  rule,
  citation,
  severity: 'warning',
  message,
  ...(note ? { note } : {}),
})

/**
 * P4/P8 (002#13), P1-P3 (002#17-23), P7 (002#24): the proposal against the LA's next judgement
 * inspection: its type, its due window, and a judgement inspection already planned; and for a
 * focused visit, whether the judgement inspection is already due (002#9).
 */
export function checkDueWindow(
  proposal: Proposal,
  pathway: PathwayStatus | undefined,
  activities: readonly BookedActivity[],
): ProposalCheck[] {
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
  const checks: ProposalCheck[] = []
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
        anchor,
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
  proposal: Proposal,
  pathway: PathwayStatus | undefined,
  activities: readonly BookedActivity[],
): ProposalCheck[] {
  if (proposal.type !== 'focused-visit' || !pathway) return []
  const allowance = pathway.focusedVisits
  const since = pathway.latest.published
  const planned = activities.filter(
    (other) =>
      other.laCode === proposal.laCode &&
      other.type === 'focused-visit' &&
      isActive(other) &&
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

/** PC1: another activity of the same LA whose notice-to-fieldwork period shares a day with this one's. */
export function checkLaClash(
  proposal: Proposal,
  fieldwork: Fieldwork,
  activities: readonly BookedActivity[],
): ProposalCheck[] {
  return activities
    .filter(
      (other) =>
        other.laCode === proposal.laCode &&
        isActive(other) &&
        rangesOverlap(fieldwork.notice, fieldwork.onsiteEnd, other.fieldwork.notice, other.fieldwork.onsiteEnd),
    )
    .map((other) =>
      error(
        'PC1',
        PLANNER_CHECKS.PC1.citation,
        `Clashes with ${other.reference}, a ${ACTIVITY_NAMES[other.type]} of ${other.laName} running from its notice on ${formatLongDate(other.fieldwork.notice)} to ${formatLongDate(other.fieldwork.onsiteEnd)}; this ${ACTIVITY_NAMES[proposal.type]} would run from ${formatLongDate(fieldwork.notice)} to ${formatLongDate(fieldwork.onsiteEnd)}`,
      ),
    )
}

/** PC2-PC4: each proposed inspector's leave, other fieldwork on the same days, and load per week. */
export function checkInspectors(
  proposal: Proposal,
  fieldwork: Fieldwork,
  context: Pick<CheckContext, 'activities' | 'leave' | 'weeklyLimit'>,
): ProposalCheck[] {
  const checks: ProposalCheck[] = []
  for (const inspector of proposal.inspectors) {
    const onsiteDays = inspector.days && inspector.days.length > 0 ? inspector.days : fieldwork.onsiteDays
    const weeks = [...new Set(onsiteDays.map(weekOf))]
    for (const leave of context.leave.filter((item) => item.userId === inspector.userId)) {
      const days = onsiteDays.filter((day) => leave.startsOn <= day && day <= leave.endsOn)
      const period =
        leave.startsOn === leave.endsOn
          ? `on ${formatLongDate(leave.startsOn)}`
          : `from ${formatLongDate(leave.startsOn)} to ${formatLongDate(leave.endsOn)}`
      if (days.length > 0) {
        checks.push(
          error(
            'PC3',
            PLANNER_CHECKS.PC3.citation,
            `${inspector.name} is on leave ${period}, which covers ${days.length} ${days.length === 1 ? 'day' : 'days'} of fieldwork (from ${formatLongDate(days[0]!)})`,
          ),
        )
      } else if (inspector.lead && leave.startsOn <= fieldwork.notice && fieldwork.notice <= leave.endsOn) {
        checks.push(
          warning(
            'PC3',
            '002#73',
            `${inspector.name}, the lead inspector, is on leave ${period}, which includes the notice day, ${formatLongDate(fieldwork.notice)}: the lead inspector usually makes the notice call`,
          ),
        )
      }
    }
    const theirs = context.activities.filter(
      (other) => isActive(other) && other.onsite.some((member) => member.userId === inspector.userId),
    )
    const daysAt = (other: BookedActivity) =>
      other.onsite.find((member) => member.userId === inspector.userId)?.days ?? []
    for (const other of theirs) {
      const shared = daysAt(other).filter((day) => onsiteDays.includes(day))
      if (shared.length > 0) {
        checks.push(
          error(
            'PC4',
            PLANNER_CHECKS.PC4.citation,
            `${inspector.name} is on site at ${other.reference} (${ACTIVITY_NAMES[other.type]} of ${other.laName}) on ${shared.map(formatDate).join(', ')}`,
          ),
        )
      }
    }
    for (const week of weeks) {
      const same = theirs.filter((other) => daysAt(other).some((day) => weekOf(day) === week))
      const total = same.length + 1
      if (total > context.weeklyLimit) {
        checks.push(
          warning(
            'PC2',
            PLANNER_CHECKS.PC2.citation,
            `${inspector.name} would be on ${total} on-site activities in the week beginning ${formatLongDate(week)} (the limit is ${context.weeklyLimit} a week): also ${same.map((other) => other.reference).join(', ')}`,
          ),
        )
      }
    }
  }
  return checks
}

/** Errors first, then warnings, each in the order found; the same message once. */
function ordered(checks: readonly ProposalCheck[]): ProposalCheck[] {
  const seen = new Set<string>()
  const unique = checks.filter((check) => {
    const key = `${check.rule}|${check.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return [
    ...unique.filter((check) => check.severity === 'error'),
    ...unique.filter((check) => check.severity === 'warning'),
  ]
}

/**
 * Every check on a proposal: the weekday (C5, refused by the rules core's `timelineFor`), the
 * seasons and the timeline's other flags (C3, S2), the due window and pathway (P1-P5, P7, P8),
 * focused visits, clashes in the LA (PC1) and each inspector's leave, other fieldwork and
 * weekly load (PC2-PC4). Returns the fieldwork when the timeline could be computed.
 */
export function proposalChecks(
  proposal: Proposal,
  context: CheckContext,
): { fieldwork: Fieldwork | undefined; checks: ProposalCheck[] } {
  const outcome = proposedFieldwork(proposal.type, proposal.onsiteStart, proposal.variant)
  const checks: ProposalCheck[] = []
  if (!outcome.ok) {
    checks.push(error(outcome.rule, outcome.citation, outcome.reason))
    // Still say when the day falls over Christmas or in August (C3), as the timeline would have.
    checks.push(
      ...seasonalChecks(proposal.type, proposal.onsiteStart, proposal.onsiteStart).map((flag) =>
        warning(flag.rule, flag.citation, flag.message),
      ),
    )
  } else {
    checks.push(...outcome.flags.map((flag) => warning(flag.rule, flag.citation, flag.message)))
  }
  checks.push(...checkDueWindow(proposal, context.pathway, context.activities))
  checks.push(...checkFocusedVisits(proposal, context.pathway, context.activities))
  if (outcome.ok) {
    checks.push(...checkLaClash(proposal, outcome.fieldwork, context.activities))
    checks.push(...checkInspectors(proposal, outcome.fieldwork, context))
  }
  return { fieldwork: outcome.ok ? outcome.fieldwork : undefined, checks: ordered(checks) }
}

/** The checks a planned activity would meet if proposed today, leaving itself out of the programme. */
export function plannedActivityChecks(
  activity: BookedActivity & { variant: 'wed-thu' | null; leadUserIds: readonly string[] },
  context: CheckContext,
): ProposalCheck[] {
  if (
    activity.type !== 'standard-inspection' &&
    activity.type !== 'short-inspection' &&
    activity.type !== 'focused-visit'
  )
    return []
  const proposal: Proposal = {
    laCode: activity.laCode,
    laName: activity.laName,
    type: activity.type,
    variant: activity.variant,
    onsiteStart: activity.fieldwork.onsiteStart,
    inspectors: activity.onsite.map((member) => ({
      userId: member.userId,
      name: member.name,
      lead: activity.leadUserIds.includes(member.userId),
      days: member.days,
    })),
  }
  return proposalChecks(proposal, {
    ...context,
    activities: context.activities.filter((other) => other.id !== activity.id),
  }).checks
}
