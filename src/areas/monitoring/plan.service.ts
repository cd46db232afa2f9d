import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { FileTooLargeError } from '../../files/blob-store.js'
import { enqueueEmail } from '../../notify/outbox.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { actionPlanReviewLetter } from '../../rules/after-inadequate.js'
import type { RequestContext } from '../deps.js'
import { monitoringPaths } from './paths.js'
import type { MonitoringDeps, MonitoringRecords } from './records.js'
import { findProgramme, insertPlan, insertReview } from './repository.js'
import { REVIEW_OUTCOMES, type ReviewOutcome, type StoredDocument } from './types.js'

const EXTENSIONS = ['.pdf', '.doc', '.docx', '.odt', '.xlsx', '.xls', '.ods', '.rtf'] as const
const MAX_BYTES = 50 * 1_048_576

/**
 * The LA's action plan and Ofsted's review of it (001#19-22, 002#124-126): the LA submits it
 * (and later versions, each kept) with its actions against each item; the regional director's
 * letter says it reflects the recommendations (Annex D) or not (Annex E), the DfE is told, and a
 * difference still unresolved after the discussion is recorded as referred to the DfE.
 */
export function planService(deps: MonitoringDeps, records: MonitoringRecords) {
  const { db, clock, blobs, people, register, config } = deps

  return {
    /** Store the plan's file, or refuse it with the field's message. */
    async storeDocument(file: { fileName: string; contentType: string; stream: Readable }): Promise<StoredDocument> {
      if (!(EXTENSIONS as readonly string[]).includes(extname(file.fileName).toLowerCase())) {
        file.stream.resume()
        throw new ValidationError({
          plan: `The selected file must be a document, spreadsheet or PDF (${EXTENSIONS.join(', ')})`,
        })
      }
      try {
        const put = await blobs.put(file.stream, { maxBytes: MAX_BYTES })
        if (put.size === 0) throw new ValidationError({ plan: 'The selected file is empty' })
        return { name: file.fileName, hash: put.hash, size: put.size, type: file.contentType }
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new ValidationError({ plan: `The selected file must be smaller than ${MAX_BYTES / 1_048_576} MB` })
        throw error
      }
    },

    /** Submit the action plan, or a new version of it: a file and an action against each item (001#19; 001#21 "if any amendment is made"). */
    async submitPlan(
      principal: Principal,
      programmeId: string,
      input: { file: StoredDocument | null; actions: Record<string, string> },
      context: RequestContext,
    ): Promise<number> {
      const { programme, recommendations } = await records.record(programmeId)
      await records.guard(principal, 'monitoring.action-plan', programme.laCode)
      if (!input.file) throw new ValidationError({ plan: 'Select the action plan to upload' })
      if (recommendations.length === 0)
        throw new ValidationError({ plan: 'Ofsted has not yet entered the recommendations of the report' })
      const missing = recommendations.find((item) => !input.actions[item.id]?.trim())
      if (missing) throw new ValidationError({ [`action-${missing.id}`]: `Enter your action against ${missing.ref}` })
      const actions = recommendations.map((item) => ({
        recommendationId: item.id,
        action: input.actions[item.id]!.trim(),
      }))
      const submittedOn = clock.today()
      return db.transaction().execute(async (trx) => {
        // Locked while the next version number is counted: two submissions at once become versions n and n + 1.
        await findProgramme(trx, programmeId, true)
        const { versionNumber } = await insertPlan(trx, {
          programmeId,
          submittedOn,
          file: input.file,
          actions,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.action-plan',
          recordType: 'monitoring-programme',
          recordId: programmeId,
          laCode: programme.laCode,
          summary: `Action plan version ${versionNumber} submitted ${formatLongDate(submittedOn)}`,
          changes: { file: input.file?.name ?? null, actions },
          requestId: context.requestId,
        })
        return versionNumber
      })
    },

    /** A version's file, for someone who may see the programme. */
    async openPlanFile(
      principal: Principal,
      programmeId: string,
      versionNumber: number,
    ): Promise<StoredDocument & { stream: Readable }> {
      const { programme, plans } = await records.record(programmeId)
      await records.guard(principal, 'monitoring.view', programme.laCode)
      const file = plans.find((plan) => plan.versionNumber === versionNumber)?.file
      if (!file || !(await blobs.exists(file.hash))) throw new NotFoundError()
      return { ...file, stream: blobs.open(file.hash) }
    },

    /**
     * Record the review of the latest version (001#21-22): the letter's outcome and the day it
     * was sent; the DfE case lead(s) of the LA are told by email (001#22, 002#126).
     */
    async reviewPlan(
      principal: Principal,
      programmeId: string,
      input: { outcome: ReviewOutcome; letterSentOn: string; differences: string; discussedOn: string | undefined },
      context: RequestContext,
    ): Promise<string> {
      const { programme, plans, reviews } = await records.record(programmeId)
      const target = await records.guard(principal, 'monitoring.direct', programme.laCode)
      const plan = plans.at(-1)
      if (!plan) throw new ValidationError({ outcome: 'The LA has not submitted its action plan yet' })
      if (input.letterSentOn > clock.today() || input.letterSentOn < plan.submittedOn)
        throw new ValidationError({
          letterSentOn: `The date must be from ${formatLongDate(plan.submittedOn)} to today`,
        })
      if (input.outcome !== 'reflects' && !input.differences.trim())
        throw new ValidationError({ differences: 'Enter the areas of difference and the reasons (001#21)' })
      if (input.outcome === 'referred-to-dfe') {
        if (!reviews.some((review) => review.outcome === 'does-not-reflect'))
          throw new ValidationError({ outcome: 'Send the Annex E letter and discuss it with the DCS first (001#21)' })
        if (!input.discussedOn)
          throw new ValidationError({ discussedOn: 'Enter the date of the discussion with the DCS (001#21)' })
      }
      const letter = actionPlanReviewLetter(input.outcome === 'reflects')
      const { la } = await register.show(programme.laCode)
      const caseLeads = await people.reaching(['dfe-case-lead'], target)
      const url = `${config.baseUrl}${monitoringPaths.programme.build({ programmeId })}`
      return db.transaction().execute(async (trx) => {
        const id = await insertReview(trx, {
          programmeId,
          planId: plan.id,
          outcome: input.outcome,
          letterSentOn: input.letterSentOn,
          differences: input.differences,
          discussedOn: input.discussedOn ?? null,
          recordedBy: principal.id,
        })
        // 001#22, 002#126: the DfE's interventions team hears the outcome, and of any difference.
        for (const lead of caseLeads)
          await enqueueEmail(trx, {
            kind: 'monitoring-dfe',
            recipient: lead.email,
            subject: `${la.name}: action plan review – ${input.outcome === 'reflects' ? 'reflects the recommendations' : input.outcome === 'referred-to-dfe' ? 'difference referred to the DfE' : 'does not reflect the recommendations'}`,
            bodyText: [
              `Ofsted has reviewed version ${plan.versionNumber} of ${la.name}'s action plan, submitted ${formatLongDate(plan.submittedOn)}.`,
              `Outcome: ${REVIEW_OUTCOMES[input.outcome]}. Letter sent ${formatLongDate(input.letterSentOn)} (${letter.citation}).`,
              ...(input.differences.trim() ? [`Areas of difference: ${input.differences.trim()}`] : []),
              ...(input.outcome === 'referred-to-dfe'
                ? ['The Secretary of State is asked to consider what action, if any, the DfE wishes to take (001#22).']
                : []),
              `The programme: ${url}`,
            ].join('\n\n'),
            dedupeKey: `monitoring-review:${id}:${lead.id}`,
          })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.review',
          recordType: 'monitoring-programme',
          recordId: programmeId,
          laCode: programme.laCode,
          summary: `Action plan version ${plan.versionNumber} reviewed: ${input.outcome}; ${caseLeads.length} DfE case lead(s) told`,
          changes: { ...input, planVersion: plan.versionNumber },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}
