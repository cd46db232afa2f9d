import { path } from '../../web/path-builder.js'

/** Every URL of reports and letters (issue 11), under the activity they belong to. */
export const reportPaths = {
  report: path('/activities/:activityId/report'),
  start: path('/activities/:activityId/report/start'),
  section: path('/activities/:activityId/report/sections/:section'),
  compare: path('/activities/:activityId/report/compare'),
  file: path('/activities/:activityId/report/versions/:versionNumber/:file'),
  submit: path('/activities/:activityId/report/submit'),
  review: path('/activities/:activityId/report/review'),
  reviewComment: path('/activities/:activityId/report/review/comments'),
  reviewDecision: path('/activities/:activityId/report/review/decision'),
  sendForFactualAccuracy: path('/activities/:activityId/report/send-for-factual-accuracy'),
  laComments: path('/activities/:activityId/report/la-comments'),
  faRespond: path('/activities/:activityId/report/la-comments/responses'),
  faDecide: path('/activities/:activityId/report/la-comments/decisions'),
  factualAccuracy: path('/activities/:activityId/report/factual-accuracy'),
  faComment: path('/activities/:activityId/report/factual-accuracy/comments'),
  faRemove: path('/activities/:activityId/report/factual-accuracy/comments/remove'),
  faSubmit: path('/activities/:activityId/report/factual-accuracy/submit'),
  faDispute: path('/activities/:activityId/report/factual-accuracy/disputes'),
  laCopy: path('/activities/:activityId/report/la-copy/:file'),
  embargo: path('/activities/:activityId/report/embargo'),
  /** A recipient's own link to the final copy under embargo (no sign-in; public route). */
  embargoedCopy: path('/embargoed/:token'),
}

/** The files of a version: the report or letter, and an inspection's summary for children (002#202). */
export const REPORT_FILES = [
  'report.pdf',
  'report.docx',
  'summary-for-children.pdf',
  'summary-for-children.docx',
] as const
export type ReportFile = (typeof REPORT_FILES)[number]
