import { canOn } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import type { ActivityTask, ActivityTaskProvider, TaskStatus } from '../activities/index.js'
import { reportPaths } from './paths.js'
import type { MilestoneProgress } from './progress.js'
import type { ReportsService } from './service.js'
import { documentWord, isReviewStep, REPORT_STEPS, reportKindFor, type ReportStep } from './workflow.js'

const stepIndex = (step: ReportStep | undefined) => (step ? REPORT_STEPS.indexOf(step) : -1)

/** "Due 5 Feb 2027; done 8 Feb 2027 (late)" for a task's hint. */
function dates(step: MilestoneProgress | undefined): string | undefined {
  if (!step) return undefined
  const due = `due ${formatDate(step.deadline)} (${step.citation})`
  if (step.actual) return `Done ${formatDate(step.actual)}${step.timeliness === 'late' ? ', late' : ''}; ${due}`
  return `${step.timeliness === 'overdue' ? 'Overdue: ' : ''}${due.charAt(0).toUpperCase()}${due.slice(1)}`
}

function status(done: boolean, started: boolean, step: MilestoneProgress | undefined, canStart = true): TaskStatus {
  if (done) return 'completed'
  if (!canStart) return 'cannot-start'
  if (step?.timeliness === 'overdue') return 'overdue'
  return started ? 'in-progress' : 'not-started'
}

/**
 * The report's tasks on the activity page (issue 11): for Ofsted, writing, review, factual
 * accuracy, the final copy and publication, each with its statutory date and the day it happened;
 * for the LA's DCS and link person, the draft to check once it is sent to them.
 */
export function reportTasks(reports: ReportsService): ActivityTaskProvider {
  return async (activity, principal) => {
    const kind = reportKindFor(activity.type)
    const target = kind ? await reports.target(activity.id) : null
    if (!kind || !target) return []
    const word = documentWord(kind)
    const section = word === 'letter' ? 'Letter' : 'Report'
    const report = (await reports.read.of([activity.id])).get(activity.id)
    const activityId = activity.id
    if (canOn(principal, 'report.view', target)) {
      const progress = await reports.read.progress(activity)
      const find = (key: string) => progress.find((step) => step.key === key)
      const at = stepIndex(report?.step)
      const atStage = activity.status === 'report-stage' || activity.status === 'published'
      const href = reportPaths.report.build({ activityId })
      const tasks: ActivityTask[] = [
        {
          section,
          title: `Write the ${word}`,
          href: atStage ? href : undefined,
          status: status(at > stepIndex('drafting'), at >= 0, undefined, atStage),
          hint: 'From the agreed judgements or findings, section by section (002#203-213)',
        },
        {
          section,
          title: 'QA and review',
          href: report ? href : undefined,
          status: status(at >= stepIndex('approved'), report ? isReviewStep(report.step) : false, undefined, at > 0),
          hint: 'The QA manager, and for inspections the regional or national director (002#214)',
        },
        {
          section,
          title: 'Factual accuracy',
          href: report?.faVersion ? reportPaths.laComments.build({ activityId }) : undefined,
          status: status(
            at > stepIndex('factual-accuracy'),
            at === stepIndex('factual-accuracy'),
            find('report.to-la-for-factual-accuracy'),
            at >= stepIndex('approved'),
          ),
          hint: dates(find('report.to-la-for-factual-accuracy')),
        },
        {
          section,
          title: 'Final copy under embargo',
          href: report?.step === 'factual-accuracy' ? reportPaths.embargo.build({ activityId }) : undefined,
          status: status(
            at > stepIndex('factual-accuracy'),
            false,
            find('report.final-to-la'),
            at >= stepIndex('factual-accuracy'),
          ),
          hint: dates(find('report.final-to-la')),
        },
        {
          section,
          title: 'Publication',
          status: status(
            report?.step === 'published',
            report?.step === 'embargoed',
            find('report.published'),
            at >= stepIndex('embargoed'),
          ),
          hint: dates(find('report.published')),
        },
      ]
      return tasks
    }
    if (report?.faVersion && canOn(principal, 'report.la-view', target)) {
      return [
        {
          section,
          title:
            report.step === 'factual-accuracy' ? `Check the draft ${word} for factual accuracy` : `The final ${word}`,
          href: reportPaths.factualAccuracy.build({ activityId }),
          status: report.faSubmittedAt ? 'completed' : report.step === 'factual-accuracy' ? 'not-started' : 'completed',
          hint:
            report.step === 'factual-accuracy'
              ? `Comments due by the end of ${formatDate(report.faDue!)} (002#216)`
              : report.step === 'embargoed'
                ? 'Under embargo until it is published'
                : 'Published',
        },
      ]
    }
    return []
  }
}
