import { recordAudit, SYSTEM_ACTOR } from '../../auth/audit.js'
import { renderPdf } from '../../documents/index.js'
import { ConflictError } from '../../errors.js'
import { monitoringLetterPublished } from '../../rules/timelines/monitoring-visit.js'
import type { draftingService } from './drafting.service.js'
import { addressees, sendToEach } from './emails.js'
import { londonLocal } from './embargo.js'
import { reportPaths } from './paths.js'
import { lateSteps, milestoneProgress } from './progress.js'
import { type ActivityDetails, lastFieldworkDay, type ReportRecords, type ReportsDeps } from './records.js'
import { insertStep, insertVersion, latestVersion, lockReport, reportsAt, stepsOf, updateReport } from './repository.js'
import type { Report } from './types.js'
import { documentWord, REPORT_STEPS, type ReportKind } from './workflow.js'

type Drafting = ReturnType<typeof draftingService>

/** E8: whether the report is a monitoring letter that is sent to the LA and not published (001#41, 002 fn28). */
export function isUnpublishedLetter(kind: ReportKind, details: Pick<ActivityDetails, 'activity'>): boolean {
  const { monitoring } = details.activity
  return (
    kind === 'monitoring-visit-letter' &&
    !!monitoring &&
    !monitoringLetterPublished(monitoring.visitNumber, monitoring.secondSet).published
  )
}

const JOB = { requestId: 'report-publication-job' }

/**
 * Publication (002#216: day 21, or 16 for a visit) and the flags on late steps. A job, run when the
 * server starts and on a timer, and called by tests with their clock: it publishes each embargoed
 * report whose time has come through the publications area, marks its activity published (the only
 * way an activity is), and flags each step late against its statutory date in its history, once.
 */
