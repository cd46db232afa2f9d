import { Readable } from 'node:stream'
import { recordAudit, SYSTEM_ACTOR } from '../../auth/audit.js'
import { londonIsoDate } from '../../clock.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { isIsoDate } from '../../rules/calendar/dates.js'
import type { JudgementActivityType } from '../register/index.js'
import { KIND_ACTIVITY_TYPES, KIND_LABELS, type OfferKind } from './kinds.js'
import type { PublicationsDeps } from './records.js'
import { insertPublication, publicationOfKind, publicationOfOfferStep } from './repository.js'
import type { PublishContext, PublishInput, PublishOfferLetterInput, PublishResult } from './types.js'

const PDF_MAGIC = '%PDF-'

/** What is wrong with a publication before anything is stored, field by field. */
function inputProblems(input: PublishInput, now: Date): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!input.title.trim()) errors.title = 'Enter the title of the report or letter'
  for (const field of ['fieldworkStart', 'fieldworkEnd', 'statutoryPublicationDate'] as const)
    if (!isIsoDate(input[field])) errors[field] = 'Enter a real date as YYYY-MM-DD'
  if (!errors.fieldworkStart && !errors.fieldworkEnd && input.fieldworkEnd < input.fieldworkStart)
    errors.fieldworkEnd = 'The last day of fieldwork must be the same as or after the first'
  if (Number.isNaN(input.publishedAt.getTime())) errors.publishedAt = 'Give the time of publication'
  else if (input.publishedAt.getTime() > now.getTime())
    errors.publishedAt = 'A report or letter is published at its set time, not before'
  else if (!errors.fieldworkEnd && londonIsoDate(input.publishedAt) < input.fieldworkEnd)
    errors.publishedAt = 'A report or letter is published after fieldwork ends'
  if (!isPdf(input.pdf)) errors.pdf = 'The published file must be a PDF'
  if (input.childrenSummaryPdf) {
    if (input.kind !== 'inspection-report')
      errors.childrenSummaryPdf = 'Only an inspection report has a summary for children and young people (002#202)'
    else if (!isPdf(input.childrenSummaryPdf)) errors.childrenSummaryPdf = 'The summary for children must be a PDF'
  }
  if (input.kind === 'inspection-report' && !input.judgements)
    errors.judgements = 'An inspection report is published with its graded judgements (002#96, #205)'
  if (input.kind !== 'inspection-report' && input.judgements)
    errors.judgements = `A ${KIND_LABELS[input.kind].toLowerCase()} gives no grades (002#108-110, #207-208)`
  if (input.firstMonitoringLetter && input.kind !== 'monitoring-visit-letter')
    errors.firstMonitoringLetter = 'Only a monitoring visit letter can be the first of a set (001#41)'
  return errors
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length > PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).toString() === PDF_MAGIC
}

/**
 * Publishing a report or letter (issue 11): the PDFs go to the file store, then one transaction
 * writes the publication, the register's judgement (a report) or visit (a letter) linked to it
 * and its activity, and the audit entry. The activity's status is the reports workflow's to
 * move; this records what was published.
 */
