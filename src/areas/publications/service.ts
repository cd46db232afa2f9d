import { publishService } from './publish.service.js'
import { publicationRecords, type PublicationsDeps } from './records.js'

export type { PublicationsDeps } from './records.js'

/**
 * The publications area's service (issue 11): publishing a report or letter (the reports
 * workflow calls `publish` at publication time), and reading what is published for the public
 * pages, the feed, the timeliness figures and the activity's page.
 */
export function createPublicationsService(deps: PublicationsDeps) {
  return { ...publicationRecords(deps), ...publishService(deps) }
}

export type PublicationsService = ReturnType<typeof createPublicationsService>
