import { gunzip } from 'node:zlib'
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { promisify } from 'node:util'
import type { AnnexAProfile, ChildrenTable, Finding } from '../../annex-a/index.js'
import { childSummary, sampleCoverage, type ChildSummary } from '../../annex-a/index.js'
import type { AuditAction } from '../../auth/audit-actions.js'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import type { BlobStore } from '../../files/blob-store.js'
import { FileTooLargeError } from '../../files/blob-store.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import type { ActivitiesService } from '../activities/index.js'
import { ANNEX_A_DOCUMENTS, DOCUMENT_EXTENSIONS, isDocumentItem, itemFromFileName } from './documents.js'
import type { Processor } from './processor.js'

const gunzipAsync = promisify(gunzip)

/** Largest upload accepted: far beyond any LA's return, small enough to refuse abuse. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024
const RETURN_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.xls']

export type ReturnStatus = 'processing' | 'valid' | 'errors' | 'unreadable' | 'failed'

export interface AnnexAReturn {
  readonly id: string
  readonly activityId: string
  readonly version: number
  readonly fileName: string
  readonly fileSize: number
  readonly asOf: string
  readonly status: ReturnStatus
  readonly uploadedBy: string | null
  readonly uploadedAt: Date
  readonly processedAt: Date | null
  readonly processingMs: number | null
  readonly errorCode: string | null
  readonly errorMessage: string | null
  readonly errorCount: number | null
  readonly warningCount: number | null
  readonly rows: number | null
  readonly hasReport: boolean
}

/** A readable return: validated, with or without errors. A failed upload never becomes current. */
export function isReadable(status: ReturnStatus): boolean {
  return status === 'valid' || status === 'errors'
}

