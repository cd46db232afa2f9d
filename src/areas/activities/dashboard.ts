import { can, canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { Clock } from '../../clock.js'
import { addDays } from '../../rules/calendar/dates.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { urgencyOf } from '../home/index.js'
import { activityPaths } from './paths.js'
import { activityTitle } from './presenters.js'
import { activitySteps } from './reminders.js'
import type { ActivitiesService } from './service.js'

const HORIZON_DAYS = 14

/**
 * The activities' part of each person's home page: for a lead inspector the notice call due
 * (002#73) and fieldwork starting; for directors, planned activities still without a lead; for
 * LA staff, fieldwork starting at their LA once notice is given.
 */
export function activitiesDashboard(activities: ActivitiesService, clock: Clock): DashboardProvider {
  return async (principal) => {
    if (!can(principal, 'activity.view')) return []
    const today = clock.today()
    const horizon = addDays(today, HORIZON_DAYS)
    const kind = ROLE_INFO[principal.role].kind
    const items: DashboardItem[] = []
    const mine =
      kind === 'ofsted'
        ? await activities.list(principal, {
            teamUserId: principal.id,
            statuses: ['planned', 'notified', 'on-site', 'judgements-agreed'],
          })
        : []
    for (const summary of mine) {
      const { activity, milestones, team } = summary
      const href = activityPaths.show.build({ activityId: activity.id })
      const isLead = team.some((member) => member.userId === principal.id && member.teamRole === 'lead-inspector')
      // The lead's steps, as the reminder job sends them (activitySteps); the judgements only once their day comes.
      for (const step of isLead ? activitySteps(summary) : []) {
        if (step.owner !== 'lead-inspector' || (step.key === 'onsite.end' && step.due > today)) continue
        const urgency = urgencyOf(step.due, today, horizon)
        if (urgency)
          items.push({
            urgency,
            title: step.what,
            href: step.path,
            due: step.due,
            detail: step.detail,
            rule: step.rule,
            citation: step.citation,
          })
      }
      const start = milestones.find((m) => m.key === 'onsite.start')
      if (start && (activity.status === 'notified' || activity.status === 'planned')) {
        const urgency = urgencyOf(start.date, today, horizon)
        if (urgency)
          items.push({
            urgency,
            title: `Fieldwork starts: ${activityTitle(activity)}`,
            href,
            due: start.date,
            rule: start.rule,
            citation: start.citation,
          })
      }
    }
    if (can(principal, 'activity.plan')) {
      const planned = await activities.list(principal, { statuses: ['planned'], to: addDays(today, 42) })
      for (const { activity, milestones, team } of planned) {
        if (!canOn(principal, 'activity.plan', { laCode: activity.laCode, regionCode: activity.regionCode })) continue
        if (team.some((member) => member.teamRole === 'lead-inspector')) continue
        const notice = milestones.find((m) => m.key === 'notice')
        items.push({
          urgency: notice && notice.date <= today ? 'overdue' : 'soon',
          title: `Choose a lead inspector: ${activityTitle(activity)}`,
          href: activityPaths.team.build({ activityId: activity.id }),
          due: notice?.date,
          detail: 'Notice cannot be given without one',
        })
      }
    }
    if (principal.role === 'inspection-support') {
      // Inspection support arranges inspections and their notice (roles.ts): every notice due in the
      // next two weeks, and every fieldwork about to start, whoever leads it (issue 10).
      const coming = await activities.list(principal, { statuses: ['planned', 'notified'], to: addDays(horizon, 7) })
      for (const { activity, milestones } of coming) {
        const notice = milestones.find((m) => m.key === 'notice')
        const start = milestones.find((m) => m.key === 'onsite.start')
        const due = activity.status === 'planned' ? notice : start
        const urgency = due ? urgencyOf(due.date, today, horizon) : undefined
        if (!due || !urgency) continue
        items.push({
          urgency,
          title:
            activity.status === 'planned'
              ? `Arrange notice: ${activityTitle(activity)}`
              : `Arrange fieldwork: ${activityTitle(activity)}`,
          href: activityPaths.show.build({ activityId: activity.id }),
          due: due.date,
          detail:
            activity.status === 'planned'
              ? 'The lead telephones the DCS by 9.30am; the LA’s contacts and the Annex A request follow'
              : 'Rooms, access and the team’s travel for the first day on site',
          rule: due.rule,
          citation: due.citation,
        })
      }
    }
    if (kind === 'la') {
      for (const { activity, milestones } of await activities.list(principal, { statuses: ['notified'] })) {
        const start = milestones.find((m) => m.key === 'onsite.start')
        const urgency = start ? urgencyOf(start.date, today, horizon) : undefined
        if (start && urgency)
          items.push({
            urgency: urgency === 'overdue' ? 'today' : urgency,
            title: `Inspectors on site: ${activityTitle(activity)}`,
            href: activityPaths.show.build({ activityId: activity.id }),
            due: start.date,
            rule: start.rule,
            citation: start.citation,
          })
      }
    }
    return items
  }
}
