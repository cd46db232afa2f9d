/**
 * The letter after a focused visit (002#108-110, #202, #207): narrative findings about strengths
 * and areas for improvement, and areas for priority action where weaknesses are serious. Never a
 * grade: the input has no field for one and the letter no judgement table (002#108).
 */
import { type IsoDate } from '../../rules/calendar/dates.js'
import { bullets, heading, paragraph, type Block, type DocumentModel } from '../model.js'
import {
  assertComplete,
  basisProblems,
  fieldworkDates,
  letterClose,
  letterOpening,
  listOfNames,
  metaFor,
  paragraphs,
  requireText,
  type ContentProblem,
  type DocumentBasis,
  type Fieldwork,
  type Paragraphs,
  type Recipient,
} from './common.js'

/** Everything a focused-visit letter says. */
export interface FocusedVisitLetterInput extends DocumentBasis {
  fieldwork: Fieldwork
  issued: IsoDate
  recipient: Recipient
  leadInspector: string
  otherInspectors?: readonly string[]
  /** What the visit looked at (the themes of 002#105-107), completing "Inspectors looked at …". */
  focus: string
  /** The findings: strengths and areas for improvement, in narrative (002#108). */
  findings: Paragraphs
  /** A small number of areas where improvement is needed most (002#207, #209). */
  areasForImprovement: readonly string[]
  /** Serious weaknesses only (002#109-110); the section appears when there are any. */
  areasForPriorityAction?: readonly string[]
}

/**
 * A grade given as a verdict: "judged good", "rated as inadequate", "requires improvement to be
 * good" (only ever a grade). Plain uses of the words ("good practice", "inadequate protection",
 * 002#109's own words) pass.
 */
export const GRADE_VERDICT =
  /\b(?:requires improvement to be good|(?:judged|graded|rated)(?: it| them)?(?: as| to be)? (?:outstanding|good|requires improvement|inadequate))\b/i

/** What is missing from a focused-visit letter's content, each with its citation. */
export function focusedVisitLetterProblems(input: FocusedVisitLetterInput): ContentProblem[] {
  const problems: ContentProblem[] = [
    ...basisProblems(input),
    ...requireText([input.focus], 'Enter what the visit looked at', '002#105'),
    ...requireText(input.findings, 'Enter the findings of the visit', '002#108'),
  ]
  // 002#108: no grade, and nothing saying what the grade would have been. The input has no field
  // for one; a verdict in the words of the four-point scale is refused in the text too.
  const texts = [...input.findings, ...input.areasForImprovement, ...(input.areasForPriorityAction ?? [])]
  if (texts.some((text) => GRADE_VERDICT.test(text))) {
    problems.push({
      message: 'A focused-visit letter gives no grade and does not say what it would have been',
      citation: '002#108',
    })
  }
  return problems
}

/** The letter's subject line, as Ofsted's published letters give it. */
export function focusedVisitSubject(localAuthority: string): string {
  return `Focused visit to ${localAuthority} children's services`
}

/** Builds a focused-visit letter; throws IncompleteDocumentError when content is missing or graded. */
export function focusedVisitLetter(input: FocusedVisitLetterInput): DocumentModel {
  assertComplete(focusedVisitLetterProblems(input))
  const la = input.localAuthority.name
  const subject = focusedVisitSubject(la)
  const inspectors = [input.leadInspector, ...(input.otherInspectors ?? [])]
  const blocks: Block[] = [
    ...letterOpening(input.issued, input.recipient, subject),
    paragraph(
      `This letter summarises the findings of the focused visit to ${la} children's services on ${fieldworkDates(input.fieldwork)}. ` +
        `His Majesty's Inspectors for this visit were ${listOfNames(inspectors)}.`,
    ),
    paragraph(`Inspectors looked at ${input.focus}.`),
    // 002#207: the letter sets out the findings…
    heading(2, 'Findings'),
    ...paragraphs(input.findings),
  ]
  if (input.areasForImprovement.length > 0) {
    // …may identify a small number of areas where improvement is needed most (002#207, #209)…
    blocks.push(heading(2, 'Areas where improvement is needed most'), bullets(input.areasForImprovement))
  }
  if (input.areasForPriorityAction && input.areasForPriorityAction.length > 0) {
    // …and, where weaknesses are serious, a section on areas for priority action (002#109-110, #207).
    blocks.push(heading(2, 'Areas for priority action'), bullets(input.areasForPriorityAction))
  }
  blocks.push(
    paragraph(
      'Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.',
    ),
    ...letterClose(input.leadInspector, "His Majesty's Inspector"),
  )
  return {
    meta: metaFor('focused-visit-letter', subject, input, {
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
      issued: input.issued,
    }),
    blocks,
  }
}
