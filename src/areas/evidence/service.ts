import { concernService } from './concerns.service.js'
import { entryService } from './entries.service.js'
import { keepInTouchService } from './keep-in-touch.service.js'
import { qaNoteService } from './qa-notes.service.js'
import { type EvidenceDeps, evidenceRecords } from './records.js'
import { requestService } from './requests.service.js'
import { summaryService } from './summary.service.js'

export { caseSampleCases, type EvidenceDeps, PossibleNamesWarning } from './records.js'
export type { EntryInput } from './entries.service.js'
export type { QaNoteInput } from './qa-notes.service.js'
export type { KitMeetingInput } from './keep-in-touch.service.js'
export type { AgreeRequestInput, AnswerRequestInput, DecideRequestInput, RequestInput } from './requests.service.js'
export type {
  ConcernFindingsInput,
  ConcernInput,
  ConcernResponseInput,
  EscalateConcernInput,
} from './concerns.service.js'

/**
 * The evidence area's service: the fieldwork records of an activity (issue 6), one module per
 * record type (the evidence record, QA notes, keep-in-touch meetings, requests for further
 * information, cases of concern) and the counts the activity and home pages show, composed here.
 */
export function createEvidenceService(deps: EvidenceDeps) {
  const records = evidenceRecords(deps)
  return {
    target: records.target,
    targets: records.targets,
    ...entryService(deps, records),
    ...qaNoteService(deps, records),
    ...keepInTouchService(deps, records),
    ...requestService(deps, records),
    ...concernService(deps, records),
    ...summaryService(deps),
  }
}

export type EvidenceService = ReturnType<typeof createEvidenceService>
