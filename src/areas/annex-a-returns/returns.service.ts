import { createHash } from 'node:crypto'
import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import type { AnnexAProgress, Finding } from '../../annex-a/index.js'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { type BlobStore, FileTooLargeError, type StoredFile } from '../../files/blob-store.js'
import type { RequestContext } from '../deps.js'
import type { AnnexARecords, AnnexAReturnsDeps } from './records.js'
import { annexAScope } from '../../rules/annex-a-scope.js'
import { ANNEX_A_DOCUMENTS } from './documents.js'
import { insertReturn, latestReturn, lockUploadsOf, reportOf, resultOf } from './returns.repository.js'
import type { FindingsFilter, ReturnFile, ReturnFindings } from './types.js'
import { returnFileProblem, uploadQuota } from './upload-checks.js'

/** Largest upload accepted: far beyond any LA's return, small enough to refuse abuse. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024
/** Files in one return: eleven lists, a siblings sheet, and room for a mistake. */
export const MAX_RETURN_FILES = 15
const RETURN_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls']

/** A file as it arrives: its name and its bytes, streamed (never whole in memory). */
export interface ReturnUpload {
  readonly fileName: string
  readonly stream: Readable
}

/**
 * Store an upload whole under its hash, or refuse it against `field` when it is too large,
 * empty, or (`inspect`, from its first bytes) not what its name says: a refusal comes as soon
 * as the first bytes arrive, not after 200 MB (issue 10). Nothing is recorded until the file
 * is complete on disk.
 */
export async function storeUpload(
  blobs: BlobStore,
  stream: Readable,
  field: string,
  inspect?: (head: Buffer) => string | undefined,
): Promise<StoredFile> {
  let stored
  try {
    stored = await blobs.put(stream, {
      maxBytes: MAX_UPLOAD_BYTES,
      ...(inspect
        ? {
            inspect: (head: Buffer) => {
              const problem = inspect(head)
              if (problem) throw new ValidationError({ [field]: problem })
            },
          }
        : {}),
    })
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

/** One name for a return of several files, for the versions table. */
function returnName(files: readonly ReturnFile[]): string {
  return files.length === 1 ? files[0]!.fileName : `${files[0]!.fileName} and ${files.length - 1} more files`
}

/** The whole return's hash: its file's, or one over its files' names and hashes in order. */
function returnHash(files: readonly ReturnFile[]): string {
  if (files.length === 1) return files[0]!.hash
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file.fileName}\0${file.hash}\n`)
  return hash.digest('hex')
}

/** The same files under the same names, with the same lists declared empty: a double submit. */
function sameReturn(
  a: { files: readonly ReturnFile[]; declaredEmpty: readonly number[] },
  b: { files: readonly ReturnFile[]; declaredEmpty: readonly number[] },
): boolean {
  return (
    a.files.length === b.files.length &&
    a.files.every((file, i) => file.hash === b.files[i]!.hash && file.fileName === b.files[i]!.fileName) &&
    a.declaredEmpty.join(',') === b.declaredEmpty.join(',')
  )
}

/** The child-level lists (002#246-253): receiving a version, and reading its findings and marked-up workbook. */
export function returnsService(deps: AnnexAReturnsDeps, records: AnnexARecords) {
  const { db, blobs, processor, activities } = deps
  const quota = uploadQuota(deps)

  /** Store one file of a return as it arrives, refusing it early when it is not a return. */
  async function storeReturnFile(principal: Principal, upload: ReturnUpload): Promise<ReturnFile> {
    const extension = extname(upload.fileName).toLowerCase()
    if (!RETURN_EXTENSIONS.includes(extension)) {
      upload.stream.resume()
      throw new ValidationError({
        file: `The selected file must be an Excel workbook (.xlsx) or a CSV file per list; “${upload.fileName}” is not`,
      })
    }
    await quota.check(principal, 'file', upload.stream)
    const stored = await storeUpload(blobs, upload.stream, 'file', (head) => returnFileProblem(head, upload.fileName))
    return { fileName: upload.fileName, hash: stored.hash, size: stored.size }
  }

  /**
   * Make a version of the return from files already stored, checked in the background. The same
   * files under the same names sent again (a double submit) are not a new version; the same
   * bytes under a new name are, so the findings name the file as the LA now calls it.
   */
  async function receiveFiles(
    principal: Principal,
    activityId: string,
    files: readonly ReturnFile[],
    declared: readonly number[],
    context: RequestContext,
  ): Promise<{ id: string; duplicate: boolean }> {
    const activity = await activities.load(activityId)
    if (files.length === 0)
      throw new ValidationError({ file: 'Select the Annex A workbook, or the CSV files, to upload' })
    if (files.length > MAX_RETURN_FILES)
      throw new ValidationError({ file: `Upload at most ${MAX_RETURN_FILES} files as one return` })
    const scope = annexAScope(
      activity.type,
      activity.topics,
      ANNEX_A_DOCUMENTS.map((d) => d.item),
    )
    const declaredEmpty = [...new Set(declared)].filter((list) => scope.lists.includes(list)).sort((a, b) => a - b)
    // Decision (002#249 "before inspection"): the look-back windows, ages and the "after the
    // inspection date" check run from the first day on site, whatever day the data is shared;
    // every finding and the return's page name that date.
    const asOf = activity.onsiteStart
    const size = files.reduce((sum, file) => sum + file.size, 0)
    const result = await db.transaction().execute(async (trx) => {
      await lockUploadsOf(trx, activityId)
      const latest = await latestReturn(trx, activityId)
      if (latest && latest.status !== 'failed' && sameReturn(latest, { files, declaredEmpty }))
        return { id: latest.id, duplicate: true }
      const version = (latest?.version ?? 0) + 1
      const id = await insertReturn(trx, {
        activityId,
        laCode: activity.laCode,
        version,
        fileName: returnName(files),
        fileHash: returnHash(files),
        fileSize: size,
        files,
        listsAsked: scope.lists,
        declaredEmpty,
        asOf,
        uploadedBy: principal.id,
      })
      await recordAudit(trx, {
        actor: principal,
        action: 'annex-a.upload',
        recordType: 'annex-a',
        recordId: id,
        laCode: activity.laCode,
        summary: `Uploaded Annex A lists version ${version} for ${activity.reference} (${files.length === 1 ? '' : `${files.length} files, `}${size} bytes)`,
        changes: {
          fileName: returnName(files),
          hash: returnHash(files),
          files: files.map((file) => ({ fileName: file.fileName, hash: file.hash })),
          declaredEmpty,
        },
        requestId: context.requestId,
      })
      return { id, duplicate: false }
    })
    if (!result.duplicate) processor.enqueue(result.id)
    return result
  }

  return {
    /** How far the background check of a return has read (this process only). */
    progress: (returnId: string): AnnexAProgress | undefined => processor.progress(returnId),

    storeReturnFile,
    receiveFiles,

    /** Receive a return of one file (the API, the demo): stored, then made a version. */
    async receive(
      principal: Principal,
      activityId: string,
      upload: ReturnUpload,
      context: RequestContext,
      declaredEmpty: readonly number[] = [],
    ): Promise<{ id: string; duplicate: boolean }> {
      await activities.load(activityId)
      const file = await storeReturnFile(principal, upload)
      return receiveFiles(principal, activityId, [file], declaredEmpty, context)
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
