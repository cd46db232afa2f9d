import { can, type Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { addDays, formatDate } from '../../rules/calendar/dates.js'
import { activityPaths, TYPE_LABELS } from '../activities/index.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { overdueLas, plannedJudgementInspection } from './plan-model.js'
import { proposeHref } from './presenters.js'
import { isPlannerCheck } from './planner-checks.js'
import type { ProgrammeService } from './service.js'

/**
 * Decision: a due window closing within 13 weeks with no judgement inspection planned needs the
 * director now: a standard inspection is planned weeks ahead (notice, team, Annex A).
 */
const CLOSING_HORIZON_DAYS = 91

/**
 * The programme's part of a director's home page: overdue LAs with nothing planned (P3, P4),
 * due windows closing soon with nothing planned, and coming activities that now fail a rule
 * check (an inspector's new leave, a clash).
 */
export function programmeDashboard(programme: ProgrammeService, clock: Clock): DashboardProvider {
  return async (principal: Principal) => {
    if (!can(principal, 'programme.propose')) return []
    const today = clock.today()
    const { las, activities } = await programme.programme(principal, {})
    const items: DashboardItem[] = []
    for (const { la, planned } of overdueLas(las, activities)) {
      if (planned) continue
      const overdue = la.pathway!.overdue[0]!
      items.push({
        urgency: 'overdue',
        title: `Plan the ${overdue.what}: ${la.name}`,
        href: proposeHref(
          la.laCode,
          la.pathway!.next.type === 'short-inspection' ? 'short-inspection' : 'standard-inspection',
        ),
        due: overdue.due,
        detail: `Due by ${formatDate(overdue.due)}; nothing is planned`,
        rule: overdue.rule,
        citation: overdue.citation,
      })
    }
    const horizon = addDays(today, CLOSING_HORIZON_DAYS)
    for (const la of las) {
      const next = la.pathway?.next
      if (!next || next.to < today || next.to > horizon || plannedJudgementInspection(la, activities)) continue
      items.push({
        urgency: 'soon',
        title: `Due window closes: ${la.name}`,
        href: proposeHref(la.laCode, next.type === 'short-inspection' ? 'short-inspection' : 'standard-inspection'),
        due: next.to,
        detail: `No judgement inspection is planned before ${formatDate(next.to)}`,
        rule: next.rule,
        citation: next.citation,
      })
    }
    for (const activity of activities) {
      const error = activity.checks.find((check) => check.severity === 'error')
      if (!error) continue
      // The home page links rules to the rulebook; the planner's own checks are named in the text.
      const core = !isPlannerCheck(error.rule)
      items.push({
        urgency: 'soon',
        title: `Rule check fails: ${TYPE_LABELS[activity.type]} of ${activity.laName}`,
        href: activityPaths.show.build({ activityId: activity.id }),
        due: activity.fieldwork.onsiteStart,
        detail: core ? error.message : `${error.message} (${error.rule})`,
        ...(core ? { rule: error.rule, citation: error.citation } : {}),
      })
    }
    return items
  }
}
