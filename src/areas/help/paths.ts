import { path } from '../../web/path-builder.js'

export const helpPaths = {
  status: path('/status'),
  feedback: path('/feedback'),
}
