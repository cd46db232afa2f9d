/**
 * The 2015 improvement offer's documents after the plan letters (000): the record of the
 * improvement planning seminar (Annex C) sent to the DCS; each monthly improvement monitoring
 * visit's letter, agreed with the senior HMI and never published (000#35); each quarterly review
 * letter, the first not published and the later three published (000#36-38); and the progress
 * inspection letter of Annex H/D, published and copied to the Secretary of State, the LSCB chair,
 * the lead member and the chief executive (000#49-50).
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { bullets, heading, paragraph, type DocumentModel } from '../model.js'
import {
  assertComplete,
  basisProblems,
  fieldworkDates,
  type Fieldwork,
  letterClose,
  letterOpening,
  listOfNames,
  metaFor,
  monthYear,
  ordinal,
  paragraphs,
  type Paragraphs,
  requireText,
  type DocumentBasis,
  type Recipient,
} from './common.js'

/** Annex C: the record of the seminar, agreed and signed by the HMI and the senior HMI (000#23). */
export interface SeminarRecordInput extends DocumentBasis {
  heldOn: IsoDate
  recordedOn: IsoDate
  attendees: readonly string[]
  /** Section 2: the evidence the lead HMI presented for the recommendations and priorities. */
  evidence: Paragraphs
  /** Section 3: the discussion, with any continuing disagreement noted. */
  discussion: Paragraphs
  /** Section 4: the agreed interpretation of the recommendations or priorities (Annex B: three to five). */
  priorities: readonly string[]
  hmi: string
  seniorHmi: string
  copies: readonly string[]
}

export function seminarRecord(input: SeminarRecordInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText(input.attendees, 'Enter the attendees', '000 Annex C'),
    ...requireText(input.priorities, 'Enter the priorities agreed', '000 Annex C'),
  ])
  const title = `${input.localAuthority.name}: record of improvement planning seminar`
  const none = (texts: Paragraphs) =>
    texts.some((text) => text.trim() !== '') ? paragraphs(texts) : [paragraph('None recorded.')]
  return {
    meta: metaFor('offer-seminar-record', title, input, {
      issued: input.recordedOn,
      fieldworkStart: input.heldOn,
      fieldworkEnd: input.heldOn,
    }),
    blocks: [
      heading(1, 'Record of improvement planning seminar'),
      paragraph(`${input.localAuthority.name}, seminar held on ${formatDate(input.heldOn)}`),
      heading(2, '1. List of attendees'),
      bullets(input.attendees),
      heading(2, '2. Evidence presented to support explanation of recommendations and priorities'),
      ...none(input.evidence),
      heading(2, '3. Details of discussion'),
      ...none(input.discussion),
      heading(2, '4. Details of agreed interpretation of recommendations or priorities'),
      bullets(input.priorities),
      paragraph(`Agreed and signed by Ofsted HMI and SHMI: ${input.hmi}, HMI; ${input.seniorHmi}, Senior HMI`),
      paragraph(`Date of record: ${formatDate(input.recordedOn)}`),
      paragraph(`Sent to the Director of Children's Services, cc ${input.copies.join(', ')}`),
    ],
  }
}

/** What a letter of the offer's monitoring has: to the DCS, from the HMI, on a visit's findings. */
interface OfferLetterBasis extends DocumentBasis {
  recipient: Recipient
  issued: IsoDate
  hmi: string
  /** The findings and recommendations as the HMI wrote them. */
  findings: Paragraphs
  copies: readonly string[]
}

/** A monthly improvement monitoring visit's letter (000#34-35): two days, never published. */
export interface OfferVisitLetterInput extends OfferLetterBasis {
  visit: number
  visitDates: Fieldwork
  seniorHmi: string
}

export function offerVisitLetter(input: OfferVisitLetterInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText(input.findings, 'Enter the priorities, cases looked at and findings of the visit', '000#34'),
  ])
  const subject = `Monthly improvement monitoring visit to ${input.localAuthority.name}`
  return {
    meta: metaFor('offer-visit-letter', subject, input, {
      issued: input.issued,
      fieldworkStart: input.visitDates.start,
      fieldworkEnd: input.visitDates.end,
    }),
    blocks: [
      ...letterOpening(input.issued, input.recipient, subject),
      paragraph(
        `This letter summarises the findings of the ${ordinal(input.visit)} of twelve monthly improvement monitoring visits to ${input.localAuthority.name}, which took place on ${fieldworkDates(input.visitDates)}. The visit looked at the performance priorities agreed with you and at cases selected to reflect them, evaluated in line with the case tracking guidance of the single inspection framework.`,
      ),
      heading(2, 'Findings and recommendations'),
      ...paragraphs(input.findings),
      paragraph(
        `The recommendations will be reviewed at the next monthly visit. This letter has been agreed with ${input.seniorHmi}, Senior HMI. There is no requirement to submit it to the improvement board and it will not be published by Ofsted.`,
      ),
      ...letterClose(input.hmi, "Her Majesty's Inspector", input.copies),
    ],
  }
}

