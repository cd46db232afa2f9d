import type { Roster } from '../../auth/people.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import { activityPaths } from './paths.js'
import { activityTitle } from './presenters.js'
import type { ActivitiesService } from './service.js'
import type { ActivitySummary } from './types.js'

/**
 * The steps of an activity's timeline that fall to a person, and who owes each (issue 13): the
 * lead inspector gives notice (002#73), names the audited cases before a monitoring visit
 * (002#131) and agrees the findings and judgements at the end of the inspection (002#193); the LA
 * shares the audits of the named cases (002#131). Annex A is the Annex A area's; the report the reports area's.
 */
export function activitySteps({ activity, milestones }: ActivitySummary): ActivityStep[] {
  const steps: ActivityStep[] = []
  const show = activityPaths.show.build({ activityId: activity.id })
  const add = (key: string, owner: ActivityStep['owner'], what: string, path = show, detail?: string) => {
    const milestone = milestones.find((item) => item.key === key)
    if (milestone)
      steps.push({
        key,
        owner,
        what: `${what}: ${activityTitle(activity)}`,
        due: milestone.date,
        path,
        detail,
        rule: milestone.rule,
        citation: milestone.citation,
      })
  }
  if (activity.status === 'planned')
    add(
      'notice',
      'lead-inspector',
      'Give notice',
      activityPaths.notice.build({ activityId: activity.id }),
      'Telephone the DCS by 9.30am, then send the Annex A request',
    )
  if (activity.status === 'notified' && activity.type === 'monitoring-visit') {
    add('audited-cases.named', 'lead-inspector', 'Name the audited cases the LA shares')
    add('audits.latest', 'la', 'Share the completed audits of the named cases')
  }
  if (activity.status === 'on-site') add('onsite.end', 'lead-inspector', 'Agree judgements and give feedback')
  return steps
}

/** A step of an activity's timeline someone owes, with the rule that dates it. */
export interface ActivityStep {
  readonly key: string
  readonly owner: 'lead-inspector' | 'la'
  readonly what: string
  readonly due: string
  readonly path: string
  readonly detail?: string | undefined
  readonly rule: string
  readonly citation: string
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
