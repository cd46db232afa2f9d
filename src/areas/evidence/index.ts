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
