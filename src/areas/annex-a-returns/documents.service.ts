import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { BlobStore } from '../../files/blob-store.js'
import type { RequestContext } from '../deps.js'
import { ANNEX_A_DOCUMENTS, DOCUMENT_EXTENSIONS, isDocumentItem, itemFromFileName } from './documents.js'
import type { AnnexARecords, AnnexAReturnsDeps } from './records.js'
import { sampleOf } from './case-sample.repository.js'
import { documentsOf, findDocument, insertDocument } from './documents.repository.js'
import { peekRows } from '../../annex-a/index.js'
import { blobStillKept } from './retention.repository.js'
import { storeUpload } from './returns.service.js'
import { documentFileProblem, uploadQuota } from './upload-checks.js'
import type { AnnexADocument } from './types.js'

const AUDIT_LIST_EXTENSIONS = ['.xlsx', '.xlsm', '.csv']

/**
 * Is this the list of audits 002#257 asks for: a sheet whose headings (in its first ten rows)
 * name the child's unique ID, the audit theme and when the audit was completed?
 */
async function isAuditList(path: string, fileName: string): Promise<boolean> {
  const sheets = await peekRows(path, fileName)
  return (sheets ?? []).some((rows) =>
    rows.some((cells) => {
      const headings = cells.map((cell) => cell.toLowerCase())
      return (
        headings.some((h) => /child|unique\s*id|\bid\b/.test(h)) &&
        headings.some((h) => /theme|topic|focus/.test(h)) &&
        headings.some((h) => /date|completed|when/.test(h))
      )
    }),
  )
}

/** isAuditList on a stored file, through a local copy when the store is the database. */
async function isAuditListStored(blobs: BlobStore, hash: string, fileName: string): Promise<boolean> {
  const copy = await blobs.localCopy(hash)
  try {
    return await isAuditList(copy.path, fileName)
  } finally {
    await copy.release()
  }
}

/** A document as it arrives: the item it is for ('' to read it from the file name), and its bytes. */
export interface DocumentUpload {
  readonly item: string
  readonly fileName: string
  readonly contentType: string | undefined
  readonly stream: Readable
}

/**
 * Documents 1.01–3.11 (002#260-262), the list of audits (002#257) and the audits of the cases
 * the lead asked for (002#258): every upload kept; the latest per item counts.
 */
export function documentsService(deps: AnnexAReturnsDeps, records: AnnexARecords) {
  const { db, blobs, activities } = deps
  const quota = uploadQuota(deps)
  return {
    checklist: ANNEX_A_DOCUMENTS,

    /** The activity's documents, newest first, with who sent each. */
    async documents(activityId: string): Promise<AnnexADocument[]> {
      return records.withNames(
        await documentsOf(db, activityId),
        (record) => record.uploadedById,
        ({ uploadedById: _id, ...record }, uploadedBy) => ({ ...record, uploadedBy }),
      )
    },

    /** Take a document for an item; its id. */
    async uploadDocument(
      principal: Principal,
      activityId: string,
      upload: DocumentUpload,
      context: RequestContext,
    ): Promise<string> {
      const activity = await activities.load(activityId)
      const item = upload.item || itemFromFileName(upload.fileName) || ''
      const errors: Record<string, string> = {}
      // Besides 1.01–3.11: the list of audits (002#257) and the audit of a requested case (002#258).
      const requested = new Set(
        (await sampleOf(db, activityId))
          .filter((entry) => entry.auditedCaseRequested)
          .map((entry) => `case:${entry.childId}`),
      )
      if (!isDocumentItem(item) && item !== 'audits' && item !== 'audits-report' && !requested.has(item))
        errors.item =
          'Select which Annex A item this document is for, or start the file name with its number, for example “1.07 Workforce profile.xlsx” (002#262)'
      const extension = extname(upload.fileName).toLowerCase()
      if (item === 'audits' && !AUDIT_LIST_EXTENSIONS.includes(extension))
        errors.document = `The list of audits must be a spreadsheet (.xlsx or .csv) with a row for each audit; “${upload.fileName}” is not. Share an overview report or action plan as “Audits: overview report or action plan”`
      else if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension))
        errors.document = `The selected file must be a document, spreadsheet, PDF or image (${DOCUMENT_EXTENSIONS.join(', ')})`
      if (Object.keys(errors).length > 0) {
        upload.stream.resume()
        throw new ValidationError(errors)
      }
      await quota.check(principal, 'document', upload.stream)
      const stored = await storeUpload(blobs, upload.stream, 'document', (head) =>
        documentFileProblem(head, upload.fileName),
      )
      if (item === 'audits' && !(await isAuditListStored(blobs, stored.hash, upload.fileName))) {
        if (!(await blobStillKept(db, stored.hash))) await blobs.remove(stored.hash)
        throw new ValidationError({
          document: `“${upload.fileName}” is not a list of audits: it needs a column for each audited child’s unique ID, the audit theme and the date the audit was completed (002#257). Use the template, or add those headings`,
        })
      }
      return db.transaction().execute(async (trx) => {
        const id = await insertDocument(trx, {
          activityId,
          item,
          fileName: upload.fileName,
          fileHash: stored.hash,
          fileSize: stored.size,
          contentType: upload.contentType ?? null,
          uploadedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'annex-a.document-upload',
          recordType: 'annex-a-document',
          recordId: id,
          laCode: activity.laCode,
          summary: `Uploaded Annex A document ${item} for ${activity.reference}`,
          changes: { item, fileName: upload.fileName },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** One document's file; an audited read. */
    async openDocument(
      principal: Principal,
      activityId: string,
      documentId: string,
      context: RequestContext,
    ): Promise<{ stream: Readable; fileName: string; contentType: string }> {
      const document = await findDocument(db, activityId, documentId)
      if (!document) throw new NotFoundError()
      await records.audit(
        principal,
        activityId,
        'annex-a.document-read',
        `Opened Annex A document ${document.item}`,
        documentId,
        context,
      )
      return {
        stream: blobs.open(document.fileHash),
        fileName: document.fileName,
        contentType: document.contentType ?? 'application/octet-stream',
      }
    },
  }
}
