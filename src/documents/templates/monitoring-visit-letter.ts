/**
 * The letter after a monitoring visit to an LA judged inadequate (002#202, #208; 001#25, #39-41):
 * a brief report of the findings and, in particular, the inspector's evaluation of the LA's
 * progress. In the letter form of 001 Annexes A, D and E. No grades: monitoring gives none.
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
  monthYear,
  ordinal,
  paragraphs,
  requireText,
  type ContentProblem,
  type DocumentBasis,
  type Fieldwork,
  type Paragraphs,
  type Recipient,
} from './common.js'

/** Everything a monitoring-visit letter says. */
export interface MonitoringVisitLetterInput extends DocumentBasis {
  fieldwork: Fieldwork
  issued: IsoDate
  recipient: Recipient
  leadInspector: string
  otherInspectors?: readonly string[]
  /** 1 for the first monitoring visit after the inspection, and so on. */
  visitNumber: number
  /** The last day of the inspection that judged the LA inadequate. */
  judgedInadequateOn: IsoDate
  /** What the visit looked at: the key weaknesses and recommendations agreed for it (001#25, #39). */
  areasCovered: readonly string[]
  /** The findings and the evaluation of progress since the inspection (001#40; 002#208). */
  findings: Paragraphs
  /**
   * The monitoring programme's recommendations and areas for priority action (issue 12's thread):
   * each one this visit looked at with the progress recorded, and those it did not look at.
   */
  itemProgress?: {
    readonly looked: readonly { ref: string; text: string; progress: string; note: string }[]
    readonly notLooked: readonly { ref: string; text: string }[]
  }
  /** The areas agreed at feedback for the next visit, when known (001#39). */
  nextVisitFocus?: readonly string[]
  /** Who the letter is copied to (001 Annex A's "cc" line). */
  copies?: readonly string[]
}

/** What is missing from a monitoring-visit letter's content, each with its citation. */
export function monitoringVisitLetterProblems(input: MonitoringVisitLetterInput): ContentProblem[] {
  const problems: ContentProblem[] = [
    ...basisProblems(input),
    ...requireText(input.areasCovered, 'Enter the areas the visit covered', '001#25'),
    ...requireText(input.findings, 'Enter the findings and the evaluation of progress', '001#40'),
  ]
  if (!Number.isInteger(input.visitNumber) || input.visitNumber < 1) {
    problems.push({ message: 'The visit number is a whole number from 1', citation: '001#41' })
  }
  return problems
}

/** The letter's subject line. */
export function monitoringVisitSubject(localAuthority: string): string {
  return `Monitoring visit to ${localAuthority} children's services`
}

/**
 * Builds a monitoring-visit letter; throws IncompleteDocumentError when content is missing.
 * Whether it is published (not after the first visit, 001#41) is the reports area's decision.
 */
export function monitoringVisitLetter(input: MonitoringVisitLetterInput): DocumentModel {
  assertComplete(monitoringVisitLetterProblems(input))
  const la = input.localAuthority.name
  const subject = monitoringVisitSubject(la)
  const inspectors = [input.leadInspector, ...(input.otherInspectors ?? [])]
  const blocks: Block[] = [
    // 001 Annex A: date, addressee, "Dear …", the subject.
    ...letterOpening(input.issued, input.recipient, subject),
    paragraph(
      `This letter summarises the findings of the ${ordinal(input.visitNumber)} monitoring visit to ${la} children's services ` +
        `since the local authority was judged inadequate in ${monthYear(input.judgedInadequateOn)}. ` +
        `The visit took place on ${fieldworkDates(input.fieldwork)}. ` +
        `His Majesty's Inspectors for this visit were ${listOfNames(inspectors)}.`,
    ),
    // 001#25, #39: the visit looks at the weaknesses and recommendations agreed for it.
    heading(2, 'Areas covered by the visit'),
    paragraph(
      'Inspectors reviewed the progress made in the following areas of concern identified at the last inspection:',
    ),
    bullets(input.areasCovered),
    // 001#40, 002#208: the findings, and in particular the evaluation of the LA's progress.
    heading(2, 'Findings and evaluation of progress'),
    ...paragraphs(input.findings),
  ]
  if (input.itemProgress) blocks.push(...itemProgressBlocks(input.itemProgress))
  if (input.nextVisitFocus && input.nextVisitFocus.length > 0) {
    // 001#39: the areas to consider at the next visit are agreed at feedback.
    blocks.push(heading(2, 'The next monitoring visit'), bullets(input.nextVisitFocus))
  }
  blocks.push(
    paragraph('I look forward to seeing you at the next monitoring visit.'),
    ...letterClose(input.leadInspector, "His Majesty's Inspector", input.copies),
  )
  return {
    meta: metaFor('monitoring-visit-letter', subject, input, {
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
      issued: input.issued,
    }),
    blocks,
  }
}

/**
 * Progress item by item (001#25: monitoring relates to the report's recommendations; #40: the
 * letter evaluates the LA's progress): what this visit found against each item it looked at, and
 * which items it left for another visit, so the letters together follow every item.
 */
function itemProgressBlocks(items: NonNullable<MonitoringVisitLetterInput['itemProgress']>): Block[] {
  const blocks: Block[] = [heading(2, 'Progress against the recommendations')]
  if (items.looked.length > 0)
    blocks.push(
      paragraph('Inspectors evaluated progress against these recommendations and areas for priority action:'),
      bullets(
        items.looked.map((item) => `${item.ref}: ${item.text}. ${item.progress}${item.note ? `: ${item.note}` : '.'}`),
      ),
    )
  if (items.notLooked.length > 0)
    blocks.push(
      paragraph(
        items.looked.length > 0
          ? 'This visit did not look at:'
          : 'This visit did not evaluate progress against any recommendation. It did not look at:',
      ),
      bullets(items.notLooked.map((item) => `${item.ref}: ${item.text}`)),
    )
  return blocks
}
