import type { PolicyTarget } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import {
  type DocumentModel,
  improvementPlanLetter,
  offerVisitLetter,
  progressInspectionLetter,
  quarterlyReviewLetter,
  renderDocx,
  renderPdf,
  seminarInvitationLetter,
  seminarRecord,
} from '../../documents/index.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import { SEMINAR_INVITATION_COPIES } from '../../rules/offer-2015.js'
import type { Offer2015Deps } from './service.js'
import { datesOf, progressTimelineOf } from './steps.js'
import type { OfferRecord } from './types.js'

export type LetterFormat = 'docx' | 'pdf'

/**
 * The invitation to host the improvement planning seminar (000#12, Annex A) as Word or PDF
 * (ADR 0012): dated the day it was recorded as sent (today before then), the 25 to 35 working day
 * window from the rules core, the agreed date once there is one, and the copies of 000#12.
 */
export async function invitationLetter(
  deps: LetterDeps,
  record: OfferRecord,
  target: PolicyTarget,
  format: LetterFormat,
) {
  const dates = datesOf(record)
  const model = seminarInvitationLetter({
    ...(await basis(deps, record, target)),
    issued: record.steps.find((step) => step.step === 'invitation')?.doneOn ?? deps.clock.today(),
    window: { earliest: dates.seminar.earliest, latest: dates.seminar.latest },
    ...(record.offer.seminarOn ? { preferredDate: record.offer.seminarOn } : {}),
    copies: SEMINAR_INVITATION_COPIES,
  })
  return render(model, format)
}

type LetterDeps = Pick<Offer2015Deps, 'register' | 'people' | 'clock'>

/** What every letter of the offer carries: the LA, the DCS it goes to, the regional director who signs. */
async function basis({ register, people }: LetterDeps, record: OfferRecord, target: PolicyTarget) {
  const { la } = await register.show(record.offer.laCode)
  const [dcs] = await people.reaching(['la-dcs'], target)
  const [director] = await people.reaching(['regional-director'], target)
  const [hmi] = await people.reaching(['hmi'], target)
  const [seniorHmi] = await people.reaching(['senior-hmi'], target)
  return {
    hmi: hmi?.displayName ?? "Her Majesty's Inspector",
    seniorHmi: seniorHmi?.displayName ?? 'Senior HMI',
    localAuthority: { name: la.name, code: la.laCode },
    reference: `OFFER-${la.laCode}-${record.offer.publishedOn}`,
    status: 'final' as const,
    recipient: {
      name: dcs?.displayName ?? "Director of Children's Services",
      role: "Director of Children's Services",
      address: [la.name],
    },
    regionalDirector: director?.displayName ?? 'Regional Director',
  }
}

async function render(model: DocumentModel, format: LetterFormat) {
  return { model, content: format === 'docx' ? await renderDocx(model) : await renderPdf(model) }
}

/**
 * The latest letter on the improvement plan (000#30-33, Annexes D to G): the resolution (F or G)
 * when there is one, else the first review (D or E); NotFoundError before the first.
 */
export async function planLetterDocument(
  deps: LetterDeps,
  record: OfferRecord,
  target: PolicyTarget,
  format: LetterFormat,
) {
  const find = (key: string) => record.steps.find((step) => step.step === key)
  const first = find('plan.letter')
  const sent = find('plan.resolution') ?? first
  if (!sent) throw new NotFoundError()
  const letter = sent.detail['letter'] as 'D' | 'E' | 'F' | 'G'
  const lines = (text: string) => text.split(/\n+/).filter((line) => line.trim() !== '')
  const model = improvementPlanLetter({
    ...(await basis(deps, record, target)),
    letter,
    issued: sent.doneOn,
    planDated: find('plan.received')?.doneOn ?? first!.doneOn,
    ...(record.offer.seminarOn ? { seminarOn: record.offer.seminarOn } : {}),
    ...(letter === 'F' || letter === 'G' ? { letterEOn: first!.doneOn } : {}),
    ...(letter === 'E' || letter === 'G' ? { differences: lines(sent.note) } : {}),
    // Annexes D to G: copied to the SHMI, HMI, the National Director and, for an inadequate LA, the DfE.
    copies: ['SHMI', 'HMI', 'the National Director, Social Care', 'the DfE inspections and interventions team'],
  })
  return render(model, format)
}

/** The offer's letters generated from a recorded step (000#23, #35, #36-38, Annex H/D), by step key. */
export const STEP_LETTERS = {
  'seminar.record': 'Record of the improvement planning seminar (Annex C)',
  visit: 'Monthly improvement monitoring visit letter (not published)',
  review: 'Quarterly review letter',
  'pi.report.published': 'Progress inspection letter (Annex H/D)',
} as const