export function publicationService(deps: ReportsDeps, records: ReportRecords, drafting: Drafting) {
  const { db, clock, config, publications, activities, judgements } = deps
  const to = addressees(deps)

  /** Publish one embargoed report through the publications area, then record it here. */
  async function publishOne(report: Report): Promise<void> {
    const details = await records.details(report.activityId)
    const latest = (await latestVersion(db, report.id))!
    const at = clock.now()
    const facts = await records.facts(details, report.kind, 'final', clock.today())
    const prepared = await drafting.prepare(details, facts, latest.sections, 'publish')
    const summary = prepared.documents.summaryForChildren
    const statutory = records.milestones(report.kind, details).find((m) => m.key === 'report.published')!
    const graded =
      report.kind === 'inspection-report' ? await judgements.publishedJudgementFor(report.activityId) : null
    // E8: the first letter of a first set of monitoring visits is sent to the LA, never published (001#41).
    const unpublished = isUnpublishedLetter(report.kind, details)
    // The other areas keep their own transactions, so they go first and ours records what they did;
    // `publish` and `recordPublication` refuse a second run for the same activity.
    await publications.publish(
      {
        activityId: report.activityId,
        laId: details.activity.laCode,
        kind: report.kind,
        title: prepared.documents.report.meta.title,
        fieldworkStart: details.activity.onsiteStart,
        fieldworkEnd: lastFieldworkDay(details),
        statutoryPublicationDate: statutory.date,
        publishedAt: at,
        ...(graded ? { judgements: { framework: graded.framework, grades: graded.grades } } : {}),
        pdf: prepared.pdf,
        ...(summary ? { childrenSummaryPdf: await renderPdf(summary) } : {}),
        ...(unpublished ? { firstMonitoringLetter: true } : {}),
      },
      { requestId: JOB.requestId, actor: null },
    )
    await activities.recordPublication(report.activityId, at, JOB)
    const word = documentWord(report.kind)
    const told = to.unique([...to.team(details), ...(await to.la(details))])
    await db.transaction().execute(async (trx) => {
      const locked = await lockReport(trx, report.id)
      if (locked.step !== 'embargoed') throw new ConflictError('The report was published meanwhile')
      await insertVersion(trx, report.id, {
        number: latest.number + 1,
        status: 'final',
        sections: latest.sections,
        documents: prepared.documents,
        pages: prepared.pages,
        pageLimit: prepared.pageLimit,
        pdfHash: prepared.pdfHash,
        note: 'Published',
        createdBy: null,
        at,
      })
      await updateReport(trx, report.id, { step: 'published', published_at: at }, at)
      await insertStep(trx, report.id, {
        event: 'published',
        toStep: 'published',
        milestone: 'report.published',
        statutoryDate: statutory.date,
        at,
        actorId: null,
      })
      await recordAudit(trx, {
        actor: SYSTEM_ACTOR,
        action: 'report.publish',
        recordType: 'report',
        recordId: report.id,
        laCode: details.activity.laCode,
        summary: unpublished
          ? `Sent the ${word} for ${details.activity.reference} to the local authority, not published (the first monitoring letter, 001#41)`
          : `Published the ${word} for ${details.activity.reference} (embargoed until ${londonLocal(report.embargoUntil ?? at).replace('T', ' ')})`,
        changes: { version: latest.number + 1, statutory: statutory.date, published: !unpublished },
        requestId: JOB.requestId,
        at,
      })
      await sendToEach(trx, 'report-published', told, {
        details,
        subject: unpublished ? `The ${word} is final: it is not published` : `The ${word} is published`,
        lines: [
          unpublished
            ? `The ${word} of the first monitoring visit is final. Ofsted does not publish it (001#41); the visit is recorded in the register.`
            : `Ofsted has published the ${word} on its website (002#216).`,
        ],
        key: 'published',
        link: `${config.baseUrl}${reportPaths.report.build({ activityId: report.activityId })}`,
      })
    })
  }

  /**
   * Flag each step gone late, once, in the report's history and the audit (issue 11). The email
   * to the lead and the QA manager is the reminder job's 'report-late' (issue 13), which each may stop.
   */
  async function flagLate(): Promise<number> {
    const open = await reportsAt(
      db,
      REPORT_STEPS.filter((step) => step !== 'published'),
    )
    const history = await stepsOf(
      db,
      open.map((report) => report.id),
    )
    const today = clock.today()
    let flagged = 0
    for (const report of open) {
      const details = await records.details(report.activityId)
      const steps = history.get(report.id) ?? []
      const progress = milestoneProgress(records.milestones(report.kind, details), report, steps, today)
      const overdue = lateSteps(progress).filter(
        (step) =>
          step.timeliness === 'overdue' &&
          !steps.some((record) => record.event === 'late-flagged' && record.milestone === step.key),
      )
      for (const step of overdue) {
        const at = clock.now()
        await db.transaction().execute(async (trx) => {
          await insertStep(trx, report.id, {
            event: 'late-flagged',
            toStep: report.step,
            milestone: step.key,
            statutoryDate: step.deadline,
            at,
            actorId: null,
          })
          await recordAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'report.late',
            recordType: 'report',
            recordId: report.id,
            laCode: details.activity.laCode,
            summary: `${details.activity.reference}: “${step.label}” is late (due ${step.deadline})`,
            changes: { milestone: step.key, due: step.deadline, statutory: step.statutory },
            requestId: JOB.requestId,
            at,
          })
        })
        flagged += 1
      }
    }
    return flagged
  }

  return {
    /**
     * Publish every embargoed report whose embargo has lifted. One that fails is left embargoed
     * for the next run and reported, and the others still go.
     */
    async publishDue(): Promise<{ published: number; failed: Array<{ activityId: string; message: string }> }> {
      let published = 0
      const failed: Array<{ activityId: string; message: string }> = []
      for (const report of await reportsAt(db, ['embargoed'])) {
        if (!report.embargoUntil || report.embargoUntil.getTime() > clock.now().getTime()) continue
        try {
          await publishOne(report)
          published += 1
        } catch (error) {
          failed.push({
            activityId: report.activityId,
            message: error instanceof Error ? error.message : String(error),
          })
        }
      }
      return { published, failed }
    },

    flagLate,

    /** The job: publish what is due, then flag what is late. */
    async runDueWork() {
      const { published, failed } = await this.publishDue()
      return { published, failed, flagged: await flagLate() }
    },
  }
}
