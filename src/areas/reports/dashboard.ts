import { ROLE_INFO } from '../../auth/roles.js'
import type { Clock } from '../../clock.js'
import { addDays, formatDate } from '../../rules/calendar/dates.js'
import { type ActivitiesService, type Activity, activityTitle } from '../activities/index.js'
import { type DashboardItem, type DashboardProvider, urgencyOf } from '../home/index.js'
import { registerPaths } from '../register/index.js'
import { reportPaths } from './paths.js'
import { lateSteps, MILESTONE_OWNERS, type MilestoneProgress } from './progress.js'
import type { ReportsService } from './service.js'
import type { Report } from './types.js'
import { documentWord, reportKindFor } from './workflow.js'

const HORIZON_DAYS = 14
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
})

/**
 * The report's part of each person's home page (issue 11): each step's owner sees it, due on its
 * statutory date, and a step gone late is flagged to its owner and the QA manager. The lead
 * inspector starts, writes, sends and answers; the QA manager and the directors review; the LA's
 * DCS and link person check the draft; a DfE case lead hears of an inadequate judgement.
 */
export function reportsDashboard(
  reports: ReportsService,
  activities: ActivitiesService,
  clock: Clock,
): DashboardProvider {
  return async (principal) => {
    const today = clock.today()
    const horizon = addDays(today, HORIZON_DAYS)
    const kind = ROLE_INFO[principal.role].kind
    const items: DashboardItem[] = []
    const item = (activity: Activity, title: string, href: string, due: string | undefined, detail?: string) =>
      items.push({
        urgency: due ? (urgencyOf(due, today, horizon) ?? 'soon') : 'today',
        title: `${title}: ${activityTitle(activity)}`,
        href,
        due,
        detail,
        rule: 'E7',
        citation: '002#216',
      })

    if (kind === 'ofsted') {
      const mine = await activities.list(principal, { teamUserId: principal.id, statuses: ['report-stage'] })
      const regional =
        principal.role === 'regional-director' && principal.regionCode
          ? await activities.list(principal, { regionCode: principal.regionCode, statuses: ['report-stage'] })
          : []
      const national =
        principal.role === 'national-director' ? await activities.list(principal, { statuses: ['report-stage'] }) : []
      const seen = new Set<string>()
      const all = [...mine, ...regional, ...national].filter(
        ({ activity }) => !seen.has(activity.id) && seen.add(activity.id),
      )
      const byActivity = await reports.read.of(all.map(({ activity }) => activity.id))
      for (const { activity, team } of all) {
        if (!reportKindFor(activity.type)) continue
        const role = team.find((member) => member.userId === principal.id)?.teamRole
        const report = byActivity.get(activity.id)
        const progress = await reports.read.progress(activity)
        const owns = (owner: ReportStepOwner) =>
          owner === 'lead-inspector' || owner === 'qa-manager' ? owner === role : owner === principal.role
        for (const todo of reportSteps(activity, report, progress, today).filter((step) => owns(step.owner)))
          item(activity, todo.title, todo.href, todo.due, todo.detail)
        if (role === 'qa-manager' && report?.step === 'factual-accuracy') {
          const disputes = (await reports.factualAccuracy.comments(activity.id)).filter(
            (comment) => comment.disputedAt && !comment.disputeDecision,
          ).length
          if (disputes > 0)
            items.push({
              urgency: 'today',
              title: `Decide ${disputes} factual accuracy dispute${disputes === 1 ? '' : 's'}: ${activityTitle(activity)}`,
              href: reportPaths.laComments.build({ activityId: activity.id }),
              citation: '002#222',
            })
        }
        // Late steps: to the lead (owner of every Ofsted step) and the QA manager (issue 11).
        if (role === 'lead-inspector' || role === 'qa-manager')
          for (const late of lateSteps(progress).filter((step) => step.timeliness === 'overdue'))
            items.push({
              urgency: 'overdue',
              title: `Late: ${lateStepTitle(late, activity)}`,
              href: reportPaths.report.build({ activityId: activity.id }),
              due: late.deadline,
              detail: MILESTONE_OWNERS[late.key] === 'la' ? 'The local authority’s step' : undefined,
              rule: late.rule,
              citation: late.citation,
            })
      }
    }
    if (kind === 'la' && (principal.role === 'la-dcs' || principal.role === 'la-link')) {
      const mine = await activities.list(principal, { statuses: ['report-stage'] })
      const byActivity = await reports.read.of(mine.map(({ activity }) => activity.id))
      for (const { activity } of mine) {
        const report = byActivity.get(activity.id)
        if (report?.step === 'factual-accuracy')
          for (const todo of reportSteps(activity, report, [], today).filter((step) => step.owner === 'la'))
            item(activity, todo.title, todo.href, todo.due, todo.detail)
        if (report?.step === 'embargoed')
          item(
            activity,
            `Final ${documentWord(report.kind)} under embargo`,
            reportPaths.factualAccuracy.build({ activityId: activity.id }),
            undefined,
            `Published ${report.embargoUntil ? LONDON_TIME.format(report.embargoUntil) : 'soon'}; do not share it before then`,
          )
      }
    }
    if (principal.role === 'dfe-case-lead') {
      // 004 "Introduction": the DfE hears of an inadequate judgement around the factual accuracy draft.
      for (const report of await reports.read.at(['factual-accuracy', 'embargoed'])) {
        if (!report.dfeNotifiedAt) continue
        const activity = await activities.find(report.activityId)
        if (!activity || !principal.laCodes.includes(activity.laCode)) continue
        items.push({
          urgency: 'today',
          title: `Inadequate judgement confirmed: ${activity.laName}`,
          href: registerPaths.show.build({ laCode: activity.laCode }),
          detail: `The draft ${documentWord(report.kind)} went to the local authority on ${formatDate(report.faSentOn!)}; not yet published. Agree a package of support with the council.`,
          citation: '004 Introduction',
        })
      }
    }
    return items
  }
}

