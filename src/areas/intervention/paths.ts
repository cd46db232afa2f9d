import { path } from '../../web/path-builder.js'

/** Every URL of the intervention area. */
export const interventionPaths = {
  list: path('/interventions'),
  listXlsx: path('/interventions/national.xlsx'),
  la: path('/interventions/las/:laCode'),
  open: path('/interventions/las/:laCode/open'),
  triggers: path('/interventions/las/:laCode/triggers'),
  checklists: path('/interventions/las/:laCode/checklists'),
  resolveTrigger: path('/interventions/las/:laCode/triggers/:triggerId/resolve'),
  show: path('/interventions/:interventionId'),
  step: path('/interventions/:interventionId/steps'),
  newInstrument: path('/interventions/:interventionId/instruments/new'),
  board: path('/interventions/:interventionId/board'),
  meetings: path('/interventions/:interventionId/board/meetings'),
  minutes: path('/interventions/:interventionId/board/meetings/:boardMeetingId/minutes'),
  reports: path('/interventions/:interventionId/reports'),
  receiveReport: path('/interventions/:interventionId/reports/:reportId/received'),
  reportFile: path('/interventions/:interventionId/reports/:reportId/file'),
}
