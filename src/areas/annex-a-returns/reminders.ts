import type { Roster } from '../../auth/people.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import { type ActivitiesService, activityTitle } from '../activities/index.js'
import { annexAPaths } from './paths.js'
import type { AnnexAReturnsService } from './service.js'
import { annexAPartsOf } from './tasks.js'

/**
 * Annex A's deadlines for the reminder job (issue 13): each part the LA has not sent, to its DCS
 * and link person, while fieldwork lasts (after it nothing more is asked for, issue 10). The same
 * parts as the LA's home page.
 */
export function annexAReminders(
  annexA: AnnexAReturnsService,
  activities: Pick<ActivitiesService, 'listAll'>,
  roster: () => Promise<Roster>,
) {
  return async function reminders(today: string): Promise<DueReminder[]> {
    const open = await activities.listAll({ statuses: ['notified', 'on-site'] })
    const people = await roster()
    const due: DueReminder[] = []
    const parts = await annexAPartsOf(
      annexA,
      open.map(({ activity }) => activity.id),
    )
    for (const { activity, milestones } of open) {
      const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
      if (today > onsiteEnd) continue
      for (const part of parts.get(activity.id) ?? []) {
        const milestone = milestones.find((m) => m.key === part.key)
        if (!milestone || part.done) continue
        due.push(
          ...remindEach(people.at(activity, ['la-dcs', 'la-link']), {
            kind: 'la-information',
            recordId: `${activity.id}:${part.key}`,
            due: milestone.date,
            what: `${part.what}: ${activityTitle(activity)}`,
            path: annexAPaths.overview.build({ activityId: activity.id }),
          }),
        )
      }
    }
    return due
  }
}
