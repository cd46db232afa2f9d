import { path } from '../../web/path-builder.js'

/** The public pages (no sign-in) and the timeliness page. */
export const publicationPaths = {
  list: path('/published'),
  feed: path('/published/feed.atom'),
  timeliness: path('/published/timeliness'),
  /** The "choose a local authority" form's target: redirects to the LA's page. */
  chooseLa: path('/published/la'),
  la: path('/published/la/:la'),
  show: path('/published/:publicationId'),
  pdf: path('/published/:publicationId/report.pdf'),
  childrenSummary: path('/published/:publicationId/summary-for-children.pdf'),
}
