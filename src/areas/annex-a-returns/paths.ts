import { path } from '../../web/path-builder.js'

export const annexAPaths = {
  overview: path('/activities/:activityId/annex-a'),
  lists: path('/activities/:activityId/annex-a/lists'),
  return: path('/activities/:activityId/annex-a/returns/:returnId'),
  progress: path('/activities/:activityId/annex-a/returns/:returnId/progress'),
  report: path('/activities/:activityId/annex-a/returns/:returnId/report.xlsx'),
  documents: path('/activities/:activityId/annex-a/documents'),
  document: path('/activities/:activityId/annex-a/documents/:documentId'),
  profile: path('/activities/:activityId/annex-a/profile'),
  caseSample: path('/activities/:activityId/case-sample'),
  caseSampleRemove: path('/activities/:activityId/case-sample/remove'),
  caseSampleAudits: path('/activities/:activityId/case-sample/audited-cases'),
}