export function createAnnexAReturnsService(
  deps: ServiceDeps & { blobs: BlobStore; processor: Processor; activities: ActivitiesService },
) {
  const { db, clock, blobs, processor, activities } = deps
  const childrenCache = new Map<string, ChildrenTable>()

  const toReturn = (row: Awaited<ReturnType<typeof returnRows>>[number]): AnnexAReturn => ({
    id: row.id,
    activityId: row.activity_id,
    version: row.version,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    asOf: row.as_of,
    status: row.status,
    uploadedBy: row.uploader,
    uploadedAt: new Date(row.uploaded_at),
    processedAt: row.processed_at ? new Date(row.processed_at) : null,
    processingMs: row.processing_ms,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    rows: row.rows,
    hasReport: row.report_hash !== null,
  })

  function returnRows(activityId: string) {
    return db
      .selectFrom('annex_a_returns as r')
      .leftJoin('users as u', 'u.id', 'r.uploaded_by')
      .select([
        'r.id',
        'r.activity_id',
        'r.version',
        'r.file_name',
        'r.file_size',
        'r.as_of',
        'r.status',
        'r.uploaded_at',
        'r.processed_at',
        'r.processing_ms',
        'r.error_code',
        'r.error_message',
        'r.error_count',
        'r.warning_count',
        'r.rows',
        'r.report_hash',
        'u.display_name as uploader',
      ])
      .where('r.activity_id', '=', activityId)
      .orderBy('r.version', 'desc')
      .execute()
  }

  async function audit(
    principal: Principal,
    activityId: string,
    action: AuditAction,
    summary: string,
    recordId: string | null,
    context: RequestContext,
    changes?: Record<string, unknown>,
  ) {
    const activity = await activities.load(activityId)
    await recordAudit(db, {
      actor: principal,
      action,
      recordType: 'annex-a',
      recordId,
      laCode: activity.laCode,
      summary,
      changes: changes ?? null,
      requestId: context.requestId,
    })
  }

  async function childrenTable(hash: string): Promise<ChildrenTable> {
    const cached = childrenCache.get(hash)
    if (cached) return cached
    const table = JSON.parse((await gunzipAsync(await readFile(blobs.path(hash)))).toString('utf8')) as ChildrenTable
    // Keep a few recent tables: a case sample page reads one many times in a row.
    if (childrenCache.size >= 4) childrenCache.delete(childrenCache.keys().next().value!)
    childrenCache.set(hash, table)
    return table
  }

  const service = {
    /** Every version, newest first (re-uploads keep every version, issue 5). */
    async versions(activityId: string): Promise<AnnexAReturn[]> {
      return (await returnRows(activityId)).map(toReturn)
    },

    /** The latest readable return: what inspectors work from. */
    async current(activityId: string): Promise<AnnexAReturn | undefined> {
      return (await service.versions(activityId)).find((r) => isReadable(r.status))
    },

    async get(activityId: string, returnId: string): Promise<AnnexAReturn> {
      const found = (await service.versions(activityId)).find((r) => r.id === returnId)
      if (!found) throw new NotFoundError()
      return found
    },

    progress: (returnId: string) => processor.progress(returnId),

    /**
     * Receive an upload of the child-level lists: stored whole (hashed, atomically) before a row
     * exists, then checked in the background. The same file sent again (a double submit) is not
     * a new version.
     */
    async receive(
      principal: Principal,
      activityId: string,
      upload: { fileName: string; stream: Readable },
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
      let stored
      try {
        stored = await blobs.put(upload.stream, { maxBytes: MAX_UPLOAD_BYTES })
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new ValidationError({
            file: `The selected file must be smaller than ${MAX_UPLOAD_BYTES / 1_048_576} MB`,
          })
        throw error
      }
      if (stored.size === 0) throw new ValidationError({ file: 'The selected file is empty' })
      const today = clock.today()
      // Decision: the look-back windows run from the day the data is shared, but never later than
      // the first day on site (the lists describe the position "at the point of inspection", 002#249).
      const asOf = today < activity.onsiteStart ? today : activity.onsiteStart
      const result = await db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('activities')
          .select('id')
          .where('id', '=', activityId)
          .forUpdate()
          .executeTakeFirstOrThrow()
        const latest = await trx
          .selectFrom('annex_a_returns')
          .select(['id', 'version', 'file_hash', 'status'])
          .where('activity_id', '=', activityId)
          .orderBy('version', 'desc')
          .executeTakeFirst()
        if (latest && latest.file_hash === stored.hash && latest.status !== 'failed')
          return { id: latest.id, duplicate: true }
        const { id } = await trx
          .insertInto('annex_a_returns')
          .values({
            activity_id: activityId,
            version: (latest?.version ?? 0) + 1,
            file_name: upload.fileName,
            file_hash: stored.hash,
            file_size: stored.size,
            as_of: asOf,
            status: 'processing',
            uploaded_by: principal.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await recordAudit(trx, {
          actor: principal,
          action: 'annex-a.upload',
          recordType: 'annex-a',
          recordId: id,
          laCode: activity.laCode,
          summary: `Uploaded Annex A lists version ${(latest?.version ?? 0) + 1} for ${activity.reference} (${stored.size} bytes)`,
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
      filter: { list?: number | undefined; severity?: string | undefined; rule?: string | undefined } = {},
    ) {
      const row = await db
        .selectFrom('annex_a_returns')
        .select(['result', 'status'])
        .where('id', '=', returnId)
        .where('activity_id', '=', activityId)
        .executeTakeFirst()
      if (!row) throw new NotFoundError()
      await audit(principal, activityId, 'annex-a.read-findings', 'Read the Annex A findings', returnId, context)
      const result = row.result as Omit<import('../../annex-a/index.js').AnnexAResult, 'profile'> | null
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
      const row = await db
        .selectFrom('annex_a_returns')
        .select(['report_hash', 'file_name', 'version'])
        .where('id', '=', returnId)
        .where('activity_id', '=', activityId)
        .executeTakeFirst()
      if (!row?.report_hash) throw new NotFoundError()
      await audit(
        principal,
        activityId,
        'annex-a.read-report',
        'Downloaded the marked-up Annex A workbook',
        returnId,
        context,
      )
      return {
        stream: blobs.open(row.report_hash),
        fileName: `${row.file_name.replace(/\.[^.]+$/, '')} - checked v${row.version}.xlsx`,
      }
    },

    /** The profile of the current return (counts and measures, no child rows); an audited read. */
    async profile(
      principal: Principal,
      activityId: string,
      context: RequestContext,
    ): Promise<{ current: AnnexAReturn; profile: Omit<AnnexAProfile, 'children'> } | undefined> {
      const current = await service.current(activityId)
      if (!current) return undefined
      const row = await db
        .selectFrom('annex_a_returns')
        .select('profile')
        .where('id', '=', current.id)
        .executeTakeFirstOrThrow()
      await audit(principal, activityId, 'annex-a.read-profile', 'Read the Annex A profile', current.id, context)
      return { current, profile: row.profile as Omit<AnnexAProfile, 'children'> }
    },

    /** Children of the current return matching a filter, for building the case sample; audited. */
    async children(
      principal: Principal,
      activityId: string,
      context: RequestContext,
      filter: {
        factor?: string | undefined
        threshold?: string | undefined
        list?: number | undefined
        childId?: string | undefined
        limit?: number
      } = {},
    ) {
      const current = await service.current(activityId)
      if (!current) return undefined
      const row = await db
        .selectFrom('annex_a_returns')
        .select('children_hash')
        .where('id', '=', current.id)
        .executeTakeFirstOrThrow()
      if (!row.children_hash) return undefined
      const table = await childrenTable(row.children_hash)
      await audit(
        principal,
        activityId,
        'annex-a.read-children',
        `Read the children of the Annex A return${filter.childId ? ` (child ${filter.childId})` : ''}`,
        current.id,
        context,
        { filter },
      )
      const matches: ChildSummary[] = []
      let total = 0
      for (let i = 0; i < table.count; i++) {
        const child = childSummary(table, i)
        if (filter.childId && child.childId !== filter.childId) continue
        if (filter.factor && !child.factors.includes(filter.factor)) continue
        if (filter.threshold && !child.thresholds.includes(filter.threshold)) continue
        if (filter.list && !child.lists.includes(filter.list)) continue
        total += 1
        if (matches.length < (filter.limit ?? 50)) matches.push(child)
      }
      const sample = await service.sample(activityId)
      return {
        current,
        children: matches,
        total,
        coverage: sampleCoverage(
          table,
          sample.map((entry) => entry.childId),
        ),
      }
    },

    async sample(activityId: string) {
      const rows = await db
        .selectFrom('case_samples as s')
        .leftJoin('users as u', 'u.id', 's.added_by')
        .select(['s.child_id', 's.reason', 's.audited_case_requested', 's.added_at', 'u.display_name'])
        .where('s.activity_id', '=', activityId)
        .orderBy('s.added_at')
        .execute()
      return rows.map((row) => ({
        childId: row.child_id,
        reason: row.reason,
        auditedCaseRequested: row.audited_case_requested,
        addedAt: new Date(row.added_at),
        addedBy: row.display_name,
      }))
    },

    /** Add children to the case sample by their LA child IDs (002#150-153): only ids on the lists. */
    async addToSample(
      principal: Principal,
      activityId: string,
      childIds: readonly string[],
      reason: string,
      context: RequestContext,
    ): Promise<void> {
      const ids = [...new Set(childIds.map((id) => id.trim()).filter(Boolean))]
      if (ids.length === 0) throw new ValidationError({ childIds: 'Enter or choose at least one child ID' })
      const current = await service.current(activityId)
      const row = current
        ? await db.selectFrom('annex_a_returns').select('children_hash').where('id', '=', current.id).executeTakeFirst()
        : undefined
      const table = row?.children_hash ? await childrenTable(row.children_hash) : undefined
      const known = new Set(table?.childId ?? [])
      const unknown = ids.filter((id) => !known.has(id))
      if (unknown.length > 0)
        throw new ValidationError({
          childIds: `These child IDs are not on the Annex A lists: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}`,
        })
      const activity = await activities.load(activityId)
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('case_samples')
          .values(
            ids.map((child_id) => ({
              activity_id: activityId,
              child_id,
              reason: reason || null,
              added_by: principal.id,
            })),
          )
          .onConflict((oc) => oc.columns(['activity_id', 'child_id']).doNothing())
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'case-sample.add',
          recordType: 'case-sample',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Added ${ids.length} children to the case sample of ${activity.reference}`,
          changes: { childIds: ids, reason },
          requestId: context.requestId,
        })
      })
    },

    async removeFromSample(
      principal: Principal,
      activityId: string,
      childId: string,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('case_samples')
          .where('activity_id', '=', activityId)
          .where('child_id', '=', childId)
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'case-sample.remove',
          recordType: 'case-sample',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Removed a child from the case sample of ${activity.reference}`,
          changes: { childId },
          requestId: context.requestId,
        })
      })
    },

    /**
     * Ask the LA for the audit documents of 6 to 12 cases it has already audited (002#258). The
     * request is for children in the sample; the LA sees only their child IDs.
     */
    async requestAuditedCases(
      principal: Principal,
      activityId: string,
      childIds: readonly string[],
      context: RequestContext,
    ): Promise<void> {
      const sample = new Set((await service.sample(activityId)).map((entry) => entry.childId))
      const ids = [...new Set(childIds)].filter((id) => sample.has(id))
      if (ids.length < 6 || ids.length > 12)
        throw new ValidationError({
          audited: `Choose between 6 and 12 children whose cases the LA has already audited (002#258); you chose ${ids.length}`,
        })
      const activity = await activities.load(activityId)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('case_samples')
          .set({ audited_case_requested: false })
          .where('activity_id', '=', activityId)
          .execute()
        await trx
          .updateTable('case_samples')
          .set({ audited_case_requested: true })
          .where('activity_id', '=', activityId)
          .where('child_id', 'in', ids)
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'case-sample.request-audits',
          recordType: 'case-sample',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Asked ${activity.laName} for the audits of ${ids.length} cases (002#258)`,
          changes: { childIds: ids },
          requestId: context.requestId,
        })
      })
    },

    /** Documents 1.01–3.11: every upload kept; the latest per item counts. */
    async documents(activityId: string) {
      const rows = await db
        .selectFrom('annex_a_documents as d')
        .leftJoin('users as u', 'u.id', 'd.uploaded_by')
        .select(['d.id', 'd.item', 'd.file_name', 'd.file_size', 'd.uploaded_at', 'u.display_name'])
        .where('d.activity_id', '=', activityId)
        .where('d.withdrawn_at', 'is', null)
        .orderBy('d.uploaded_at', 'desc')
        .execute()
      return rows.map((row) => ({
        id: row.id,
        item: row.item,
        fileName: row.file_name,
        fileSize: Number(row.file_size),
        uploadedAt: new Date(row.uploaded_at),
        uploadedBy: row.display_name,
      }))
    },

    async uploadDocument(
      principal: Principal,
      activityId: string,
      upload: { item: string; fileName: string; contentType: string | undefined; stream: Readable },
      context: RequestContext,
    ): Promise<string> {
      const activity = await activities.load(activityId)
      const item = upload.item || itemFromFileName(upload.fileName) || ''
      const errors: Record<string, string> = {}
      // Besides 1.01–3.11: the list of audits (002#257) and the audit of a requested case (002#258).
      const requested = new Set(
        (await service.sample(activityId))
          .filter((entry) => entry.auditedCaseRequested)
          .map((entry) => `case:${entry.childId}`),
      )
      if (!isDocumentItem(item) && item !== 'audits' && !requested.has(item))
        errors.item =
          'Select which Annex A item this document is for, or start the file name with its number, for example “1.07 Workforce profile.xlsx” (002#262)'
      const extension = extname(upload.fileName).toLowerCase()
      if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension))
        errors.document = `The selected file must be a document, spreadsheet, PDF or image (${DOCUMENT_EXTENSIONS.join(', ')})`
      if (Object.keys(errors).length > 0) {
        upload.stream.resume()
        throw new ValidationError(errors)
      }
      let stored
      try {
        stored = await blobs.put(upload.stream, { maxBytes: MAX_UPLOAD_BYTES })
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new ValidationError({
            document: `The selected file must be smaller than ${MAX_UPLOAD_BYTES / 1_048_576} MB`,
          })
        throw error
      }
      if (stored.size === 0) throw new ValidationError({ document: 'The selected file is empty' })
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('annex_a_documents')
          .values({
            activity_id: activityId,
            item,
            file_name: upload.fileName,
            file_hash: stored.hash,
            file_size: stored.size,
            content_type: upload.contentType ?? null,
            uploaded_by: principal.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
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

    async openDocument(principal: Principal, activityId: string, documentId: string, context: RequestContext) {
      if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw new NotFoundError()
      const row = await db
        .selectFrom('annex_a_documents')
        .select(['file_hash', 'file_name', 'content_type', 'item'])
        .where('id', '=', documentId)
        .where('activity_id', '=', activityId)
        .executeTakeFirst()
      if (!row) throw new NotFoundError()
      await audit(
        principal,
        activityId,
        'annex-a.document-read',
        `Opened Annex A document ${row.item}`,
        documentId,
        context,
      )
      return {
        stream: blobs.open(row.file_hash),
        fileName: row.file_name,
        contentType: row.content_type ?? 'application/octet-stream',
      }
    },

    checklist: ANNEX_A_DOCUMENTS,
  }
  return service
}

export type AnnexAReturnsService = ReturnType<typeof createAnnexAReturnsService>