/** A late step as the home page and its reminder name it: "draft report sent to …: Standard inspection of Kent". */
export function lateStepTitle(late: MilestoneProgress, activity: Activity): string {
  return `${late.label.charAt(0).toLowerCase()}${late.label.slice(1)}: ${activityTitle(activity)}`
}

/** Who owes a step of the report: a member of the activity's team, a director, or the LA. */
export type ReportStepOwner = 'lead-inspector' | 'qa-manager' | 'regional-director' | 'national-director' | 'la'

/** What is owed next on the report and by whom, due on its 002#216 date (the home page and the reminders, issue 13). */
export function reportSteps(
  activity: Activity,
  report: Report | undefined,
  progress: readonly MilestoneProgress[],
  today: string,
): Array<{ owner: ReportStepOwner; title: string; href: string; due: string | undefined; detail?: string }> {
  const activityId = activity.id
  const page = reportPaths.report.build({ activityId })
  const draftDue = progress.find((step) => step.key === 'report.to-la-for-factual-accuracy')?.deadline
  const finalDue = progress.find((step) => step.key === 'report.final-to-la')?.deadline
  const word = documentWord(reportKindFor(activity.type)!)
  const review = reportPaths.review.build({ activityId })
  if (!report) return [{ owner: 'lead-inspector', title: `Start the ${word}`, href: page, due: draftDue }]
  switch (report.step) {
    case 'drafting':
      return [{ owner: 'lead-inspector', title: `Write the ${word} and submit it for QA`, href: page, due: draftDue }]
    case 'approved':
      return [
        { owner: 'lead-inspector', title: `Send the draft ${word} to the local authority`, href: page, due: draftDue },
      ]
    case 'qa-review':
      return [{ owner: 'qa-manager', title: `Review the draft ${word}`, href: review, due: draftDue }]
    case 'director-review':
      return [{ owner: 'regional-director', title: `Review the draft ${word}`, href: review, due: draftDue }]
    case 'national-review':
      return [{ owner: 'national-director', title: `Review the draft ${word} (referred)`, href: review, due: draftDue }]
    case 'factual-accuracy':
      // The LA's comments are owed until it submits them; the lead answers once they come or are late.
      return [
        ...(report.faSubmittedAt
          ? []
          : [
              {
                owner: 'la' as const,
                title: `Check the draft ${word} for factual accuracy`,
                href: reportPaths.factualAccuracy.build({ activityId }),
                due: report.faDue ?? undefined,
                detail: 'Comment on any paragraph with the correction and your evidence, then submit once (002#216)',
              },
            ]),
        ...(report.faSubmittedAt || (report.faDue && report.faDue < today)
          ? [
              {
                owner: 'lead-inspector' as const,
                title: `Answer the factual accuracy comments and send the final ${word}`,
                href: reportPaths.laComments.build({ activityId }),
                due: finalDue,
              },
            ]
          : []),
      ]
    default:
      return []
  }
}
