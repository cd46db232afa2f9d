/**
 * The programme planner's rule checks on a proposed activity (issue 6, 002#7-24), as pure
 * functions: each check returns `{ rule, citation, severity, message }`. Errors block
 * committing the proposal; warnings need the director to confirm they have read them. The
 * rules come from the rules core (due window P4/P8, seasons C3, weekday C5, focused visits
 * P1/P2/P3/P7, in `src/rules/planning-checks.ts`); the planner's own decisions (clashes,
 * inspector capacity, leave, double booking) are PC1-PC4 below, explained on /programme/checks.
 */
import { isPlannableType } from '../activities/index.js'
import { formatDate, formatLongDate } from '../../rules/calendar/dates.js'
import { seasonalChecks } from '../../rules/calendar/seasonal-checks.js'
import { checkMonitoringProposal } from '../../rules/monitoring-planning.js'
import { checkDueWindow, checkFocusedVisits, isActive } from '../../rules/planning-checks.js'
import { ACTIVITY_NAMES } from '../../rules/types.js'
import { proposedFieldwork, rangesOverlap, weekOf } from './fieldwork.js'
import { PLANNER_CHECKS } from './planner-checks.js'
import type { BookedActivity, CheckContext, Fieldwork, Proposal, ProposalCheck } from './types.js'

const error = (rule: ProposalCheck['rule'], citation: string, message: string): ProposalCheck => ({
  rule,
  citation,
  severity: 'error',
  message,
})
const warning = (rule: ProposalCheck['rule'], citation: string, message: string): ProposalCheck => ({
  rule,
  citation,
  severity: 'warning',
  message,
})

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
  const outcome = proposedFieldwork(
    proposal.type,
    proposal.onsiteStart,
    proposal.variant,
    proposal.monitoring?.handbook,
  )
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
  // A monitoring visit is not the next judgement inspection: its own checks replace the due window (M4).
  if (proposal.type !== 'monitoring-visit')
    checks.push(...checkDueWindow(proposal, context.pathway, context.activities))
  checks.push(...checkFocusedVisits(proposal, context.pathway, context.activities))
  checks.push(...checkMonitoringProposal(proposal, context.pathway, context.activities))
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
  if (!isPlannableType(activity.type)) return []
  const proposal: Proposal = {
    laCode: activity.laCode,
    laName: activity.laName,
    type: activity.type,
    variant: activity.variant,
    // A 2017-handbook visit is checked against its own timeline, not ILACS's (E7).
    ...(activity.monitoring
      ? { monitoring: { ...activity.monitoring, handbookReason: 'as recorded when it was planned' } }
      : {}),
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
