/**
 * The regional director's letters of the monitoring programme after an inadequate judgement:
 * the letter confirming the action planning visit (001#9, Annex A) and the letter after reviewing
 * the action plan, that it reflects the recommendations (Annex D) or does not (Annex E, 001#21).
 * They are sent, not published, so they are final copies.
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { bullets, paragraph, type Block, type DocumentModel } from '../model.js'
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

/** What both letters carry: the DCS, the regional director who signs, and the copies. */
export interface ProgrammeLetterBasis extends DocumentBasis {
  recipient: Recipient
  issued: IsoDate
  regionalDirector: string
  /** Who the letter is copied to, in the words of the paragraph chosen (001#9 or 002#118). */
  copies: readonly string[]
}

/** The letter confirming the action planning visit (001 Annex A). */
export interface ActionPlanningVisitLetterInput extends ProgrammeLetterBasis {
  /** The window 25 to 35 working days after the LA received its report (001#10). */
  window: { earliest: IsoDate; latest: IsoDate }
  /** The lead HMI's or senior HMI's preferred date, when there is one. */
  preferredDate?: IsoDate
}

/** The subject line both letters share, then what the letter is about (001 Annexes A, D, E). */
export function programmeLetterSubject(localAuthority: string, about: 'action planning visit' | 'action plan'): string {
  return `Inspection of ${localAuthority} children's services: ${about}`
}

function letterProblems(input: ProgrammeLetterBasis): ContentProblem[] {
  return [
    ...basisProblems(input),
    ...requireText([input.recipient.name], 'Enter the name of the director of children’s services', '001 Annex A'),
    ...requireText([input.regionalDirector], 'Enter the name of the regional director', '001#9'),
  ]
}

/** Builds the letter confirming the action planning visit; throws IncompleteDocumentError when content is missing. */
export function actionPlanningVisitLetter(input: ActionPlanningVisitLetterInput): DocumentModel {
  assertComplete(letterProblems(input))
  const subject = programmeLetterSubject(input.localAuthority.name, 'action planning visit')
  const preferred = input.preferredDate
    ? ` The lead inspector and senior HMI would prefer ${formatDate(input.preferredDate)}.`
    : ''
  const blocks: Block[] = [
    ...letterOpening(input.issued, input.recipient, subject),
    paragraph(
      "As part of Ofsted's response to local authorities judged to be inadequate, we now deliver an action planning visit. " +
        'This visit is to support you and your senior leaders in creating an action plan that reflects the findings of our inspection. ' +
        'The improvement board chair and your link person from the Department for Education (DfE)’s inspections and intervention team, ' +
        'as well as relevant colleagues from partner agencies and the local safeguarding children board, should attend.',
    ),
    // 001#10 and Annex A: between 25 and 35 working days of receiving the inspection report.
    paragraph(
      `We normally expect the visit to take place between 25 and 35 working days of you receiving the inspection report. ` +
        `In your case, this means between ${formatDate(input.window.earliest)} and ${formatDate(input.window.latest)}.${preferred} ` +
        'As this event aims to support your action planning, the attendance list is for you to agree with the lead inspector. ' +
        'Our experience suggests that it should be limited to those who will have a direct contribution to make to improvement in your area and who have the authority to do so.',
    ),
    paragraph(
      'The purpose of the visit is to enable the lead inspector and senior HMI to present the key priorities of the inspection report in more detail before entering into informed discussion with you and your delegates to:',
    ),
    bullets([
      'ensure that you are fully aware of the evidence that supports our recommendations',
      'clarify any areas about which you are still not certain.',
    ]),
    paragraph(
      'We are confident that it will be helpful and directly relevant to the work that you are undertaking to finalise your action plan.',
    ),
    paragraph(
      'I would be grateful if you could confirm the options for dates that you can accommodate and your proposed list of attendees. I look forward to hearing from you at your earliest convenience.',
    ),
    ...letterClose(input.regionalDirector, 'Regional Director, Ofsted', input.copies),
  ]
  return { meta: metaFor('action-planning-visit-letter', subject, input, { issued: input.issued }), blocks }
}

/** The letter after reviewing the action plan (001#21, Annexes D and E). */
export interface ActionPlanLetterInput extends ProgrammeLetterBasis {
  reflects: boolean
  /** The date of the action plan, as the LA dated it. */
  planDated: IsoDate
  /** The day the action planning visit took place. */
  visitOn: IsoDate
  /** Annex E: the areas of difference, the reasons and the potential impact (001#21). */
  differences?: readonly string[]
  /** Annex E: the lead inspector who will discuss it with the DCS, when named. */
  leadInspector?: string
}

/** What is missing from an action-plan letter, each with its citation. */
export function actionPlanLetterProblems(input: ActionPlanLetterInput): ContentProblem[] {
  return [
    ...letterProblems(input),
    ...(input.reflects
      ? []
      : [...requireText(input.differences, 'Enter the areas of difference and the reasons', '001#21, Annex E')]),
  ]
}

/** Builds the Annex D or Annex E letter; throws IncompleteDocumentError when content is missing. */
export function actionPlanLetter(input: ActionPlanLetterInput): DocumentModel {
  assertComplete(actionPlanLetterProblems(input))
  const subject = programmeLetterSubject(input.localAuthority.name, 'action plan')
  const thanks = `Thank you for sending me a copy of your local authority's action plan dated ${formatDate(input.planDated)}.`
  const body: Block[] = input.reflects
    ? [
        // 001 Annex D.
        paragraph(
          `${thanks} The plan satisfactorily reflects the recommendations of the inspection report and incorporates the outcome of discussions at the action planning visit that took place on ${formatDate(input.visitOn)}.`,
        ),
        paragraph(
          'As you know, Ofsted will track the progress of your action plan as we proceed through our monitoring visits and we shall discuss its impact on children and young people at key stages throughout the process.',
        ),
      ]
    : [
        // 001 Annex E.
        paragraph(
          `${thanks} I write to advise you that the plan does not reflect the recommendations of the inspection report and fails to incorporate the outcome of discussions at the action planning visit that took place on ${formatDate(input.visitOn)}.`,
        ),
        bullets(input.differences ?? []),
        paragraph(
          `I have asked the lead inspector${input.leadInspector ? `, ${input.leadInspector},` : ''} to have a further discussion with you as soon as possible to establish whether it is possible to resolve our different views. ` +
            'I shall look forward in due course to hearing about the outcome of this discussion. I will be grateful to receive a copy of the action plan if any amendment is made following this discussion. On receipt, I will write to you again.',
        ),
      ]
  const blocks: Block[] = [
    ...letterOpening(input.issued, input.recipient, subject),
    ...body,
    ...letterClose(input.regionalDirector, 'Regional Director, Ofsted', input.copies),
  ]
  return { meta: metaFor('action-plan-letter', subject, input, { issued: input.issued }), blocks }
}
