import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { insertReviewComment, reviewCommentsOf } from './comments.repository.js'
import { documentProblems } from './document.js'
import { checkVersion } from './drafting.service.js'
import { addressees, sendToEach } from './emails.js'
import { reportPaths } from './paths.js'
import type { ReportRecords, ReportsDeps } from './records.js'
import { insertStep, latestVersion, lockReport, updateReport } from './repository.js'
import { sectionsFor } from './sections.js'
import type { ReviewCommentInput, ReviewDecisionInput } from './types.js'
import { afterReview, documentWord, isReviewStep, type ReportStep, type ReviewStep, STEP_LABELS } from './workflow.js'

/**
 * The review stage a person may act at (002#214): the QA manager allocated to the inspection at QA
 * review, the regional director at director review, the national director there or when referred.
 */
export function reviewerStages(principal: Principal): readonly ReviewStep[] {
  if (principal.role === 'qa-manager') return ['qa-review']
  if (principal.role === 'regional-director') return ['director-review']
  if (principal.role === 'national-director') return ['director-review', 'national-review']
  return []
}

/**
 * Quality assurance and review (002#214, #225): the lead submits a complete draft within its page
 * limit; the QA manager, then for inspections the regional director (and the national director
 * where referred), comment on sections and return the report or approve it.
 */
export function reviewService(deps: ReportsDeps, records: ReportRecords) {
  const { db, clock, config } = deps
  const to = addressees(deps)

  return {
    comments: async (activityId: string) => {
      const report = await records.find(activityId)
      return report ? reviewCommentsOf(db, report.id) : []
    },

    /** The lead submits the draft for QA: complete (002#205-213) and within its page limit (002#212). */
    async submit(
      principal: Principal,
      activityId: string,
      input: { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const details = await records.details(activityId)
      const report = await records.load(activityId)
      if (report.step !== 'drafting')
        throw new ValidationError({ submit: 'Only a draft being written can be submitted for QA' })
      const latest = (await latestVersion(db, report.id))!
      const problems = documentProblems(
        await records.facts(details, report.kind, 'draft', clock.today()),
        latest.sections,
      )
      if (problems.length > 0)
        throw new ValidationError({
          submit: `Finish the draft first: ${problems.map((p) => `${p.message} (${p.citation})`).join('; ')}`,
        })
      if (latest.pageLimit !== null && latest.pages > latest.pageLimit)
        throw new ValidationError({
          submit: `The report is ${latest.pages} pages long; it may be no more than ${latest.pageLimit} (002#212)`,
        })
      const at = clock.now()
      await db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        await updateReport(trx, report.id, { step: 'qa-review' }, at)
        await insertStep(trx, report.id, {
          event: 'submitted',
          toStep: 'qa-review',
          at,
          actorId: principal.id,
          note: `Version ${latest.number}`,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.submit',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Submitted version ${latest.number} of the ${documentWord(report.kind)} for ${details.activity.reference} for QA`,
          changes: { version: latest.number, pages: latest.pages },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-step', to.qa(details), {
          details,
          subject: `Review the draft ${documentWord(report.kind)}`,
          lines: [
            `Version ${latest.number} of the draft ${documentWord(report.kind)} (${latest.pages} pages) is ready for your review (002#214).`,
          ],
          key: `submitted:${latest.number}`,
          link: `${config.baseUrl}${reportPaths.review.build({ activityId })}`,
        })
      })
    },

    /** A reviewer's comment on a section, or on the whole report. */
    async comment(
      principal: Principal,
      activityId: string,
      input: ReviewCommentInput,
      context: RequestContext,
    ): Promise<void> {
      const details = await records.details(activityId)
      const report = await records.load(activityId)
      const stage = report.step
      if (!isReviewStep(stage) || !reviewerStages(principal).includes(stage))
        throw new ValidationError({ comment: reviewRefusal(stage) })
      const sections = sectionsFor(report.kind, await records.agreedOutcome(details))
      if (input.section && !sections.some((section) => section.key === input.section))
        throw new ValidationError({ section: 'Select the section you are commenting on' })
      const latest = (await latestVersion(db, report.id))!
      await db.transaction().execute(async (trx) => {
        const id = await insertReviewComment(trx, report.id, {
          versionNumber: latest.number,
          section: input.section || null,
          stage,
          comment: input.comment,
          authorId: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.review-comment',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Commented on ${input.section ? `“${sections.find((s) => s.key === input.section)!.label}”` : 'the whole report'} of ${details.activity.reference} at ${STEP_LABELS[stage].toLowerCase()}`,
          changes: { commentId: id, section: input.section || null, version: latest.number, stage },
          requestId: context.requestId,
        })
      })
    },

    /** Return the report to the lead, approve it, or (the regional director) refer it to the national director. */
    async decide(
      principal: Principal,
      activityId: string,
      input: ReviewDecisionInput,
      context: RequestContext,
    ): Promise<void> {
      const details = await records.details(activityId)
      const report = await records.load(activityId)
      const stage = report.step
      if (!isReviewStep(stage) || !reviewerStages(principal).includes(stage))
        throw new ValidationError({ decision: reviewRefusal(stage) })
      const next = afterReview(report.kind, stage, input.decision)
      if (!next.ok) throw new ValidationError({ decision: next.reason })
      if (input.decision === 'return' && !input.note)
        throw new ValidationError({ note: 'Enter what the lead inspector needs to change' })
      const word = documentWord(report.kind)
      const at = clock.now()
      const event = input.decision === 'return' ? 'returned' : input.decision === 'refer' ? 'referred' : 'approved'
      const link = `${config.baseUrl}${reportPaths.report.build({ activityId })}`
      const recipients =
        next.to === 'director-review'
          ? await to.regionalDirectors(details)
          : next.to === 'national-review'
            ? await to.nationalDirectors()
            : to.lead(details)
      await db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        await updateReport(trx, report.id, { step: next.to }, at)
        await insertStep(trx, report.id, {
          event,
          toStep: next.to,
          at,
          actorId: principal.id,
          note: input.note || null,
        })
        await recordAudit(trx, {
          actor: principal,
          action:
            input.decision === 'return'
              ? 'report.return'
              : input.decision === 'refer'
                ? 'report.refer'
                : 'report.approve',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `${STEP_LABELS[stage]} of ${details.activity.reference}: ${event} (${STEP_LABELS[stage]} → ${STEP_LABELS[next.to]})${input.note ? `: ${input.note}` : ''}`,
          changes: { from: stage, to: next.to, decision: input.decision },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-step', recipients, {
          details,
          subject:
            next.to === 'drafting'
              ? `The draft ${word} is returned to you`
              : next.to === 'approved'
                ? `The draft ${word} is approved: send it to the local authority`
                : `Review the draft ${word}`,
          lines: [
            `${STEP_LABELS[stage]}: the draft ${word} is ${event}${input.note ? `: ${input.note}` : '.'}`,
            ...(next.to === 'approved'
              ? [
                  `Send it to the local authority for factual accuracy checks (002#216). It is due by ${records.milestones(report.kind, details).find((m) => m.key === 'report.to-la-for-factual-accuracy')?.date}.`,
                ]
              : []),
          ],
          key: `${event}:${stage}:${at.getTime()}`,
          link,
        })
      })
    },
  }
}

function reviewRefusal(step: ReportStep): string {
  return isReviewStep(step)
    ? `The report is waiting for the ${step === 'qa-review' ? 'QA manager' : step === 'director-review' ? 'regional director' : 'national director'}’s review (002#214)`
    : 'The report is not waiting for a review'
}
