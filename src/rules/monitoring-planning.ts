/**
 * Planning monitoring visits and post-monitoring inspections (RULES.md M4, M6, M7, E7, E8): the
 * checks the programme planner runs on a proposal of either type, which arrangements a visit
 * follows, which visit of its set it is, and when the next quarterly visit is due.
 *
 * - Only an authority whose latest judgement is inadequate is monitored (002#22, #112; 001#5).
 * - E7: a visit follows the arrangements of the framework that judged the authority inadequate
 *   (002#22 fn4): the 2017 handbook (001#42) after a SIF judgement, ILACS (002#129, #216) after
 *   an ILACS one.
 * - M4: visits are quarterly, not necessarily evenly spaced (001#23, 002#128): the next one is
 *   suggested three calendar months after the previous one's first day on site, on the weekday
 *   the visit needs; a gap under two or over four months is a warning. Four to six visits come
 *   before re-inspection (002#22, #128); a seventh is a warning.
 * - M6/M7: a post-monitoring inspection re-inspects an authority judged inadequate under the SIF
 *   (001#48, #51) and usually comes after at least four visits (001#49).
 * - E8: the letter of the first visit is not published unless it opens a second set (001#41, #67;
 *   002 fn28). Decision: a second set is open when the latest inadequate judgement came from a
 *   post-monitoring inspection (001#67: "the monitoring process … will start again").
 */
import { addDays, addMonths, dayOfWeek, formatDate, formatLongDate, type IsoDate } from './calendar/dates.js'
import { afterInadequate, MONITORING_VISITS } from './after-inadequate.js'
import type { PathwayStatus } from './pathways.js'
import type { PlanningCheck, ProgrammedActivity } from './planning-checks.js'
import type { MonitoringHandbook } from './timelines/monitoring-visit.js'

/** What a monitoring visit is, from the authority's judgement and the visits already planned. */
export interface MonitoringVisitFacts {
  readonly handbook: MonitoringHandbook
  readonly visitNumber: number
  readonly secondSet: boolean
  /** Why this handbook (E7), for the page. */
  readonly handbookReason: string
}

/** A monitoring activity of the authority since its latest judgement that still happens (not cancelled or deferred). */
function monitoringSince(
  pathway: PathwayStatus,
  activities: readonly ProgrammedActivity[],
  laCode: string,
  type: ProgrammedActivity['type'],
): ProgrammedActivity[] {
  return activities
    .filter(
      (activity) =>
        activity.laCode === laCode &&
        activity.type === type &&
        activity.status !== 'cancelled' &&
        activity.status !== 'deferred' &&
        activity.fieldwork.onsiteStart > pathway.latest.published,
    )
    .sort((a, b) => a.fieldwork.onsiteStart.localeCompare(b.fieldwork.onsiteStart))
}

/** E7, E8: the handbook, number and set of a monitoring visit of `laCode` starting `onsite`. */
export function monitoringVisitFacts(
  pathway: PathwayStatus,
  activities: readonly ProgrammedActivity[],
  laCode: string,
  onsite: IsoDate,
): MonitoringVisitFacts {
  const before = monitoringSince(pathway, activities, laCode, 'monitoring-visit').filter(
    (visit) => visit.fieldwork.onsiteStart < onsite,
  )
  const sif = pathway.latest.framework === 'sif'
  return {
    handbook: sif ? '2017' : 'ilacs',
    visitNumber: before.length + 1,
    secondSet: pathway.latest.type === 'post-monitoring-inspection',
    handbookReason: sif
      ? 'Judged inadequate under the single inspection framework, so monitored under the 2017 handbook and its day 1–23 letter timeline (002#22 fn4, 001#42)'
      : 'Judged inadequate under ILACS, so monitored under ILACS and its letter timeline (002#129, #216)',
  }
}

/**
 * M4: when the next monitoring visit of `laCode` is suggested: a quarter after the previous
 * visit, or for the first, by four weeks after the action plan deadline (taking publication as
 * the day the report was received, as P3 does); moved forward to the weekday the visit needs
 * (Tuesday, or Wednesday for the Wednesday–Thursday variant, 002#129 fn22).
 */
