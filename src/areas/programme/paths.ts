import { path } from '../../web/path-builder.js'

export const programmePaths = {
  plan: path('/programme'),
  export: path('/programme/export.xlsx'),
  checks: path('/programme/checks'),
  propose: path('/programme/proposals/new'),
  capacity: path('/programme/capacity'),
  weeklyLimit: path('/programme/capacity/limit'),
  newLeave: path('/programme/leave/new'),
  removeLeave: path('/programme/leave/remove'),
}
