/** The evidence area as other areas see it (ADR 0007): its service, types and paths. */
export type { EvidenceService } from './service.js'
export type {
  CaseOfConcern,
  ConcernStatus,
  EvidenceEntryRecord,
  EntryHeadline,
  FurtherInformationRequest,
  KitMeeting,
  KnownCases,
  QaNote,
  RfiStatus,
} from './types.js'
export { evidencePaths } from './paths.js'
/** How a case reference is read (a Child Unique ID with a digit, 002#191): the 2015 offer's cases use it too. */
export { isChildId, parseCaseIds } from './fieldwork.js'
/**
 * The check for children's names in free text (002#191), for other areas' records about a child:
 * the form's confirmation fields, the check that refuses until confirmed, and the warning the page shows.
 */
export type { NameConfirmation } from './types.js'
export { nameFields, namesOf } from './forms.js'
export { checkPossibleNames, PossibleNamesWarning } from './records.js'
export { namesWarning } from './presenters.js'
