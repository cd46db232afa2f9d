import type { Roster } from '../../auth/people.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import { activityPaths } from './paths.js'
import { activityTitle } from './presenters.js'
import type { ActivitiesService } from './service.js'
import type { ActivitySummary } from './types.js'

/**
 * The steps of an activity's timeline that fall to a person, and who owes each (issue 13): the
 * lead inspector gives notice (002#73), names the audited cases before a monitoring visit
 * (002#130) and agrees the judgements on the last day on site (002#185); the LA shares the audits
 * of the named cases (002#131). Annex A is the Annex A area's; the report the reports area's.
 */
export function activitySteps({ activity, milestones }: ActivitySummary) {
  const at = (key: string) => milestones.find((milestone) => milestone.key === key)
  const steps: Array<{ key: string; owner: 'lead-inspector' | 'la'; what: string; due: string; path: string }> = []
  const show = activityPaths.show.build({ activityId: activity.id })
  const add = (key: string, owner: 'lead-inspector' | 'la', what: string, path = show) => {
    const milestone = at(key)
    if (milestone) steps.push({ key, owner, what: `${what}: ${activityTitle(activity)}`, due: milestone.date, path })
  }
  if (activity.status === 'planned')
    add('notice', 'lead-inspector', 'Give notice', activityPaths.notice.build({ activityId: activity.id }))
  if (activity.status === 'notified' && activity.type === 'monitoring-visit') {
    add('audited-cases.named', 'lead-inspector', 'Name the audited cases the LA shares')
    add('audits.latest', 'la', 'Share the completed audits of the named cases')
  }
  if (activity.status === 'on-site') add('onsite.end', 'lead-inspector', 'Agree the judgements and give feedback')
  return steps
}

/** The activities' deadlines for the reminder job: each step to the lead inspector, or to the LA's DCS and link person. */
export function activityReminders(activities: Pick<ActivitiesService, 'listAll'>, roster: () => Promise<Roster>) {
  return async function reminders(): Promise<DueReminder[]> {
    const open = await activities.listAll({ statuses: ['planned', 'notified', 'on-site'] })
    const people = await roster()
    return open.flatMap((summary) =>
      activitySteps(summary).flatMap((step) =>
        remindEach(
          step.owner === 'la'
            ? people.at(summary.activity, ['la-dcs', 'la-link'])
            : summary.team
                .filter((member) => member.teamRole === 'lead-inspector')
                .map((member) => ({ id: member.userId, email: member.email })),
          {
            kind: step.owner === 'la' ? 'la-information' : 'inspection-step',
            recordId: `${summary.activity.id}:${step.key}`,
            due: step.due,
            what: step.what,
            path: step.path,
          },
        ),
      ),
    )
  }
}
