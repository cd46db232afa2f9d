/** The Annex A returns area as other areas see it (ADR 0007): its service, types and paths. */
export type { AnnexAReturnsService } from './service.js'
export type { AnnexADocument, AnnexAReturn, ReturnStatus, SampleEntry } from './types.js'
export { isReadable, MAX_RETURN_FILES, MAX_UPLOAD_BYTES } from './service.js'
export { annexAPaths } from './paths.js'
