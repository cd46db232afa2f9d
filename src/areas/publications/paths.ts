import { path } from '../../web/path-builder.js'

/** The public pages (no sign-in) and the timeliness page. */
export const publicationPaths = {
  list: path('/published'),
  feed: path('/published/feed.atom'),
  timeliness: path('/published/timeliness'),
  la: path('/published/la/:la'),
  show: path('/published/:publicationId'),
  pdf: path('/published/:publicationId/report.pdf'),
  childrenSummary: path('/published/:publicationId/summary-for-children.pdf'),
}
