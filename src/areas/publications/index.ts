/**
 * The publications area as other areas see it (ADR 0007): its service, types and paths.
 *
 * The reports workflow publishes through `publications.publish(input, context)` at the set time:
 *
 * ```ts
 * await publications.publish(
 *   {
 *     activityId, laId: activity.laCode, kind: 'inspection-report', title,
 *     fieldworkStart, fieldworkEnd, statutoryPublicationDate, publishedAt: clock.now(),
 *     judgements: await judgements.publishedJudgementFor(activityId), // { framework, grades, … }
 *     pdf, childrenSummaryPdf,
 *   },
 *   { requestId, actor: principal }, // actor null or absent: the system, at the embargo time
 * )
 * ```
 *
 * It stores the PDFs, writes the publication, and in the same transaction the register's
 * judgement (a report) or visit (a focused or monitoring visit letter), linked to the activity
 * and the publication, with audit entries. A first monitoring letter of a set
 * (`firstMonitoringLetter: true`) is recorded and never public (001#41, 002#202 fn 28). It throws
 * ValidationError (field → message), ConflictError (already published) or NotFoundError (no
 * such activity). It does not move the activity's status: that is the workflow's.
 */
export type { PublicationsService, PublicationsDeps } from './service.js'
export type {
  Publication,
  PublicationPage,
  PublicationQuery,
  PublishContext,
  PublishInput,
  PublishOfferLetterInput,
  PublishResult,
} from './types.js'
export { isPublishedKind, KIND_LABELS, PUBLISHED_KINDS, type PublishedKind } from './kinds.js'
export { publicationPaths } from './paths.js'
export { publicationSourceLinks } from './links.js'
export { publicationTasks } from './tasks.js'
