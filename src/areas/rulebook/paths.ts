import { path } from '../../web/path-builder.js'

export const rulebookPaths = {
  index: path('/rules'),
  rule: path('/rules/:ruleId'),
}
