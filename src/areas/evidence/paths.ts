import { path } from '../../web/path-builder.js'

/** Every URL of the fieldwork records, built in one place (STYLE.md: paths.ts per area). */
export const evidencePaths = {
  record: path('/activities/:activityId/evidence'),
  newEntry: path('/activities/:activityId/evidence/new'),
  qaNotes: path('/activities/:activityId/evidence/qa-notes'),
  resolveQaNote: path('/activities/:activityId/evidence/qa-notes/:noteId/resolve'),
  keepInTouch: path('/activities/:activityId/keep-in-touch'),
  requests: path('/activities/:activityId/further-information'),
  newRequest: path('/activities/:activityId/further-information/new'),
  request: path('/activities/:activityId/further-information/:rfiId'),
  agreeRequest: path('/activities/:activityId/further-information/:rfiId/agree'),
  answerRequest: path('/activities/:activityId/further-information/:rfiId/answer'),
  decideRequest: path('/activities/:activityId/further-information/:rfiId/decision'),
  concerns: path('/activities/:activityId/concerns'),
  newConcern: path('/activities/:activityId/concerns/new'),
  concern: path('/activities/:activityId/concerns/:concernId'),
  escalateConcern: path('/activities/:activityId/concerns/:concernId/escalate'),
  respondToConcern: path('/activities/:activityId/concerns/:concernId/response'),
  concludeConcern: path('/activities/:activityId/concerns/:concernId/findings'),
}
