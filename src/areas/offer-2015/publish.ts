import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import type { PublicationsService } from '../publications/index.js'
import { letterOfStep, reviewPublished } from './letters.js'
import { datesOf, progressTimelineOf } from './steps.js'
import type { OfferRecord } from './types.js'

/** The letters of an offer that go on the public list (000#38, #42): reviews 2 to 4 and the progress letter. */
export function isPublishedLetter(record: OfferRecord, step: string): boolean {
  if (step === 'pi.report.published') return true
  return letterOfStep(step) === 'review' && reviewPublished(record, Number(step.split('.')[1]))
}

/**
 * Publishing an offer's letter on /published (issue 15, ADR 0028): the letter as generated from
 * its recorded step, as a PDF, with the offer's own statutory date for it; the publications area
 * stores it without an activity. The first quarterly review letter is never published (000#38).
 */
export async function publishOfferLetter(
  deps: { publications: Pick<PublicationsService, 'publishOfferLetter'>; clock: { now(): Date } },
  principal: Principal,
  record: OfferRecord,
  laName: string,
  step: string,
  pdf: Uint8Array,
  context: RequestContext,
) {
  const done = record.steps.find((candidate) => candidate.step === step)
  if (!done || !letterOfStep(step)) throw new NotFoundError()
  if (!isPublishedLetter(record, step))
    throw new ValidationError({ step: 'The first quarterly review letter is not published (000#38)' })
  const number = Number(step.split('.')[1])
  const timeline = progressTimelineOf(record)
  const on = (key: string) => timeline?.milestones.find((milestone) => milestone.key === key)?.date
  const progress = step === 'pi.report.published'
  const review = datesOf(record).boardReviews.find((candidate) => candidate.review === number)
  if (progress && !timeline) throw new NotFoundError()
  return deps.publications.publishOfferLetter(
    {
      offerId: record.offer.id,
      step,
      laCode: record.offer.laCode,
      title: progress ? `${laName}: progress inspection letter` : `${laName}: quarterly review letter ${number}`,
      fieldworkStart: progress ? on('onsite.start')! : done.doneOn,
      fieldworkEnd: progress ? on('onsite.end')! : done.doneOn,
      statutoryPublicationDate: progress ? on('report.published')! : (review?.about ?? done.doneOn),
      publishedAt: deps.clock.now(),
      pdf,
    },
    { requestId: context.requestId, actor: principal },
  )
}
