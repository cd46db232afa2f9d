import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import type { AnnexAProgress, Finding } from '../../annex-a/index.js'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { type BlobStore, FileTooLargeError, type StoredFile } from '../../files/blob-store.js'
import type { RequestContext } from '../deps.js'
import type { AnnexARecords, AnnexAReturnsDeps } from './records.js'
import { insertReturn, latestReturn, lockUploadsOf, reportOf, resultOf } from './returns.repository.js'
import type { FindingsFilter, ReturnFindings } from './types.js'

/** Largest upload accepted: far beyond any LA's return, small enough to refuse abuse. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024
const RETURN_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls']

/** A file as it arrives: its name and its bytes, streamed (never whole in memory). */
export interface ReturnUpload {
  readonly fileName: string
  readonly stream: Readable
}

/**
 * Store an upload whole under its hash, or refuse it against `field` when it is too large or
 * empty. Nothing is recorded until the file is complete on disk.
 */
export async function storeUpload(blobs: BlobStore, stream: Readable, field: string): Promise<StoredFile> {
  let stored
  try {
    stored = await blobs.put(stream, { maxBytes: MAX_UPLOAD_BYTES })
  } catch (error) {
    if (error instanceof FileTooLargeError)
      throw new ValidationError({
        [field]: `The selected file must be smaller than ${MAX_UPLOAD_BYTES / 1_048_576} MB`,
      })
    throw error
  }
  if (stored.size === 0) throw new ValidationError({ [field]: 'The selected file is empty' })
  return stored
}

/** The child-level lists (002#246-253): receiving a version, and reading its findings and marked-up workbook. */
export function returnsService({ db, clock, blobs, processor, activities }: AnnexAReturnsDeps, records: AnnexARecords) {
  return {
    /** How far the background check of a return has read (this process only). */
    progress: (returnId: string): AnnexAProgress | undefined => processor.progress(returnId),

    /**
     * Receive an upload of the child-level lists: stored whole (hashed, atomically) before a row
     * exists, then checked in the background. The same file sent again (a double submit) is not
     * a new version.
     */
    async receive(
      principal: Principal,
      activityId: string,
      upload: ReturnUpload,
      context: RequestContext,
    ): Promise<{ id: string; duplicate: boolean }> {
      const activity = await activities.load(activityId)
      const extension = extname(upload.fileName).toLowerCase()
      if (!RETURN_EXTENSIONS.includes(extension)) {
        upload.stream.resume()
        throw new ValidationError({
          file: `The selected file must be an Excel workbook (.xlsx) or a CSV file per list; “${upload.fileName}” is not`,
        })
      }
      const stored = await storeUpload(blobs, upload.stream, 'file')
      const today = clock.today()
      // Decision: the look-back windows run from the day the data is shared, but never later than
      // the first day on site (the lists describe the position "at the point of inspection", 002#249).
      const asOf = today < activity.onsiteStart ? today : activity.onsiteStart
      const result = await db.transaction().execute(async (trx) => {
        await lockUploadsOf(trx, activityId)
        const latest = await latestReturn(trx, activityId)
        if (latest && latest.fileHash === stored.hash && latest.status !== 'failed')
          return { id: latest.id, duplicate: true }
        const version = (latest?.version ?? 0) + 1
        const id = await insertReturn(trx, {
          activityId,
          version,
          fileName: upload.fileName,
          fileHash: stored.hash,
          fileSize: stored.size,
          asOf,
          uploadedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'annex-a.upload',
          recordType: 'annex-a',
          recordId: id,
          laCode: activity.laCode,
          summary: `Uploaded Annex A lists version ${version} for ${activity.reference} (${stored.size} bytes)`,
          changes: { fileName: upload.fileName, hash: stored.hash },
          requestId: context.requestId,
        })
        return { id, duplicate: false }
      })
      if (!result.duplicate) processor.enqueue(result.id)
      return result
    },

    /** The findings of a return, filtered; an audited read of child-level data. */
    async findings(
      principal: Principal,
      activityId: string,
      returnId: string,
      context: RequestContext,
      filter: FindingsFilter = {},
    ): Promise<ReturnFindings | undefined> {
      const stored = await resultOf(db, activityId, returnId)
      if (!stored) throw new NotFoundError()
      await records.audit(
        principal,
        activityId,
        'annex-a.read-findings',
        'Read the Annex A findings',
        returnId,
        context,
      )
      const { result } = stored
      if (!result) return undefined
      const findings = result.findings.filter(
        (f: Finding) =>
          (filter.list === undefined || f.list === filter.list) &&
          (!filter.severity || f.severity === filter.severity) &&
          (!filter.rule || f.rule === filter.rule),
      )
      return { result, findings }
    },

    /** The marked-up workbook of a return; an audited read. */
    async report(
      principal: Principal,
      activityId: string,
      returnId: string,
      context: RequestContext,
    ): Promise<{ stream: Readable; fileName: string }> {
      const report = await reportOf(db, activityId, returnId)
      if (!report?.reportHash) throw new NotFoundError()
      await records.audit(
        principal,
        activityId,
        'annex-a.read-report',
        'Downloaded the marked-up Annex A workbook',
        returnId,
        context,
      )
      return {
        stream: blobs.open(report.reportHash),
        fileName: `${report.fileName.replace(/\.[^.]+$/, '')} - checked v${report.version}.xlsx`,
      }
    },
  }
}
