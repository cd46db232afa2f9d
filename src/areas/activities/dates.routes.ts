import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { BANK_HOLIDAY_SOURCE } from '../../rules/calendar/bank-holidays.js'
import { requiredOnsiteWeekday } from '../../rules/timelines/index.js'
import { dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import type { ActivityRouteDeps } from './activity.routes.js'
import { activityParams, onsiteForm, replanForm } from './forms.js'
import { activityPaths } from './paths.js'
import { activityTitle, milestoneRows, statusTag, timelineItems, WEEKDAY_NAMES } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** The activity's dates: its timeline, where the first day on site is moved, and re-planning a deferred one. */
export function activityDateRoutes({ activities, clock, actuals }: ActivityRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const params = activityParams
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function timelinePage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const { activity } = details
    const policyTarget = (await activities.target(activityId))!
    const values = state?.values ?? {}
    const done = actuals ? await actuals(activity) : new Map()
    return reply.page('activities/timeline.njk', {
      activity,
      title: activityTitle(activity),
      bankHolidaySource: BANK_HOLIDAY_SOURCE,
      items: timelineItems(details.milestones, clock.today(), done),
      rows: milestoneRows(details.milestones, done),
      flags: details.flags,
      dateChanges: details.dateChanges,
      canPlan:
        canOn(request.principal, 'activity.plan', policyTarget) && ['planned', 'notified'].includes(activity.status),
      // A deferred activity gets new dates by being re-planned, which plans it again.
      replanHref:
        canOn(request.principal, 'activity.plan', policyTarget) && activity.status === 'deferred'
          ? activityPaths.replan.build({ activityId })
          : undefined,
      onsiteItems: dateInputItems(
        'onsiteStart',
        dateFieldOf(values, 'onsiteStart'),
        Boolean(state?.errors.onsiteStart),
      ),
      reason: valueOf(values, 'reason'),
      errors: state?.errors ?? {},
      errorList: formErrorList(onsiteForm, state),
      weekday: WEEKDAY_NAMES[requiredOnsiteWeekday(activity.type, activity.variant ?? 'tue-wed') ?? 1],
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function replanPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const { activity } = await activities.details(activityId)
    const policyTarget = (await activities.target(activityId))!
    const open =
      canOn(request.principal, 'activity.plan', policyTarget) &&
      (activity.status === 'deferred' || activity.status === 'planned')
    const values = state?.values ?? {}
    return reply.page('activities/replan.njk', {
      activity,
      title: activityTitle(activity),
      statusTag: statusTag(activity.status),
      statusReason: activity.statusReason,
      onsiteItems: dateInputItems(
        'onsiteStart',
        dateFieldOf(values, 'onsiteStart'),
        Boolean(state?.errors.onsiteStart),
      ),
      reason: valueOf(values, 'reason'),
      weekday: WEEKDAY_NAMES[requiredOnsiteWeekday(activity.type, activity.variant ?? 'tue-wed') ?? 1],
      errors: state?.errors ?? {},
      errorList: formErrorList(replanForm, state),
      formAction: open ? activityPaths.replan.build({ activityId }) : undefined,
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: activityPaths.replan.pattern,
      permission: 'activity.plan',
      params,
      target,
      handler: replanPage,
    }),
    route({
      method: 'POST',
      url: activityPaths.replan.pattern,
      permission: 'activity.plan',
      params,
      target,
      form: replanForm,
      page: replanPage,
      submit: async (request, input) => {
        await activities.replan(request.principal, request.params.activityId, input, context(request))
        return activityPaths.show.build(request.params)
      },
    }),
    route({
      method: 'GET',
      url: activityPaths.timeline.pattern,
      permission: 'activity.view',
      params,
      target,
      handler: timelinePage,
    }),
    route({
      method: 'POST',
      url: activityPaths.timeline.pattern,
      permission: 'activity.plan',
      params,
      target,
      form: onsiteForm,
      page: timelinePage,
      submit: async (request, input) => {
        await activities.changeOnsite(request.principal, request.params.activityId, input, context(request))
        return activityPaths.timeline.build(request.params)
      },
    }),
  ]
}