export function publishService({ db, clock, blobs, register, activities }: PublicationsDeps) {
  return {
    /**
     * A 2015 offer's letter on the public list (000#38, #42; ADR 0028): a later quarterly review
     * letter or the progress inspection letter, from the offer's step, with no activity and no
     * register record. The first review letter is never published (000#38), so it is refused.
     */
    async publishOfferLetter(
      input: PublishOfferLetterInput,
      context: PublishContext,
    ): Promise<{ publicationId: string }> {
      const kind: OfferKind | undefined =
        input.step === 'pi.report.published'
          ? 'progress-inspection-letter'
          : /^review\.[234]$/.test(input.step)
            ? 'offer-review-letter'
            : undefined
      const errors = inputProblems(
        { ...input, activityId: '', laId: input.laCode, kind: kind ?? 'offer-review-letter' },
        clock.now(),
      )
      if (!kind)
        errors.step = 'Only the 6-, 9- and 12-month review letters and the progress letter are published (000#38, #42)'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      if (await publicationOfOfferStep(db, input.offerId, input.step))
        throw new ConflictError('This letter is already published')
      const pdf = await blobs.put(Readable.from([Buffer.from(input.pdf)]))
      const actor = context.actor ?? SYSTEM_ACTOR
      return db.transaction().execute(async (trx) => {
        const publicationId = await insertPublication(trx, {
          activityId: null,
          offer: { id: input.offerId, step: input.step },
          laCode: input.laCode,
          kind: kind!,
          activityType: null,
          title: input.title.trim(),
          fieldworkStart: input.fieldworkStart,
          fieldworkEnd: input.fieldworkEnd,
          statutoryPublicationDate: input.statutoryPublicationDate,
          publishedAt: input.publishedAt,
          public: true,
          judgements: null,
          pdf,
          summaryPdf: null,
          recordedBy: context.actor?.id ?? null,
        })
        await recordAudit(trx, {
          actor,
          action: 'publication.publish',
          recordType: 'publication',
          recordId: publicationId,
          laCode: input.laCode,
          summary: `Published ${KIND_LABELS[kind!].toLowerCase()} “${input.title.trim()}”`,
          changes: {
            offerId: input.offerId,
            step: input.step,
            kind,
            publishedAt: input.publishedAt.toISOString(),
            pdf: pdf.hash,
          },
          requestId: context.requestId,
        })
        return { publicationId }
      })
    },

    async publish(input: PublishInput, context: PublishContext): Promise<PublishResult> {
      const activity = await activities.find(input.activityId)
      if (!activity) throw new NotFoundError()
      const errors = inputProblems(input, clock.now())
      if (input.laId !== activity.laCode) errors.laId = `The activity is of LA ${activity.laCode}, not ${input.laId}`
      const allowed = KIND_ACTIVITY_TYPES[input.kind]
      if (allowed !== 'any' && !allowed.includes(activity.type))
        errors.kind = `A ${KIND_LABELS[input.kind].toLowerCase()} does not come from a ${activity.type.replaceAll('-', ' ')}`
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      if (input.kind !== 'partner-letter' && (await publicationOfKind(db, activity.id, input.kind)))
        throw new ConflictError(`This activity's ${KIND_LABELS[input.kind].toLowerCase()} is already published`)

      const store = async (bytes: Uint8Array) => blobs.put(Readable.from([Buffer.from(bytes)]))
      const pdf = await store(input.pdf)
      const summaryPdf = input.childrenSummaryPdf ? await store(input.childrenSummaryPdf) : null
      const actor = context.actor ?? SYSTEM_ACTOR
      const audit = { actor, requestId: context.requestId }
      const isPublic = !input.firstMonitoringLetter
      const publishedOn = londonIsoDate(input.publishedAt)

      return db.transaction().execute(async (trx) => {
        const publicationId = await insertPublication(trx, {
          activityId: activity.id,
          laCode: activity.laCode,
          kind: input.kind,
          activityType: activity.type,
          title: input.title.trim(),
          fieldworkStart: input.fieldworkStart,
          fieldworkEnd: input.fieldworkEnd,
          statutoryPublicationDate: input.statutoryPublicationDate,
          publishedAt: input.publishedAt,
          public: isPublic,
          judgements: input.judgements
            ? { framework: input.judgements.framework, grades: { ...input.judgements.grades } }
            : null,
          pdf,
          summaryPdf,
          recordedBy: context.actor?.id ?? null,
        })
        const source = { activityId: activity.id, publicationId }
        let judgementRecordId: string | null = null
        let visitId: string | null = null
        if (input.kind === 'inspection-report' && input.judgements) {
          judgementRecordId = await register.recordPublishedJudgement(
            trx,
            activity.laCode,
            {
              framework: input.judgements.framework,
              activityType: activity.type as JudgementActivityType,
              inspectionStart: input.fieldworkStart,
              inspectionEnd: input.fieldworkEnd,
              publishedOn,
              grades: input.judgements.grades,
            },
            source,
            audit,
          )
        } else if (input.kind === 'focused-visit-letter' || input.kind === 'monitoring-visit-letter') {
          visitId = await register.recordVisit(
            trx,
            {
              laCode: activity.laCode,
              visitType: input.kind === 'focused-visit-letter' ? 'focused-visit' : 'monitoring-visit',
              start: input.fieldworkStart,
              end: input.fieldworkEnd,
              // The first monitoring letter is not published (001#41): the visit happened, its letter was not.
              publishedOn: isPublic ? publishedOn : null,
              theme: activity.topics.length > 0 ? activity.topics.join('; ') : null,
              source: 'service',
              ...source,
            },
            audit,
          )
        }
        await recordAudit(trx, {
          actor,
          action: 'publication.publish',
          recordType: 'publication',
          recordId: publicationId,
          laCode: activity.laCode,
          summary: `${isPublic ? 'Published' : 'Recorded, not published (first monitoring letter, 001#41):'} ${KIND_LABELS[input.kind].toLowerCase()} “${input.title.trim()}” for ${activity.laName}`,
          changes: {
            activityId: activity.id,
            kind: input.kind,
            publishedAt: input.publishedAt.toISOString(),
            statutoryPublicationDate: input.statutoryPublicationDate,
            public: isPublic,
            pdf: pdf.hash,
            judgementRecordId,
            visitId,
          },
          requestId: context.requestId,
        })
        return { publicationId, public: isPublic, judgementRecordId, visitId }
      })
    },
  }
}