export function suggestedMonitoringVisit(
  pathway: PathwayStatus,
  activities: readonly ProgrammedActivity[],
  laCode: string,
  weekday: number,
): { date: IsoDate; reason: string; visitsSoFar: number } {
  const visits = monitoringSince(pathway, activities, laCode, 'monitoring-visit')
  const previous = visits.at(-1)
  const onWeekday = (date: IsoDate) => addDays(date, (weekday - dayOfWeek(date) + 7) % 7)
  if (!previous) {
    const by = afterInadequate(pathway.latest.published).firstMonitoringVisitBy
    // "Within four weeks": the last such weekday on or before the limit.
    const date = addDays(onWeekday(by), onWeekday(by) > by ? -7 : 0)
    return {
      date,
      reason: `The first visit is usually within four weeks of the action plan deadline, by ${formatLongDate(by)} (001#23, 002#128)`,
      visitsSoFar: 0,
    }
  }
  const quarter = addMonths(previous.fieldwork.onsiteStart, 3)
  return {
    date: onWeekday(quarter),
    reason: `Visits are quarterly: a quarter after the previous visit on ${formatLongDate(previous.fieldwork.onsiteStart)} (${previous.reference}) (001#23, 002#128)`,
    visitsSoFar: visits.length,
  }
}

const error = (rule: PlanningCheck['rule'], citation: string, message: string): PlanningCheck => ({
  rule,
  citation,
  severity: 'error',
  message,
})
const warning = (rule: PlanningCheck['rule'], citation: string, message: string): PlanningCheck => ({
  rule,
  citation,
  severity: 'warning',
  message,
})

/** M4, M6, M7: the checks on a proposed monitoring visit or post-monitoring inspection (none for other types). */
export function checkMonitoringProposal(
  proposal: { laCode: string; laName: string; type: ProgrammedActivity['type']; onsiteStart: IsoDate },
  pathway: PathwayStatus | undefined,
  activities: readonly ProgrammedActivity[],
): PlanningCheck[] {
  if (proposal.type !== 'monitoring-visit' && proposal.type !== 'post-monitoring-inspection') return []
  const what = proposal.type === 'monitoring-visit' ? 'Monitoring visits' : 'A post-monitoring inspection'
  if (!pathway || pathway.pathway !== 3)
    return [
      error(
        'M4',
        '002#22, #112; 001#5',
        `${what} follow an inadequate judgement; ${proposal.laName}'s latest judgement is ${pathway ? `not inadequate (pathway ${pathway.pathway})` : 'not recorded'}`,
      ),
    ]
  const visits = monitoringSince(pathway, activities, proposal.laCode, 'monitoring-visit')
  const held = visits.filter((visit) => visit.fieldwork.onsiteStart < proposal.onsiteStart)
  if (proposal.type === 'post-monitoring-inspection') {
    const checks: PlanningCheck[] = []
    if (pathway.latest.framework !== 'sif')
      checks.push(
        warning(
          'M7',
          '001#48, #51; 002#22 fn4',
          `${proposal.laName} was judged inadequate under ILACS: a post-monitoring single inspection re-inspects under the single inspection framework; an ILACS re-inspection is a standard inspection`,
        ),
      )
    if (held.length < MONITORING_VISITS.minimum)
      checks.push(
        warning(
          'M6',
          '001#49',
          `Only ${held.length} monitoring ${held.length === 1 ? 'visit is' : 'visits are'} planned before ${formatDate(proposal.onsiteStart)}; a re-inspection usually follows at least ${MONITORING_VISITS.minimum}`,
        ),
      )
    return checks
  }
  const checks: PlanningCheck[] = []
  const previous = held.at(-1)
  if (previous) {
    const early = addMonths(previous.fieldwork.onsiteStart, 2)
    const late = addMonths(previous.fieldwork.onsiteStart, 4)
    if (proposal.onsiteStart < early || proposal.onsiteStart > late)
      checks.push(
        warning(
          'M4',
          '001#23, 002#128',
          `Monitoring visits are quarterly: the previous visit, ${previous.reference}, starts ${formatLongDate(previous.fieldwork.onsiteStart)}; a quarter after it is about ${formatLongDate(addMonths(previous.fieldwork.onsiteStart, 3))}`,
        ),
      )
  }
  if (held.length >= MONITORING_VISITS.maximum)
    checks.push(
      warning(
        'M4',
        '002#22, #128',
        `This would be visit ${held.length + 1}: there are usually between ${MONITORING_VISITS.minimum} and ${MONITORING_VISITS.maximum} monitoring visits before a re-inspection`,
      ),
    )
  return checks
}
