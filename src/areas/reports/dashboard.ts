import type { Principal } from '../../auth/policy.js'
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
        for (const todo of ownerItems(principal, role, activity, report, progress, today))
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
              title: `Late: ${late.label.charAt(0).toLowerCase()}${late.label.slice(1)}: ${activityTitle(activity)}`,
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
        if (report?.step === 'factual-accuracy' && !report.faSubmittedAt)
          item(
            activity,
            `Check the draft ${documentWord(report.kind)} for factual accuracy`,
            reportPaths.factualAccuracy.build({ activityId: activity.id }),
            report.faDue ?? undefined,
            'Comment on any paragraph with the correction and your evidence, then submit once (002#216)',
          )
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

/** What the principal has to do next on the report, by their part in it. */
function ownerItems(
  principal: Principal,
  role: string | undefined,
  activity: Activity,
  report: Report | undefined,
  progress: readonly MilestoneProgress[],
  today: string,
): Array<{ title: string; href: string; due: string | undefined; detail?: string }> {
  const activityId = activity.id
  const page = reportPaths.report.build({ activityId })
  const draftDue = progress.find((step) => step.key === 'report.to-la-for-factual-accuracy')?.deadline
  const finalDue = progress.find((step) => step.key === 'report.final-to-la')?.deadline
  const word = documentWord(reportKindFor(activity.type)!)
  if (role === 'lead-inspector') {
    if (!report) return [{ title: `Start the ${word}`, href: page, due: draftDue }]
    if (report.step === 'drafting')
      return [{ title: `Write the ${word} and submit it for QA`, href: page, due: draftDue }]
    if (report.step === 'approved')
      return [{ title: `Send the draft ${word} to the local authority`, href: page, due: draftDue }]
    if (report.step === 'factual-accuracy' && (report.faSubmittedAt || (report.faDue && report.faDue < today)))
      return [
        {
          title: `Answer the factual accuracy comments and send the final ${word}`,
          href: reportPaths.laComments.build({ activityId }),
          due: finalDue,
        },
      ]
  }
  if (role === 'qa-manager' && report?.step === 'qa-review')
    return [{ title: `Review the draft ${word}`, href: reportPaths.review.build({ activityId }), due: draftDue }]
  if (principal.role === 'regional-director' && report?.step === 'director-review')
    return [{ title: `Review the draft ${word}`, href: reportPaths.review.build({ activityId }), due: draftDue }]
  if (principal.role === 'national-director' && report?.step === 'national-review')
    return [
      { title: `Review the draft ${word} (referred)`, href: reportPaths.review.build({ activityId }), due: draftDue },
    ]
  return []
}
