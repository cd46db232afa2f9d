/**
 * The regional director's letter inviting the DCS of an LA judged inadequate under the SIF to host
 * an improvement planning seminar (000#12, Annex A), written immediately after publication. It is
 * sent, not published, so it is a final copy.
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { bullets, heading, paragraph, type DocumentModel } from '../model.js'
import {
  assertComplete,
  basisProblems,
  letterClose,
  letterOpening,
  metaFor,
  requireText,
  type ContentProblem,
  type DocumentBasis,
  type Recipient,
} from './common.js'

export interface SeminarInvitationLetterInput extends DocumentBasis {
  recipient: Recipient
  issued: IsoDate
  regionalDirector: string
  /** 25 to 35 working days after publication (000#8, #12, Annex A). */
  window: { earliest: IsoDate; latest: IsoDate }
  /** The lead HMI's or senior HMI's preferred date, when there is one (Annex A). */
  preferredDate?: IsoDate
  /** Who the letter is copied to (000#12). */
  copies: readonly string[]
}

/** What is missing from the invitation, each with its citation. */
export function seminarInvitationLetterProblems(input: SeminarInvitationLetterInput): ContentProblem[] {
  return [
    ...basisProblems(input),
    ...requireText([input.recipient.name], 'Enter the name of the director of children’s services', '000 Annex A'),
    ...requireText([input.regionalDirector], 'Enter the name of the regional director', '000#12'),
  ]
}

/** Builds the invitation (000 Annex A, for an inadequate LA); throws IncompleteDocumentError when content is missing. */
export function seminarInvitationLetter(input: SeminarInvitationLetterInput): DocumentModel {
  assertComplete(seminarInvitationLetterProblems(input))
  const la = input.localAuthority.name
  const subject = `Inspection of ${la}: improvement planning seminar`
  const preferred = input.preferredDate
    ? ` The lead inspector and senior HMI would prefer ${formatDate(input.preferredDate)}.`
    : ''
  return {
    meta: metaFor('seminar-invitation-letter', subject, input, { issued: input.issued }),
    blocks: [
      ...letterOpening(input.issued, input.recipient, subject),
      paragraph(
        "You will be aware that as part of Ofsted's support to local authorities judged to be inadequate, we now offer an improvement planning seminar. " +
          'We would like to invite your authority to participate in this offer. The seminar is targeted at you and your senior leaders, together with ' +
          "the improvement board chair and your link person from the DfE's inspections and intervention team, colleagues from partner agencies and the Local Safeguarding Children Board.",
      ),
      // Annex A: "between 25 and 35 working days after publication of the report".
      paragraph(
        `We normally expect the seminar to take place between 25 and 35 working days after publication of the report. ` +
          `In your case this means between ${formatDate(input.window.earliest)} and ${formatDate(input.window.latest)}.${preferred} ` +
          'Although as host of the event the attendance list is for you to decide, our experience suggests that it should be limited to those who will have a direct contribution to make to improvement in your authority and who have the authority to do so (approximately six to eight attendees). ' +
          'As this event is targeted at senior managers, councillors should not be invited, although they can be briefed on the outcome of the seminar at a later stage.',
      ),
      paragraph(
        'The purpose of the seminar is to enable the lead inspector and senior HMI to present the key priorities of the inspection report in more detail before entering into informed discussion with you and your delegates to:',
      ),
      bullets([
        'ensure you are fully aware of the evidence that supports our recommendations and the priorities for action',
        'clarify any areas about which you are still not certain.',
      ]),
      paragraph(
        'The seminar will take approximately three hours and will focus on discussion. We are confident that it will be helpful and directly relevant to the work that you are undertaking to finalise your improvement plan.',
      ),
      heading(2, 'Your reply'),
      paragraph(
        'I would be grateful if you could confirm that you agree to your authority participating in this improvement offer activity, the options for dates that you can accommodate and your proposed list of attendees. I shall look forward to hearing from you at your earliest convenience.',
      ),
      ...letterClose(input.regionalDirector, 'Regional Director, Ofsted', input.copies),
    ],
  }
}
