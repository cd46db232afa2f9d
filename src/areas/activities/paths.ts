import { path } from '../../web/path-builder.js'

export const activityPaths = {
  list: path('/activities'),
  plan: path('/activities/new'),
  show: path('/activities/:activityId'),
  timeline: path('/activities/:activityId/timeline'),
  team: path('/activities/:activityId/team'),
  teamRemove: path('/activities/:activityId/team/remove'),
  contacts: path('/activities/:activityId/contacts'),
  children: path('/activities/:activityId/children'),
  notice: path('/activities/:activityId/notice'),
  status: path('/activities/:activityId/status'),
  replan: path('/activities/:activityId/replan'),
  calendar: path('/activities/:activityId/calendar.ics'),
  feed: path('/calendar/:token'),
  feedSettings: path('/calendar-feed'),
}
