import type { Roster } from '../../auth/people.js'
import type { Role } from '../../auth/roles.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import type { ActivitiesService, ActivitySummary } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import { londonIsoDate } from '../../clock.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { lateStepTitle, reportSteps, type ReportStepOwner } from './dashboard.js'
import { reportPaths } from './paths.js'
import { lateSteps, type MilestoneProgress } from './progress.js'
import type { Report } from './types.js'
import type { ReportsService } from './service.js'
import { documentWord, reportKindFor } from './workflow.js'

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
 * Publication on Ofsted's website (002#216: day 21, or 16 for a visit): the lead inspector owns it
 * (MILESTONE_OWNERS), setting its date and time as the final copy goes under embargo; the job
 * publishes it then. A reminder until it is set for its day, saying so when the embargo lifts after.
 */
function publicationReminder(report: Report | undefined, progress: readonly MilestoneProgress[]) {
  const published = progress.find((step) => step.key === 'report.published')
  if (!published || published.actual) return undefined
  const lifts = report?.step === 'embargoed' && report.embargoUntil ? londonIsoDate(report.embargoUntil) : undefined
  if (lifts && lifts <= published.deadline) return undefined
  return { due: published.deadline, after: lifts && `under embargo until ${formatLongDate(lifts)}, after its day` }
}

/**
 * The reports' deadlines for the reminder job (issue 13): the step each report waits for, to
 * whoever owes it, due on its 002#216 date: the same steps as each person's home page; its
 * publication to the lead; and each step gone late, once, to the lead and the QA manager, as their
 * home pages flag it.
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
      const report = byActivity.get(activity.id)
      const word = documentWord(reportKindFor(activity.type)!)
      const page = reportPaths.report.build({ activityId: activity.id })
      const lead = ownersOf('lead-inspector', summary, people)
      const publication = publicationReminder(report, progress)
      if (publication)
        due.push(
          ...remindEach(lead, {
            kind: 'report-publication',
            recordId: `${activity.id}:published`,
            due: publication.due,
            what: `Publication of the ${word}: ${activityTitle(activity)}${publication.after ? ` (${publication.after})` : ''}`,
            path: page,
          }),
        )
      for (const late of lateSteps(progress).filter((step) => step.timeliness === 'overdue'))
        due.push(
          ...remindEach([...lead, ...ownersOf('qa-manager', summary, people)], {
            kind: 'report-late',
            recordId: `${activity.id}:${late.key}`,
            due: late.deadline,
            what: lateStepTitle(late, activity),
            path: page,
          }),
        )
    }
    return due
  }
}
