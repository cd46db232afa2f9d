/**
 * Content for tests and the benchmark: an invented inspection of Kent (LA 886) on real dates
 * (fieldwork Monday 18 to Friday 29 January 2027, publication 21 working days later on Monday
 * 1 March 2027, 002#216), a focused visit and a monitoring visit. The text is invented.
 */
import { renderDocx } from './docx.js'
import type { DocumentModel } from './model.js'
import { renderPdf } from './pdf.js'
import { docxFurniture, docxText, pdfText, type DocxFurniture } from './read.js'
import type { FocusedVisitLetterInput } from './templates/focused-visit-letter.js'
import type { InspectionReportInput } from './templates/inspection-report.js'
import type { MonitoringVisitLetterInput } from './templates/monitoring-visit-letter.js'
import type { PartnerInspectorateLetterInput } from './templates/partner-inspectorate-letter.js'

const KENT = { name: 'Kent', code: '886' }
const DCS = {
  name: 'Alex Morgan',
  role: "Director of Children's Services",
  address: ['Kent County Council', 'Sessions House', 'County Road', 'Maidstone', 'ME14 1XQ'],
}

/** A sentence of plausible report prose, numbered so that every paragraph differs. */
function prose(topic: string, n: number): string {
  return (
    `${topic} (${n}). Social workers know the children they work with well and visit them regularly, ` +
    'seeing them alone when it is appropriate to do so. Assessments are thorough and consider the history ' +
    'of the family, although a small number do not fully analyse the impact of parental difficulties on ' +
    'the child. Plans are mostly clear about what needs to change, and managers review them regularly.'
  )
}

function proseParagraphs(topic: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => prose(topic, i + 1))
}

/**
 * A standard inspection report under the 2023 framework. `paragraphsPerSection` sets its length
 * in the PDF: 4 gives 3 pages, 10 gives 6, 20 gives 10 and 22 gives 11, one more than 002#212
 * allows (LibreOffice lays the .docx out on the same number of pages).
 */
export function reportInput(paragraphsPerSection = 4): InspectionReportInput {
  return {
    localAuthority: KENT,
    reference: '80471',
    status: 'draft',
    inspection: 'standard',
    framework: 'ilacs-2023',
    fieldwork: { start: '2027-01-18', end: '2027-01-29' },
    leadInspector: 'Sam Patel',
    grades: {
      overall: 'good',
      helpAndProtection: 'good',
      childrenInCare: 'good',
      careLeavers: 'requires-improvement',
      leaders: 'outstanding',
    },
    summary: {
      experiencesOfChildren: [
        'Children in Kent receive good help and protection. Most children benefit from timely and effective support that improves their lives.',
      ],
      leadersKnowPractice: ['Leaders know the strengths of front-line practice and where it needs to improve.'],
      supportForPractice: [
        'Leaders have invested in the workforce, so caseloads are manageable and staff turnover is low.',
      ],
      changeSinceLastInspection: [
        'Since the last inspection, services for care leavers have improved but remain inconsistent.',
      ],
    },
    areasForImprovement: [
      'The quality and timeliness of pathway plans for care leavers.',
      'Management oversight of the response to children who go missing from home or care.',
    ],
    sections: {
      helpAndProtection: proseParagraphs('Help and protection', paragraphsPerSection),
      childrenInCare: proseParagraphs('Children in care', paragraphsPerSection),
      leaders: proseParagraphs('Leaders', paragraphsPerSection),
    },
    careLeavers: proseParagraphs('Care leavers', paragraphsPerSection),
  }
}

/** A focused visit to Kent on Tuesday 2 and Wednesday 3 March 2027, with an area for priority action. */
export function focusedVisitInput(): FocusedVisitLetterInput {
  return {
    localAuthority: KENT,
    reference: '80471',
    status: 'final',
    fieldwork: { start: '2027-03-02', end: '2027-03-03' },
    issued: '2027-03-23',
    recipient: DCS,
    leadInspector: 'Sam Patel',
    otherInspectors: ['Jo Williams'],
    focus: "the local authority's arrangements for children in need and children subject to a child protection plan",
    findings: [
      'Children in need of help and protection are seen promptly, and social workers build trusting relationships with them.',
      'Strategy meetings are timely and well attended by partner agencies, and information is shared effectively.',
    ],
    areasForImprovement: ['The consistency of management oversight of child in need plans.'],
    areasForPriorityAction: [
      'The timeliness of initial child protection conferences for children at risk of significant harm.',
    ],
  }
}

/** The third monitoring visit to Kent, on Tuesday 13 and Wednesday 14 April 2027. */
export function monitoringVisitInput(): MonitoringVisitLetterInput {
  return {
    localAuthority: KENT,
    reference: '80471',
    status: 'draft',
    fieldwork: { start: '2027-04-13', end: '2027-04-14' },
    issued: '2027-05-13',
    recipient: DCS,
    leadInspector: 'Sam Patel',
    visitNumber: 3,
    judgedInadequateOn: '2026-06-26',
    areasCovered: [
      'The front door and the response to contacts and referrals.',
      'Management oversight and supervision.',
    ],
    findings: [
      'The local authority has made steady progress since the last monitoring visit.',
      'Contacts and referrals are now screened promptly, and thresholds are applied consistently.',
    ],
    nextVisitFocus: ['Children in care and permanence planning.'],
    copies: ['the regional director', 'the national director, social care', 'the DfE'],
  }
}

/** A letter from HMCI to HMICFRS about the police's part in the inspection's findings. */
export function partnerLetterInput(): PartnerInspectorateLetterInput {
  return {
    localAuthority: KENT,
    reference: '80471',
    status: 'draft',
    inspectorate: 'hmicfrs',
    recipient: {
      name: 'Chris Taylor',
      role: "His Majesty's Chief Inspector of Constabulary",
      address: ['HMICFRS', 'London'],
    },
    fieldwork: { start: '2027-01-18', end: '2027-01-29' },
    issued: '2027-02-10',
    agency: 'Kent Police',
    concerns: [
      'Police attendance at strategy meetings for children at risk of significant harm is inconsistent.',
      'Domestic abuse notifications are shared with children’s services after delays of up to two weeks.',
    ],
    publicationDue: '2027-03-01',
    chiefInspector: 'Robin Clarke',
  }
}

/** Both renderings of a document, read back from the real files. */
export interface Rendered {
  pdfPages: string[]
  docxParagraphs: string[]
  docxFurniture: DocxFurniture
  /** All the words of both files, for "never contains" checks. */
  allText: string
}

/** Text with its line breaks and runs of spaces made single spaces, as a reader would see it. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ')
}

/** Renders a document to Word and PDF and reads both back. */
export async function renderAndRead(document: DocumentModel): Promise<Rendered> {
  const [pdf, docx] = await Promise.all([renderPdf(document), renderDocx(document)])
  const pdfPages = await pdfText(pdf)
  const paragraphs = docxText(docx)
  const furniture = docxFurniture(docx)
  const allText = [...pdfPages, ...paragraphs, ...furniture.headers, ...furniture.footers].join('\n')
  return { pdfPages, docxParagraphs: paragraphs, docxFurniture: furniture, allText }
}
