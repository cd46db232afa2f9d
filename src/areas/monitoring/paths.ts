import { path } from '../../web/path-builder.js'

/** Every URL of the monitoring area. */
export const monitoringPaths = {
  list: path('/monitoring'),
  la: path('/monitoring/las/:laCode'),
  open: path('/monitoring/las/:laCode/open'),
  programme: path('/monitoring/programmes/:programmeId'),
  dates: path('/monitoring/programmes/:programmeId/dates'),
  recommendations: path('/monitoring/programmes/:programmeId/recommendations'),
  letter: path('/monitoring/programmes/:programmeId/planning-visit/letter'),
  letterDocx: path('/monitoring/programmes/:programmeId/planning-visit/letter.docx'),
  letterPdf: path('/monitoring/programmes/:programmeId/planning-visit/letter.pdf'),
  visit: path('/monitoring/programmes/:programmeId/planning-visit'),
  record: path('/monitoring/programmes/:programmeId/planning-visit/record'),
  agendaDocx: path('/monitoring/programmes/:programmeId/planning-visit/agenda.docx'),
  agendaPdf: path('/monitoring/programmes/:programmeId/planning-visit/agenda.pdf'),
  recordDocx: path('/monitoring/programmes/:programmeId/planning-visit/record.docx'),
  recordPdf: path('/monitoring/programmes/:programmeId/planning-visit/record.pdf'),
  plan: path('/monitoring/programmes/:programmeId/action-plan'),
  planFile: path('/monitoring/programmes/:programmeId/action-plan/:versionNumber/file'),
  review: path('/monitoring/programmes/:programmeId/action-plan/review'),
  reviewDocx: path('/monitoring/programmes/:programmeId/action-plan/review-letter.docx'),
  reviewPdf: path('/monitoring/programmes/:programmeId/action-plan/review-letter.pdf'),
  decision: path('/monitoring/programmes/:programmeId/decision'),
  progress: path('/monitoring/programmes/:programmeId/progress'),
  thread: path('/monitoring/las/:laCode/thread'),
  threadXlsx: path('/monitoring/las/:laCode/thread.xlsx'),
}
