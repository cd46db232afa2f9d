import type { Roster } from '../../auth/people.js'
import type { Role } from '../../auth/roles.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import type { ActivitiesService, ActivitySummary } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import { reportSteps, type ReportStepOwner } from './dashboard.js'
import type { ReportsService } from './service.js'
import { reportKindFor } from './workflow.js'

const DIRECTORS: Partial<Record<ReportStepOwner, readonly Role[]>> = {
  'regional-director': ['regional-director'],
  'national-director': ['national-director'],
  la: ['la-dcs', 'la-link'],
}

/** Who owes a report step: the team member in that part, the region's or national director, or the LA's DCS and link person. */
function ownersOf(owner: ReportStepOwner, { activity, team }: ActivitySummary, people: Roster) {
  if (owner === 'lead-inspector' || owner === 'qa-manager')
    return team
      .filter((member) => member.teamRole === owner)
      .map((member) => ({ id: member.userId, email: member.email }))
  return people.at(activity, DIRECTORS[owner] ?? [])
}

/**
 * The reports' deadlines for the reminder job (issue 13): the step each report waits for, to
 * whoever owes it, due on its 002#216 date: the same steps as each person's home page.
 */
export function reportReminders(
  reports: ReportsService,
  activities: Pick<ActivitiesService, 'listAll'>,
  roster: () => Promise<Roster>,
) {
  return async function reminders(today: string): Promise<DueReminder[]> {
    const open = (await activities.listAll({ statuses: ['report-stage'] })).filter(({ activity }) =>
      reportKindFor(activity.type),
    )
    const [byActivity, people] = await Promise.all([reports.read.of(open.map(({ activity }) => activity.id)), roster()])
    const due: DueReminder[] = []
    for (const summary of open) {
      const { activity } = summary
      const progress = await reports.read.progress(activity)
      for (const step of reportSteps(activity, byActivity.get(activity.id), progress, today)) {
        if (!step.due) continue
        due.push(
          ...remindEach(ownersOf(step.owner, summary, people), {
            kind: 'report-step',
            // The step's title names it: a new step of the same report is a new reminder.
            recordId: `${activity.id}:${step.owner}:${step.title}`,
            due: step.due,
            what: `${step.title}: ${activityTitle(activity)}`,
            path: step.href,
          }),
        )
      }
    }
    return due
  }
}
