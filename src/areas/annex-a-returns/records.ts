import type { AuditAction } from '../../auth/audit-actions.js'
import { buffer } from 'node:stream/consumers'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type { ChildrenTable } from '../../annex-a/index.js'
import { recordAudit } from '../../auth/audit.js'
import type { PeopleDirectory } from '../../auth/people.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import type { BlobStore } from '../../files/blob-store.js'
import type { ActivitiesService } from '../activities/index.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import type { Processor } from './processor.js'
import { childrenHashOf, returnsOf, returnStatusesOf } from './returns.repository.js'
import { documentItemsOf } from './documents.repository.js'
import { memoisedRowsOf } from '../../db/request-scope.js'
import type { AnnexAReturn, ReturnStatus } from './types.js'

const gunzipAsync = promisify(gunzip)

/**
 * What the Annex A returns area is built from: files in the blob store, the background checker,
 * the activities area for the activity (and its LA), auth's directory for people's names.
 */
export interface AnnexAReturnsDeps extends ServiceDeps {
  readonly blobs: BlobStore
  readonly processor: Processor
  readonly activities: Pick<ActivitiesService, 'load'>
  readonly people: Pick<PeopleDirectory, 'byIds'>
}

/** A readable return: validated, with or without errors. A failed upload never becomes current. */
export function isReadable(status: ReturnStatus): boolean {
  return status === 'valid' || status === 'errors'
}

/**
 * The version that counts (for the LA's task, the profile and the case sample): the newest
 * checked version among those holding the most of the lists asked for, so a return lacking
 * lists never silently replaces a fuller one (issue 10: one CSV of List 1 replaced a whole
 * return). `versions` is newest first.
 */
export function currentOf<T extends { status: ReturnStatus; listsCovered: readonly number[] | null }>(
  versions: readonly T[],
): T | undefined {
  let best: T | undefined
  for (const version of versions) {
    if (!isReadable(version.status)) continue
    if (!best || (version.listsCovered?.length ?? 0) > (best.listsCovered?.length ?? 0)) best = version
  }
  return best
}

/**
 * Reading returns, and what every part of the area shares: names of the people who did things
 * (one batch read per list), the audit of each read of child-level data, and the per-child
 * table of a checked return.
 */
export function annexARecords({ db, blobs, activities, people }: AnnexAReturnsDeps) {
  const childrenCache = new Map<string, ChildrenTable>()

  /** Each record with the name of the account in `idOf` (null when there is none), in one read. */
  async function withNames<T, R>(
    records: readonly T[],
    idOf: (record: T) => string | null,
    build: (record: T, name: string | null) => R,
  ): Promise<R[]> {
    const names = await people.byIds(records.map(idOf))
    return records.map((record) => {
      const id = idOf(record)
      return build(record, id ? (names.get(id)?.displayName ?? null) : null)
    })
  }

  async function versions(activityId: string): Promise<AnnexAReturn[]> {
    return withNames(
      await returnsOf(db, activityId),
      (record) => record.uploadedById,
      ({ uploadedById: _id, ...record }, uploadedBy) => ({ ...record, uploadedBy }),
    )
  }

  async function current(activityId: string): Promise<AnnexAReturn | undefined> {
    return currentOf(await versions(activityId))
  }

  /** The per-child table of a checked return, or undefined; the last few are kept in memory. */
  async function childrenTable(returnId: string): Promise<ChildrenTable | undefined> {
    const hash = await childrenHashOf(db, returnId)
    if (!hash) return undefined
    const cached = childrenCache.get(hash)
    if (cached) return cached
    const table = JSON.parse((await gunzipAsync(await buffer(blobs.open(hash)))).toString('utf8')) as ChildrenTable
    // Keep a few recent tables: a case sample page reads one many times in a row.
    if (childrenCache.size >= 4) childrenCache.delete(childrenCache.keys().next().value!)
    childrenCache.set(hash, table)
    return table
  }

  /** Record a read or change of the activity's Annex A in the audit log. */
  async function audit(
    principal: Principal,
    activityId: string,
    action: AuditAction,
    summary: string,
    recordId: string | null,
    context: RequestContext,
    changes?: Record<string, unknown>,
  ): Promise<void> {
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

  /**
   * What the LA has sent for each of these activities: its versions' statuses and the items of its
   * documents, one query a table whatever their number (issue 16: home pages, the reminder job).
   */
  async function sentOf(
    activityIds: readonly string[],
  ): Promise<Map<string, { statuses: ReturnStatus[]; items: Set<string> }>> {
    const [statuses, items] = await Promise.all([
      memoisedRowsOf('annexA.returnStatusesOf', activityIds, (missing) => returnStatusesOf(db, missing)),
      memoisedRowsOf('annexA.documentItemsOf', activityIds, (missing) => documentItemsOf(db, missing)),
    ])
    return new Map(
      activityIds.map((id) => [id, { statuses: statuses.get(id) ?? [], items: new Set(items.get(id) ?? []) }]),
    )
  }

  return {
    withNames,
    childrenTable,
    audit,
    sentOf,

    /** Every version, newest first (re-uploads keep every version, issue 5). */
    versions,

    /** The latest readable return: what inspectors work from. */
    current,

    /** One version of the activity's return. */
    async get(activityId: string, returnId: string): Promise<AnnexAReturn> {
      const found = (await versions(activityId)).find((version) => version.id === returnId)
      if (!found) throw new NotFoundError()
      return found
    },
  }
}

export type AnnexARecords = ReturnType<typeof annexARecords>
