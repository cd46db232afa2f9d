import { path } from '../../web/path-builder.js'

/** Every URL of the engagement area. */
export const engagementPaths = {
  list: path('/engagement'),
  la: path('/engagement/las/:laCode'),
  share: path('/engagement/las/:laCode/self-evaluations'),
  selfEvaluationDocument: path('/engagement/las/:laCode/self-evaluations/:selfEvaluationId/document'),
  selfEvaluationActionPlan: path('/engagement/las/:laCode/self-evaluations/:selfEvaluationId/action-plan'),
  schedule: path('/engagement/las/:laCode/meetings/new'),
  meeting: path('/engagement/meetings/:engagementId'),
  agenda: path('/engagement/meetings/:engagementId/agenda'),
  record: path('/engagement/meetings/:engagementId/record'),
  letter: path('/engagement/meetings/:engagementId/letter'),
}
