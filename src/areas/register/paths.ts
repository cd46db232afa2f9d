import { path } from '../../web/path-builder.js'

export const registerPaths = {
  list: path('/register'),
  show: path('/register/:laCode'),
  newJudgement: path('/register/:laCode/judgements/new'),
  correctJudgement: path('/register/:laCode/judgements/:recordId/correct'),
}
