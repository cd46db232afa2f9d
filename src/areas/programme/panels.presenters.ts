import { can } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { escapeHtml } from '../../web/html.js'
import {
  type ActivitiesService,
  type ActivityChecksProvider,
  activityPaths,
  activityTitle,
  STATUS_LABELS,
  STATUS_TAGS,
} from '../activities/index.js'
import type { LaActivitiesProvider } from '../register/index.js'
import { checksList } from './presenters.js'
import type { ProgrammeService } from './service.js'

/**
 * The planner's rule checks of an activity, for its page (issue 10: Kent's standard inspection
 * contradicted its own pathway and only a hidden column of the programme said so). For those who
 * may see the programme; others see no planning checks.
 */
export function programmeActivityChecks(programme: ProgrammeService): ActivityChecksProvider {
  return async (activity, principal) => {
    if (!can(principal, 'programme.view')) return undefined
    const checks = (await programme.checksOf(principal, [activity.id])).get(activity.id) ?? []
    const errors = checks.filter((check) => check.severity === 'error').length
    return { errors, warnings: checks.length - errors, html: checksList(checks) }
  }
}

const COMING = ['planned', 'notified', 'on-site', 'judgements-agreed', 'report-stage', 'deferred'] as const

/**
 * An LA's coming and current inspections and visits for its register page: what the person may
 * see of them (an LA sees its own once notice is given, 002#73), with the planner's checks for
 * those who plan.
 */
export function programmeLaActivities(
  activities: ActivitiesService,
  programme: ProgrammeService,
  clock: Clock,
): LaActivitiesProvider {
  return async (principal, laCode) => {
    if (!can(principal, 'activity.view')) return []
    const listed = await activities.list(principal, { laCodes: [laCode], statuses: [...COMING] })
    const today = clock.today()
    const shown = listed.filter(({ activity, milestones }) => {
      const end = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
      return end >= today || activity.status !== 'deferred'
    })
    const checks = can(principal, 'programme.view')
      ? await programme.checksOf(
          principal,
          shown.map(({ activity }) => activity.id),
        )
      : new Map()
    return shown.map(({ activity, milestones }) => {
      const end = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
      const found = checks.get(activity.id) ?? []
      return {
        title: activityTitle(activity),
        href: activityPaths.show.build({ activityId: activity.id }),
        statusHtml: `<strong class="govuk-tag ${STATUS_TAGS[activity.status]}">${escapeHtml(STATUS_LABELS[activity.status])}</strong>`,
        onsite:
          end === activity.onsiteStart ? formatDate(end) : `${formatDate(activity.onsiteStart)} to ${formatDate(end)}`,
        checksHtml: found.length > 0 ? checksList(found) : undefined,
        checkCount: found.length,
      }
    })
  }
}
