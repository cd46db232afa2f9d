import { path } from '../../web/path-builder.js'

/** The API's documentation and the page where people manage their API tokens. */
export const apiPaths = {
  docs: path('/api/docs'),
  openApi: path('/api/v1/openapi.json'),
  tokens: path('/account/api-tokens'),
  tokenRevoke: path('/account/api-tokens/:tokenId/revoke'),
}

/** The JSON API's operations (issue 6), under /api/v1. */
export const apiV1Paths = {
  localAuthorities: path('/api/v1/local-authorities'),
  localAuthority: path('/api/v1/local-authorities/:laCode'),
  activities: path('/api/v1/activities'),
  activity: path('/api/v1/activities/:activityId'),
  returns: path('/api/v1/activities/:activityId/annex-a/returns'),
  return: path('/api/v1/activities/:activityId/annex-a/returns/:returnId'),
}
