import { can } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { Clock } from '../../clock.js'
import type { ActivitiesService } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { urgencyOf } from '../home/index.js'
import { judgementPaths } from './paths.js'
import type { JudgementsService } from './service.js'

/**
 * The judgements area's part of the home page: for the QA manager and senior HMI on a team, and
 * the regional director of its region, judgements confirmed with problems the S6 checks flagged
 * (they await quality assurance and moderation, 000#6); for the lead inspector, the feedback
 * meeting still to record once the judgements are agreed (002#197).
 */
export function judgementsDashboard(
  judgements: JudgementsService,
  activities: ActivitiesService,
  clock: Clock,
): DashboardProvider {
  return async (principal) => {
    if (!can(principal, 'judgements.view') || ROLE_INFO[principal.role].kind !== 'ofsted') return []
    const today = clock.today()
    const statuses = ['on-site', 'judgements-agreed', 'report-stage'] as const
    const mine = await activities.list(principal, { teamUserId: principal.id, statuses: [...statuses] })
    const regional =
      principal.role === 'regional-director' && principal.regionCode
        ? await activities.list(principal, { regionCode: principal.regionCode, statuses: [...statuses] })
        : []
    const seen = new Set<string>()
    const all = [...mine, ...regional].filter(({ activity }) => !seen.has(activity.id) && seen.add(activity.id))
    // Every activity's confirmation and feedback read together: one query each, not one an activity.
    const ids = all.map(({ activity }) => activity.id)
    const [confirmations, withFeedback] = await Promise.all([
      judgements.confirmations(ids),
      judgements.feedbackRecorded(ids),
    ])
    const items: DashboardItem[] = []
    for (const { activity, milestones, team } of all) {
      const role = team.find((member) => member.userId === principal.id)?.teamRole
      const confirmation = confirmations.get(activity.id)
      const reviews = role === 'qa-manager' || role === 'senior-hmi' || principal.role === 'regional-director'
      const flagged = confirmation?.checks.problems.length ?? 0
      if (reviews && flagged > 0) {
        items.push({
          urgency: 'today',
          title: `Review judgements confirmed with ${flagged} flagged problem${flagged === 1 ? '' : 's'}: ${activityTitle(activity)}`,
          href: judgementPaths.overview.build({ activityId: activity.id }),
          detail: confirmation?.reason ? `Reason given: ${confirmation.reason}` : undefined,
          rule: 'S6',
          citation: '002#99-101, #241',
        })
      }
      if (role === 'lead-inspector' && activity.status === 'judgements-agreed' && !withFeedback.has(activity.id)) {
        const due = milestones.find((m) => m.key === 'feedback')
        items.push({
          urgency: due ? (urgencyOf(due.date, today, '9999-12-31') ?? 'soon') : 'today',
          title: `Record the feedback meeting: ${activityTitle(activity)}`,
          href: judgementPaths.feedback.build({ activityId: activity.id }),
          due: due?.date,
          rule: 'E5',
          citation: '002#197-201',
        })
      }
    }
    return items
  }
}
