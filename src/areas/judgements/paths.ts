import { path } from '../../web/path-builder.js'

export const judgementPaths = {
  overview: path('/activities/:activityId/judgements'),
  check: path('/activities/:activityId/judgements/check'),
  judgement: path('/activities/:activityId/judgements/:judgement'),
  findings: path('/activities/:activityId/findings'),
  findingRemove: path('/activities/:activityId/findings/remove'),
  findingsConfirm: path('/activities/:activityId/findings/confirm'),
  feedback: path('/activities/:activityId/feedback'),
  feedbackRecord: path('/activities/:activityId/feedback/record'),
}
