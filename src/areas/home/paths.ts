import { path } from '../../web/path-builder.js'

export const homePaths = {
  home: path('/'),
  reminders: path('/account/reminders'),
}
