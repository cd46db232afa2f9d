import type { PolicyTarget } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import {
  type DocumentModel,
  improvementPlanLetter,
  renderDocx,
  renderPdf,
  seminarInvitationLetter,
} from '../../documents/index.js'
import { SEMINAR_INVITATION_COPIES } from '../../rules/offer-2015.js'
import type { Offer2015Deps } from './service.js'
import { datesOf } from './steps.js'
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
  return {
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
