import { NotFoundError } from '../../errors.js'
import { activitiesCalendar } from '../../notify/ical.js'
import { contentDisposition } from '../../web/downloads.js'
import { route, type RouteSpec } from '../../web/routing.js'
import { activityParams, feedParams } from './forms.js'
import { activityPaths } from './paths.js'
import type { ActivitiesService } from './service.js'

/** Inspectors' calendars: one activity's dates as a file, and a personal feed calendar apps subscribe to. */
export function calendarRoutes({
  activities,
  baseUrl,
}: {
  activities: ActivitiesService
  baseUrl: string
}): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: activityPaths.calendar.pattern,
      permission: 'activity.view',
      params: activityParams,
      target: (request) => activities.target(request.params.activityId),
      handler: async (request, reply) => {
        const items = await activities.calendarItems({ activityId: request.params.activityId })
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', contentDisposition(`${items[0]?.reference ?? 'activity'}.ics`))
          .send(activitiesCalendar(items[0]?.title ?? 'Activity', items, baseUrl))
      },
    }),
    route({
      method: 'GET',
      url: activityPaths.feedSettings.pattern,
      permission: 'activity.view',
      handler: async (request, reply) =>
        reply.page('activities/calendar-feed.njk', {
          hasFeed: await activities.hasCalendarToken(request.principal.id),
          feedUrl: undefined,
        }),
    }),
    route({
      method: 'POST',
      url: activityPaths.feedSettings.pattern,
      permission: 'activity.view',
      // The new address is shown once, on this response: it is never stored in the clear.
      handler: async (request, reply) => {
        const token = await activities.issueCalendarToken(request.principal.id)
        return reply.page('activities/calendar-feed.njk', {
          hasFeed: true,
          feedUrl: `${baseUrl}${activityPaths.feed.build({ token })}`,
        })
      },
    }),
    route({
      method: 'GET',
      url: activityPaths.feed.pattern,
      // The secret token in the URL stands in for a session: calendar apps cannot sign in.
      permission: 'public',
      params: feedParams,
      options: { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      handler: async (request, reply) => {
        const userId = await activities.calendarUser(request.params.token.replace(/\.ics$/, ''))
        if (!userId) throw new NotFoundError()
        const items = await activities.calendarItems({ userId })
        return reply
          .type('text/calendar; charset=utf-8')
          .send(activitiesCalendar('My inspections and visits', items, baseUrl))
      },
    }),
  ]
}
