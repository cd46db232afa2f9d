/**
 * Letters and reports: one document model, rendered to Word (for editing and comments) and PDF
 * (for publication), and read back for page limits and tests. See README.md in this folder.
 */
export {
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  documentSchema,
  parseDocument,
  heading,
  paragraph,
  bold,
  italic,
  bullets,
  numbered,
  table,
  judgementTable,
  pageBreak,
  gradeLabel,
  watermarkText,
  type Block,
  type DocumentKind,
  type DocumentMeta,
  type DocumentModel,
  type DocumentStatus,
  type InlineText,
  type JudgementRow,
} from './model.js'
export { renderDocx } from './docx.js'
export { renderPdf } from './pdf.js'
export { pdfPageCount, pdfText, docxText, docxFurniture, type DocxFurniture } from './read.js'
export { checkPageLimit, type PageLimitCheck } from './page-limit.js'
export {
  IncompleteDocumentError,
  type ContentProblem,
  type DocumentBasis,
  type Fieldwork,
  type Paragraphs,
  type Recipient,
} from './templates/common.js'
export { REPORT_FRAMEWORKS, REPORT_JUDGEMENT_AREAS, type ReportFramework } from './templates/judgement-areas.js'
export {
  inspectionReport,
  inspectionReportProblems,
  summaryForChildren,
  type InspectionReportInput,
  type SummaryForChildrenInput,
} from './templates/inspection-report.js'
export {
  focusedVisitLetter,
  focusedVisitLetterProblems,
  type FocusedVisitLetterInput,
} from './templates/focused-visit-letter.js'
export {
  monitoringVisitLetter,
  monitoringVisitLetterProblems,
  type MonitoringVisitLetterInput,
} from './templates/monitoring-visit-letter.js'
export {
  PARTNER_INSPECTORATES,
  partnerInspectorateLetter,
  partnerInspectorateLetterProblems,
  type PartnerInspectorate,
  type PartnerInspectorateLetterInput,
} from './templates/partner-inspectorate-letter.js'
export {
  actionPlanLetter,
  actionPlanLetterProblems,
  actionPlanningVisitLetter,
  programmeLetterSubject,
  type ActionPlanLetterInput,
  type ActionPlanningVisitLetterInput,
  type ProgrammeLetterBasis,
} from './templates/monitoring-programme-letters.js'
export {
  seminarInvitationLetter,
  seminarInvitationLetterProblems,
  type SeminarInvitationLetterInput,
} from './templates/seminar-invitation-letter.js'
export {
  improvementPlanLetter,
  improvementPlanLetterProblems,
  type ImprovementPlanLetterInput,
} from './templates/improvement-plan-letter.js'
export {
  offerVisitLetter,
  PROGRESS_LETTER_COPIES,
  progressInspectionLetter,
  quarterlyReviewLetter,
  seminarRecord,
  type OfferVisitLetterInput,
  type ProgressInspectionLetterInput,
  type QuarterlyReviewLetterInput,
  type SeminarRecordInput,
} from './templates/offer-2015-letters.js'
export {
  actionPlanningVisitAgenda,
  actionPlanningVisitRecord,
  type ActionPlanningVisitAgendaInput,
  type ActionPlanningVisitRecordInput,
} from './templates/action-planning-visit-documents.js'