/** A quarterly improvement board review letter (000#36-38): the first unpublished, the others published. */
export interface QuarterlyReviewLetterInput extends OfferLetterBasis {
  review: number
  published: boolean
  /** The offer's continuing viability is in doubt (000#37). */
  atRisk: boolean
}

export function quarterlyReviewLetter(input: QuarterlyReviewLetterInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText(input.findings, 'Enter the summary of findings and the trajectory of improvement', '000#36'),
  ])
  const subject = `Quarterly improvement review of ${input.localAuthority.name}`
  return {
    meta: metaFor('offer-review-letter', subject, input, { issued: input.issued }),
    blocks: [
      ...letterOpening(input.issued, input.recipient, subject),
      paragraph(
        `This is the ${ordinal(input.review)} of four quarterly reviews of progress under Ofsted's improvement offer. It gives a written summary of the findings of the three previous monthly improvement monitoring visits and concludes with an analysis of the trajectory of travel and the rate of improvement.`,
      ),
      heading(2, 'Findings, trajectory and rate of improvement'),
      ...paragraphs(input.findings),
      ...(input.atRisk
        ? [
            paragraph(
              'The concerns about progress set out above threaten the continuing viability of the improvement offer. The regional director and the National Director, Social Care have been alerted and will decide on the next course of action.',
            ),
          ]
        : []),
      paragraph(
        input.published
          ? "Her Majesty's Inspector will present these findings to the improvement board. The final version of this letter will be published on the Ofsted website."
          : "Her Majesty's Inspector will present these findings to the improvement board. As the first quarterly review, this letter will not be published.",
      ),
      ...letterClose(input.hmi, "Her Majesty's Inspector", input.copies),
    ],
  }
}

/** Annex H/D: the progress inspection letter, published and copied to four (000#49-50). */
export interface ProgressInspectionLetterInput extends OfferLetterBasis {
  fieldwork: Fieldwork
  /** The start of the inspection that found the LA inadequate. */
  inadequateInspectionOn: IsoDate
  judgement: 'satisfactory' | 'unsatisfactory'
  areasForImprovement: readonly string[]
  /** What inspectors did: cases, documents, meetings. */
  evidence: Paragraphs
  councilName: string
}

/** Annex H/D: the letter is copied to these (the council named last). */
export const PROGRESS_LETTER_COPIES = [
  'the Secretary of State',
  'the chair of the Local Safeguarding Children Board',
  "the lead member for children's services",
] as const

export function progressInspectionLetter(input: ProgressInspectionLetterInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText(input.findings, 'Enter the findings of the progress inspection', '000 Annex H/D'),
    ...requireText(input.evidence, 'Enter what inspectors did: cases, documents and meetings', '000 Annex H/D'),
  ])
  const subject = 'Progress inspection of children in need of protection and looked after children'
  const since = monthYear(input.inadequateInspectionOn)
  return {
    meta: metaFor('offer-progress-letter', `${input.localAuthority.name}: progress inspection`, input, {
      issued: input.issued,
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
    }),
    blocks: [
      ...letterOpening(input.issued, input.recipient, subject),
      paragraph(
        `Following the progress inspection of ${input.localAuthority.name} on ${fieldworkDates(input.fieldwork)}, I write on behalf of Her Majesty's Chief Inspector of Education, Children's Services and Skills to confirm the inspection findings. Thank you for the help given during the inspection and for the time you made available to discuss the actions taken since the inspection that identified inadequacies.`,
      ),
      paragraph(
        `The inspection was the first progress inspection since the local authority became subject to improvement notice or direction by the Secretary of State following the inspection which took place in ${since}. The areas for improvement identified during that inspection are set out in the annex to this letter.`,
      ),
      paragraph(
        `Having reviewed all the evidence, I consider that the local authority is making ${input.judgement} progress.`,
      ),
      paragraph(
        `This letter and inspection report will be published on the Ofsted website. I am copying them to ${listOfNames([...PROGRESS_LETTER_COPIES, `the chief executive of ${input.councilName}`])}.`,
      ),
      ...letterClose(input.hmi, "Her Majesty's Inspector", input.copies),
      heading(2, `The areas for improvement identified during the inspection that took place in ${since}`),
      bullets(
        input.areasForImprovement.length > 0 ? input.areasForImprovement : ['As set out in the inspection report.'],
      ),
      heading(2, `Report on the progress inspection on ${fieldworkDates(input.fieldwork)}`),
      heading(3, 'Evidence'),
      ...paragraphs(input.evidence),
      heading(3, 'Findings'),
      ...paragraphs(input.findings),
    ],
  }
}