/** Which letter a step has, if any: the seminar record, a visit, a review or the progress letter. */
export function letterOfStep(step: string): keyof typeof STEP_LETTERS | undefined {
  if (step === 'seminar.record' || step === 'pi.report.published') return step
  if (/^visit\.\d+$/.test(step)) return 'visit'
  if (/^review\.\d$/.test(step)) return 'review'
  return undefined
}

const textLines = (text: string) => text.split(/\n+/).filter((line) => line.trim() !== '')
const detailText = (value: unknown) => (typeof value === 'string' ? textLines(value) : [])
const detailList = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])

/**
 * The letter of a recorded step as Word or PDF: the seminar record (Annex C) from the seminar's
 * form; a visit's or review's letter from its note; the progress inspection letter (Annex H/D)
 * from the judgement, the days on site, the case sample and the note. NotFoundError when the step
 * has no letter or is not recorded yet; IncompleteDocumentError (400) when its content is missing.
 */
export async function stepLetterDocument(
  deps: LetterDeps,
  record: OfferRecord,
  target: PolicyTarget,
  stepKey: string,
  format: LetterFormat,
  evidence: readonly string[] = [],
) {
  const which = letterOfStep(stepKey)
  const step = record.steps.find((candidate) => candidate.step === stepKey)
  if (!which || !step) throw new NotFoundError()
  const { hmi, seniorHmi, ...common } = await basis(deps, record, target)
  const findings = textLines(step.note)
  const number = Number(stepKey.split('.')[1])
  if (which === 'seminar.record') {
    const seminar = record.steps.find((candidate) => candidate.step === 'seminar')
    if (!seminar) throw new NotFoundError()
    return render(
      seminarRecord({
        ...common,
        heldOn: seminar.doneOn,
        recordedOn: step.doneOn,
        attendees: detailList(seminar.detail['attendees']),
        evidence: detailText(seminar.detail['evidence']),
        discussion: detailText(seminar.detail['discussion']),
        priorities: detailList(seminar.detail['priorities']),
        hmi,
        seniorHmi,
        copies: ['the National Director, Social Care'],
      }),
      format,
    )
  }
  const letter = { ...common, hmi, findings, copies: [`${seniorHmi}, Senior HMI`] }
  if (which === 'visit')
    // 000#34: a visit lasts two days; recorded on its first.
    return render(
      offerVisitLetter({
        ...letter,
        issued: addWorkingDays(step.doneOn, 1),
        visit: number,
        visitDates: { start: step.doneOn, end: addWorkingDays(step.doneOn, 1) },
        seniorHmi,
      }),
      format,
    )
  if (which === 'review')
    return render(
      quarterlyReviewLetter({
        ...letter,
        // 000#36: the draft goes to the DfE's inspections and interventions team before the board.
        copies: [...letter.copies, 'the DfE inspections and interventions team'],
        issued: step.doneOn,
        review: number,
        published: reviewPublished(record, number),
        atRisk: step.detail['atRisk'] === true,
      }),
      format,
    )
  const timeline = progressTimelineOf(record)
  const judgement = record.offer.progressJudgement
  if (!timeline || !judgement) throw new NotFoundError()
  const on = (key: string) => timeline.milestones.find((milestone) => milestone.key === key)!.date
  const { records, la } = await deps.register.show(record.offer.laCode)
  const inadequate = records.find((candidate) => candidate.id === record.offer.judgementId)
  return render(
    progressInspectionLetter({
      ...letter,
      issued: step.doneOn,
      fieldwork: { start: on('onsite.start'), end: on('onsite.end') },
      inadequateInspectionOn: inadequate?.inspectionStart ?? record.offer.publishedOn,
      judgement,
      areasForImprovement: detailList(
        record.steps.find((candidate) => candidate.step === 'seminar')?.detail['priorities'],
      ),
      // What inspectors did (Annex H/D): the days on site, then the case sample as recorded.
      evidence: [
        `Inspectors were on site from ${formatDate(on('onsite.start'))} to ${formatDate(on('onsite.end'))}. They tracked and audited cases selected by the lead inspector, read documents the local authority provided and met managers, staff and partners.`,
        ...evidence,
      ],
      councilName: `${la.name} council`,
    }),
    format,
  )
}

/** 000#38: the first quarterly review letter is not published, the later three are. */
export function reviewPublished(record: OfferRecord, review: number): boolean {
  return datesOf(record).boardReviews.find((candidate) => candidate.review === review)?.published ?? false
}
