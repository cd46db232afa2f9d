import type { FastifyReply } from 'fastify'
import type { FormState } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityParams, monitoringChildForm } from './forms.js'
import { activityPaths } from './paths.js'
import { activityTitle } from './presenters.js'
import type { ActivitiesService } from './service.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/**
 * The children looked at on a monitoring visit (001#33-37, 002#134-137), by the LA's own IDs so
 * later visits can cross-refer to them, with any cause for concern and who at the LA was told.
 * Inspectors' records: the team that runs the visit (activity.manage), not the LA.
 */
export function monitoringRoutes({ activities }: { activities: ActivitiesService }): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)

  async function childrenPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const activity = await activities.load(activityId)
    const children =
      activity.type === 'monitoring-visit'
        ? await activities.monitoringChildren(request.principal, activityId, { requestId: request.id })
        : []
    return reply.page('activities/children.njk', {
      activity,
      title: activityTitle(activity),
      isMonitoring: activity.type === 'monitoring-visit',
      rows: children.map((child) => [
        { text: child.childId },
        { text: child.method === 'tracked' ? 'Tracked' : 'Sampled' },
        { text: child.earlier.length > 0 ? `Yes: ${child.earlier.join(', ')}` : 'No' },
        { text: child.concern ? `${child.concern} (told: ${child.concernTold ?? 'not recorded'})` : 'None' },
      ]),
      values: state?.values ?? {},
      errors: state?.errors ?? {},
      errorList: formErrorList(monitoringChildForm, state),
      // Both routes ask for activity.manage, so whoever sees the page may add a child.
      formAction: activity.type === 'monitoring-visit' ? activityPaths.children.build({ activityId }) : undefined,
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: activityPaths.children.pattern,
      permission: 'activity.manage',
      params: activityParams,
      target,
      handler: childrenPage,
    }),
    route({
      method: 'POST',
      url: activityPaths.children.pattern,
      permission: 'activity.manage',
      params: activityParams,
      target,
      form: monitoringChildForm,
      page: childrenPage,
      submit: async (request, input) => {
        await activities.addMonitoringChild(request.principal, request.params.activityId, input, {
          requestId: request.id,
        })
        return activityPaths.children.build(request.params)
      },
    }),
  ]
}
