import { hasCalendarToken, issueCalendarToken, userForCalendarToken } from '../../notify/calendar-feeds.js'
import type { CalendarItem } from '../../notify/ical.js'
import { TYPE_LABELS } from './activity-types.js'
import type { ActivitiesDeps, ActivityRecords } from './records.js'
import { listActivities } from './repository.js'
import { milestonesOf } from './timeline.repository.js'

/** Inspectors' calendars: one activity's dates, or a personal feed of every activity they are on. */
export function calendarService({ db, people }: ActivitiesDeps, records: ActivityRecords) {
  return {
    /** Calendar items for one activity, or for every activity the user is on the team of. */
    async calendarItems(filter: { activityId: string } | { userId: string }): Promise<CalendarItem[]> {
      const activities =
        'activityId' in filter
          ? [await records.load(filter.activityId)]
          : await records.withLas(
              (await listActivities(db, { teamUserId: filter.userId })).filter(
                (activity) => activity.status !== 'cancelled',
              ),
            )
      const milestones = await milestonesOf(
        db,
        activities.map((a) => a.id),
      )
      return activities.map((a) => ({
        activityId: a.id,
        reference: a.reference,
        title: `${TYPE_LABELS[a.type]} of ${a.laName}`,
        milestones: milestones.filter((m) => m.activityId === a.id),
      }))
    },
    issueCalendarToken: (userId: string) => issueCalendarToken(db, userId),
    /** The active account a feed token belongs to (a disabled account's feed stops). */
    async calendarUser(token: string): Promise<string | undefined> {
      const userId = await userForCalendarToken(db, token)
      return userId && (await people.find(userId))?.active ? userId : undefined
    },
    hasCalendarToken: (userId: string) => hasCalendarToken(db, userId),
  }
}
