import { caseSampleService } from './case-sample.service.js'
import { documentsService } from './documents.service.js'
import { profileService } from './profile.service.js'
import { annexARecords, type AnnexAReturnsDeps } from './records.js'
import { returnsService } from './returns.service.js'

export { currentOf, isReadable, type AnnexAReturnsDeps } from './records.js'
export { MAX_RETURN_FILES, MAX_UPLOAD_BYTES, type ReturnUpload } from './returns.service.js'
export type { DocumentUpload } from './documents.service.js'

/**
 * The Annex A returns area's service: reading returns and their versions, then one module per
 * record type (the returns and their findings, the documents, the case sample, the profile),
 * composed here.
 */
export function createAnnexAReturnsService(deps: AnnexAReturnsDeps) {
  const records = annexARecords(deps)
  return {
    versions: records.versions,
    sentOf: records.sentOf,
    current: records.current,
    get: records.get,
    ...returnsService(deps, records),
    ...documentsService(deps, records),
    ...caseSampleService(deps, records),
    ...profileService(deps, records),
  }
}

export type AnnexAReturnsService = ReturnType<typeof createAnnexAReturnsService>
