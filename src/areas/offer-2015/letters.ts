import type { PolicyTarget } from '../../auth/policy.js'
import { renderDocx, renderPdf, seminarInvitationLetter } from '../../documents/index.js'
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
  { register, people, clock }: Pick<Offer2015Deps, 'register' | 'people' | 'clock'>,
  record: OfferRecord,
  target: PolicyTarget,
  format: LetterFormat,
) {
  const { la } = await register.show(record.offer.laCode)
  const [dcs] = await people.reaching(['la-dcs'], target)
  const [director] = await people.reaching(['regional-director'], target)
  const dates = datesOf(record)
  const model = seminarInvitationLetter({
    localAuthority: { name: la.name, code: la.laCode },
    reference: `OFFER-${la.laCode}-${record.offer.publishedOn}`,
    status: 'final',
    recipient: {
      name: dcs?.displayName ?? "Director of Children's Services",
      role: "Director of Children's Services",
      address: [la.name],
    },
    issued: record.steps.find((step) => step.step === 'invitation')?.doneOn ?? clock.today(),
    regionalDirector: director?.displayName ?? 'Regional Director',
    window: { earliest: dates.seminar.earliest, latest: dates.seminar.latest },
    ...(record.offer.seminarOn ? { preferredDate: record.offer.seminarOn } : {}),
    copies: SEMINAR_INVITATION_COPIES,
  })
  return { model, content: format === 'docx' ? await renderDocx(model) : await renderPdf(model) }
}
