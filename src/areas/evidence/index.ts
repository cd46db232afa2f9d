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
