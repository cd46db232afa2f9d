/**
 * The regional director's letters on an LA's improvement plan under the 2015 offer (000#30-33,
 * Annexes D to G), in their wording for an inadequate LA: D, the plan reflects the inspection;
 * E, it does not, with the areas of difference; F, the differences resolved after discussion;
 * G, not resolved, the National Director and the DfE told. Sent, not published: final copies.
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

export interface ImprovementPlanLetterInput extends DocumentBasis {
  letter: 'D' | 'E' | 'F' | 'G'
  recipient: Recipient
  issued: IsoDate
  regionalDirector: string
  /** The date the LA's plan bears (D, E). */
  planDated: IsoDate
  /** The day of the improvement planning seminar; none when the LA declined it (000#7). */
  seminarOn?: IsoDate
  /** F and G: the date of the letter E they follow. */
  letterEOn?: IsoDate
  /** E and G: the areas of difference and their potential impact. */
  differences?: readonly string[]
  /** Who the letter is copied to (each annex's cc line). */
  copies: readonly string[]
}

/** What is missing from a plan letter, each with its citation. */
export function improvementPlanLetterProblems(input: ImprovementPlanLetterInput): ContentProblem[] {
  const problems = [
    ...basisProblems(input),
    ...requireText([input.regionalDirector], 'Enter the name of the regional director', '000 Annex D'),
  ]
  if (input.letter === 'E' || input.letter === 'G')
    problems.push(...requireText(input.differences, 'Enter the areas of difference', `000 Annex ${input.letter}`))
  if ((input.letter === 'F' || input.letter === 'G') && !input.letterEOn)
    problems.push({ message: 'Letters F and G follow a letter E', citation: '000#32-33' })
  return problems
}

const TRACKING =
  'As you know Ofsted will track the progress of your improvement plan as we proceed through the improvement offer and we shall discuss its impact on children and young people at key stages throughout the process.'

/** Builds letter D, E, F or G; throws IncompleteDocumentError when content is missing. */
export function improvementPlanLetter(input: ImprovementPlanLetterInput): DocumentModel {
  assertComplete(improvementPlanLetterProblems(input))
  const subject = `Inspection of ${input.localAuthority.name}: improvement plan`
  const at = input.seminarOn
    ? ` at the improvement planning seminar that took place on ${formatDate(input.seminarOn)}`
    : ' since the inspection'
  const thanks = `Thank you for sending me a copy of your local authority's improvement plan dated ${formatDate(input.planDated)}.`
  const further = `Further to my letter of ${formatDate(input.letterEOn ?? input.issued)}`
  const body: Record<ImprovementPlanLetterInput['letter'], Block[]> = {
    D: [
      paragraph(
        `${thanks} I can confirm that the plan satisfactorily reflects the recommendations and priorities of the inspection report and incorporates the outcome of discussions${at}.`,
      ),
      paragraph(TRACKING),
    ],
    E: [
      paragraph(
        `${thanks} I write to advise you that the plan does not satisfactorily reflect the recommendations and priorities of the inspection report and in the following respects fails to incorporate the outcome of discussions${at}.`,
      ),
      bullets(input.differences ?? []),
      paragraph(
        'I have asked the lead inspector to have a further discussion with you as soon as possible to establish whether it is possible to achieve a reconciliation of our divergent views. I will be grateful to receive a copy of the improvement plan if any amendment is made following this discussion. Upon receipt I will make arrangements to write to you again.',
      ),
    ],
    F: [
      paragraph(
        `${further}, I am pleased that your discussion with the lead inspector enabled us to reconcile our divergent views about particular aspects of your improvement plan.`,
      ),
      paragraph(
        `Following receipt of the updated plan, I can now confirm that it satisfactorily reflects the recommendations and priorities of the inspection report and incorporates the outcome of discussions${at}.`,
      ),
      paragraph(TRACKING),
    ],
    G: [
      paragraph(
        `${further}, I am disappointed that your discussion with the lead inspector did not enable us to fully reconcile our divergent views about particular aspects of your improvement plan, which in some respects fails to incorporate the outcome of discussions${at}.`,
      ),
      paragraph(
        'I would wish to take this opportunity to set out the areas where we have failed to reconcile our divergent views:',
      ),
      bullets(input.differences ?? []),
      paragraph(
        'Ofsted is concerned about this situation and I have asked the National Director, Social Care to make contact with you to discuss these issues further.',
      ),
      // 000#33, Annex G: the DfE considers conditions for the improvement notice or direction.
      paragraph(
        "I am copying this letter to the DfE's inspections and interventions team so that they will be able to consider whether this matter should be included in the advice provided to the minister as part of the improvement notice process.",
      ),
    ],
  }
  return {
    meta: metaFor('improvement-plan-letter', subject, input, { issued: input.issued }),
    blocks: [
      ...letterOpening(input.issued, input.recipient, subject),
      ...body[input.letter],
      ...letterClose(input.regionalDirector, 'Regional Director, Ofsted', input.copies),
    ],
  }
}
