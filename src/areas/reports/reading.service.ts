import { NotFoundError } from '../../errors.js'
import { emailsAbout } from '../../notify/outbox.js'
import type { Activity, MilestoneActual } from '../activities/index.js'
import { faCommentsOf, reviewCommentsOf } from './comments.repository.js'
import { documentProblems } from './document.js'
import { finalBlockers } from './embargo.js'
import { milestoneProgress, type MilestoneProgress } from './progress.js'
import type { ReportRecords, ReportsDeps } from './records.js'
import { findVersion, reportsAt, reportsOf, stepsOf, versionsOf } from './repository.js'
import { paragraphsOf, sectionsFor } from './sections.js'
import type { Report } from './types.js'
import { reportKindFor, type ReportStep } from './workflow.js'

/**
 * What the report's pages read: the report with its versions, history and comments; the 002#216
 * steps with statutory and actual dates (also for the activity's timeline); the reports at a
 * step (home pages).
 */
export function readingService(deps: ReportsDeps, records: ReportRecords) {
  const { db, clock, people, evidence } = deps

  return {
    /** Everything the report page shows, or the activity alone before the report is started. */
    async page(activityId: string) {
      const details = await records.details(activityId)
      const kind = reportKindFor(details.activity.type)
      const report = await records.find(activityId)
      const outcome = await records.agreedOutcome(details)
      const milestones = kind ? records.milestones(kind, details) : []
      if (!report || !kind)
        return {
          details,
          kind,
          report: undefined,
          outcome,
          progress: milestoneProgress(milestones, undefined, [], clock.today()),
        }
      const [versions, history, reviewComments, faComments, entries, finalEmails] = await Promise.all([
        versionsOf(db, report.id),
        stepsOf(db, [report.id]),
        reviewCommentsOf(db, report.id),
        faCommentsOf(db, report.id),
        evidence.entryHeadlines(activityId),
        report.recipients.length > 0 ? emailsAbout(db, activityId, 'report-embargoed') : Promise.resolve([]),
      ])
      const steps = history.get(report.id) ?? []
      const latest = versions.at(-1)!
      const names = await people.byIds([
        ...steps.map((step) => step.actorId),
        ...versions.map((version) => version.createdBy),
        ...reviewComments.map((comment) => comment.authorId),
        ...faComments.map((comment) => comment.authorId),
      ])
      const facts = await records.facts(details, kind, 'draft', clock.today())
      return {
        details,
        kind,
        report,
        outcome,
        definitions: sectionsFor(kind, outcome),
        versions,
        latest,
        steps,
        reviewComments,
        faComments,
        entries,
        finalEmails,
        nameOf: (id: string | null) => (id ? (names.get(id)?.displayName ?? 'Unknown account') : 'The service'),
        problems: documentProblems(facts, latest.sections),
        progress: milestoneProgress(milestones, report, steps, clock.today()),
        blockers: finalBlockers(report, faComments, clock.today()),
        today: clock.today(),
        /** The bodies running the services at fieldwork: the final copy goes to them too (002#216). */
        delivery: await deps.register.deliveryOn(details.activity.laCode, details.activity.onsiteStart),
      }
    },

    /**
     * The report's items as its latest version words them, one a line: the recommendations (what
     * needs to improve, 002#206) and any areas for priority action (002#109-110). For the
     * monitoring programme after an inadequate judgement (issue 12); empty before a report exists.
     */
    async reportItems(activityId: string): Promise<{ kind: 'recommendation' | 'priority-action'; text: string }[]> {
      const report = await records.find(activityId)
      const latest = report ? (await versionsOf(db, report.id)).at(-1) : undefined
      if (!latest) return []
      const lines = (key: string) => paragraphsOf(latest.sections[key]?.text ?? '', 'list')
      return [
        ...lines('areas-for-improvement').map((text) => ({ kind: 'recommendation' as const, text })),
        ...lines('areas-for-priority-action').map((text) => ({ kind: 'priority-action' as const, text })),
      ]
    },

    /** The version sent to the LA and the latest copy it may read (the draft, then the final under embargo). */
    async laCopy(activityId: string) {
      const report = await records.find(activityId)
      if (!report || !report.faVersion) throw new NotFoundError()
      const versions = await versionsOf(db, report.id)
      const sent = versions.find((version) => version.number === report.faVersion)!
      const final = versions.filter((version) => version.status !== 'draft').at(-1)
      return { report, sent, latest: final ?? sent }
    },

    /** Two versions of the report for comparing, or 404. */
    async pair(activityId: string, from: number, to: number) {
      const report = await records.find(activityId)
      if (!report) throw new NotFoundError()
      const [before, after] = await Promise.all([findVersion(db, report.id, from), findVersion(db, report.id, to)])
      if (!before || !after) throw new NotFoundError()
      return { report, before, after }
    },

    /** The 002#216 steps of an activity with statutory and actual dates; empty for activities without a report. */
    async progress(activity: Activity): Promise<MilestoneProgress[]> {
      return (await this.progressOf([activity])).get(activity.id) ?? []
    },

    /**
     * `progress` for many activities at once (home pages, issue 16): their timelines, reports and
     * report steps read in one query a table. Activities without a report kind have none.
     */
    async progressOf(activities: readonly Activity[]): Promise<Map<string, MilestoneProgress[]>> {
      const ids = activities.filter((activity) => reportKindFor(activity.type)).map((activity) => activity.id)
      if (ids.length === 0) return new Map()
      const [timelines, reports] = await Promise.all([deps.activities.withMilestonesOf(ids), reportsOf(db, ids)])
      const steps = await stepsOf(
        db,
        [...reports.values()].map((report) => report.id),
      )
      const found = new Map<string, MilestoneProgress[]>()
      for (const [id, timeline] of timelines) {
        const report = reports.get(id)
        const milestones = records.milestones(reportKindFor(timeline.activity.type)!, timeline)
        found.set(id, milestoneProgress(milestones, report, report ? (steps.get(report.id) ?? []) : [], clock.today()))
      }
      return found
    },

    /** The activities timeline's view of the report's steps: actual day and timeliness by milestone key. */
    async actuals(activity: Activity): Promise<ReadonlyMap<string, MilestoneActual>> {
      const progress = await this.progress(activity)
      return new Map(
        progress.map((step) => [
          step.key,
          { actual: step.actual, deadline: step.deadline, timeliness: step.timeliness, skipped: step.skipped },
        ]),
      )
    },

    /** Reports at these steps (home pages). */
    at: (steps: readonly ReportStep[]): Promise<Report[]> => reportsAt(db, steps),

    /** The reports of these activities, by activity id. */
    of: (activityIds: readonly string[]) => reportsOf(db, activityIds),
  }
}
