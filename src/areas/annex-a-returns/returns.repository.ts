import type { AnnexAFileErrorCode } from '../../annex-a/errors.js'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ReturnFile, ReturnStatus, StoredProfile, StoredResult } from './types.js'
import { isRecordId } from '../../db/record-id.js'

/**
 * The queries of Annex A returns (ADR 0007): the versions of an activity's return and the
 * processing queue. Rows name people by account id; the service asks auth's people directory
 * for their names. Documents and the case sample have repositories of their own.
 */
type Db = Kysely<Database> | Transaction<Database>

/** A return as stored: who uploaded it by account id. */
export interface ReturnRecord {
  readonly id: string
  readonly activityId: string
  readonly version: number
  readonly fileName: string
  readonly fileSize: number
  readonly asOf: string
  readonly status: ReturnStatus
  readonly uploadedById: string | null
  readonly uploadedAt: Date
  readonly processedAt: Date | null
  readonly processingMs: number | null
  readonly errorCode: string | null
  readonly errorMessage: string | null
  readonly errorCount: number | null
  readonly warningCount: number | null
  readonly rows: number | null
  readonly hasReport: boolean
  readonly files: readonly ReturnFile[]
  readonly listsAsked: readonly number[]
  readonly declaredEmpty: readonly number[]
  readonly listsCovered: readonly number[] | null
  readonly filesDeletedAt: Date | null
}

/** Every version of an activity's return, newest first. */
export async function returnsOf(db: Db, activityId: string): Promise<ReturnRecord[]> {
  if (!isRecordId(activityId)) return []
  const rows = await db
    .selectFrom('annex_a_returns')
    .select([
      'id',
      'activity_id',
      'version',
      'file_name',
      'file_size',
      'as_of',
      'status',
      'uploaded_by',
      'uploaded_at',
      'processed_at',
      'processing_ms',
      'error_code',
      'error_message',
      'error_count',
      'warning_count',
      'rows',
      'report_hash',
      'files',
      'lists_asked',
      'declared_empty',
      'lists_covered',
      'files_deleted_at',
    ])
    .where('activity_id', '=', activityId)
    .orderBy('version', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    version: row.version,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    asOf: row.as_of,
    status: row.status,
    uploadedById: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at),
    processedAt: row.processed_at ? new Date(row.processed_at) : null,
    processingMs: row.processing_ms,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    errorCount: row.error_count,
    warningCount: row.warning_count,
    rows: row.rows,
    hasReport: row.report_hash !== null,
    files: row.files as ReturnFile[],
    listsAsked: row.lists_asked as number[],
    declaredEmpty: row.declared_empty as number[],
    listsCovered: row.lists_covered as number[] | null,
    filesDeletedAt: row.files_deleted_at ? new Date(row.files_deleted_at) : null,
  }))
}

/**
 * Hold the activity's uploads until the transaction ends, so two uploads at once cannot both
 * take the next version or both miss that they are the same file. An advisory lock on the
 * activity's id: the activities table is the activities area's, not this area's to lock.
 */
export async function lockUploadsOf(trx: Transaction<Database>, activityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`annex-a:${activityId}`}))`.execute(trx)
}

/** The newest version of an activity's return, for numbering the next and spotting a double submit. */
export async function latestReturn(
  db: Db,
  activityId: string,
): Promise<
  { id: string; version: number; files: ReturnFile[]; declaredEmpty: number[]; status: ReturnStatus } | undefined
> {
  const row = await db
    .selectFrom('annex_a_returns')
    .select(['id', 'version', 'files', 'declared_empty', 'status'])
    .where('activity_id', '=', activityId)
    .orderBy('version', 'desc')
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      version: row.version,
      files: row.files as ReturnFile[],
      declaredEmpty: row.declared_empty as number[],
      status: row.status,
    }
  )
}

/** A new version, waiting to be checked; its id. */
export async function insertReturn(
  db: Db,
  values: {
    activityId: string
    laCode: string
    version: number
    fileName: string
    fileHash: string
    fileSize: number
    files: readonly ReturnFile[]
    listsAsked: readonly number[]
    declaredEmpty: readonly number[]
    asOf: string
    uploadedBy: string
  },
): Promise<string> {
  const { id } = await db
    .insertInto('annex_a_returns')
    .values({
      activity_id: values.activityId,
      la_code: values.laCode,
      version: values.version,
      file_name: values.fileName,
      file_hash: values.fileHash,
      file_size: values.fileSize,
      files: JSON.stringify(values.files),
      lists_asked: JSON.stringify(values.listsAsked),
      declared_empty: JSON.stringify(values.declaredEmpty),
      as_of: values.asOf,
      status: 'processing',
      uploaded_by: values.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Checked results, parsed, by return and by whether the return's files are kept (issue 16: a
 * 20,000-row return's findings run to thousands, and reading and parsing them was most of each
 * view of its page). A result is written once, when the return is checked, and changes only when
 * retention empties its findings (`markReturnFilesDeleted`, which sets `files_deleted_at`): the
 * key holds both, so a kept result is never served after that on any instance. The newest few.
 */
const checkedResults = new Map<string, StoredResult>()
const CHECKED_RESULTS_KEPT = 8

/** A return's stored result (findings, lists, counts), or null before it is checked; undefined if none. */
export async function resultOf(
  db: Db,
  activityId: string,
  returnId: string,
): Promise<{ result: StoredResult | null } | undefined> {
  if (!isRecordId(returnId)) return undefined
  const head = await db
    .selectFrom('annex_a_returns')
    .select(['files_deleted_at', sql<boolean>`result is null`.as('unchecked')])
    .where('id', '=', returnId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  if (!head) return undefined
  if (head.unchecked) return { result: null }
  const key = `${returnId} ${head.files_deleted_at?.toISOString() ?? 'kept'}`
  const cached = checkedResults.get(key)
  if (cached) {
    checkedResults.delete(key)
    checkedResults.set(key, cached)
    return { result: cached }
  }
  const row = await db
    .selectFrom('annex_a_returns')
    .select('result')
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow()
  const result = row.result as StoredResult
  if (result) {
    checkedResults.set(key, result)
    for (const stale of checkedResults.keys()) {
      if (checkedResults.size <= CHECKED_RESULTS_KEPT) break
      checkedResults.delete(stale)
    }
  }
  return { result }
}

/** Where a return's marked-up workbook is, with what to call it. */
export async function reportOf(
  db: Db,
  activityId: string,
  returnId: string,
): Promise<{ reportHash: string | null; fileName: string; version: number } | undefined> {
  if (!isRecordId(returnId)) return undefined
  const row = await db
    .selectFrom('annex_a_returns')
    .select(['report_hash', 'file_name', 'version'])
    .where('id', '=', returnId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  return row && { reportHash: row.report_hash, fileName: row.file_name, version: row.version }
}

/** A checked return's profile. */
export async function profileOf(db: Db, returnId: string): Promise<StoredProfile> {
  const row = await db
    .selectFrom('annex_a_returns')
    .select('profile')
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow()
  return row.profile as StoredProfile
}

/** Where a checked return's per-child table is (a blob), or null. */
export async function childrenHashOf(db: Db, returnId: string): Promise<string | null> {
  const row = await db
    .selectFrom('annex_a_returns')
    .select('children_hash')
    .where('id', '=', returnId)
    .executeTakeFirst()
  return row?.children_hash ?? null
}

// The processing queue (processor.ts).

/** What the checker needs of a return it has claimed. */
export interface ClaimedReturn {
  readonly files: readonly ReturnFile[]
  readonly asOf: string
  readonly listsAsked: readonly number[]
  readonly declaredEmpty: readonly number[]
}

/**
 * Claim a waiting return for `leaseUntil`: locked, skipping one another process holds, and only
 * if no live lease is on it. Undefined when it is not this process's to check.
 */
export async function claimReturn(
  db: Kysely<Database>,
  returnId: string,
  now: Date,
  leaseUntil: Date,
): Promise<ClaimedReturn | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('annex_a_returns')
      .select(['files', 'as_of', 'lists_asked', 'declared_empty', 'claimed_until'])
      .where('id', '=', returnId)
      .where('status', '=', 'processing')
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!row) return undefined
    if (row.claimed_until && new Date(row.claimed_until).getTime() > now.getTime()) return undefined
    await trx.updateTable('annex_a_returns').set({ claimed_until: leaseUntil }).where('id', '=', returnId).execute()
    return {
      files: row.files as ReturnFile[],
      asOf: row.as_of,
      listsAsked: row.lists_asked as number[],
      declaredEmpty: row.declared_empty as number[],
    }
  })
}

/** Keep a claim while the check goes on. */
export async function renewClaim(db: Db, returnId: string, leaseUntil: Date): Promise<void> {
  await db
    .updateTable('annex_a_returns')
    .set({ claimed_until: leaseUntil })
    .where('id', '=', returnId)
    .where('status', '=', 'processing')
    .execute()
}

/**
 * Returns waiting with no live lease (left by this or a crashed process), oldest first, with
 * their LA, so the checker can take them fairly between LAs.
 */
export async function waitingReturns(db: Db, now: Date, limit = 50): Promise<{ id: string; laCode: string }[]> {
  const rows = await db
    .selectFrom('annex_a_returns')
    .select(['id', 'la_code', 'activity_id'])
    .where('status', '=', 'processing')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .orderBy('uploaded_at')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ id: row.id, laCode: row.la_code ?? row.activity_id }))
}

/** A checked return: its result, profile, blobs and counts; the lease is released. */
export async function recordChecked(
  db: Db,
  returnId: string,
  values: {
    status: 'valid' | 'errors'
    result: StoredResult
    profile: StoredProfile
    childrenHash: string
    reportHash: string | null
    errorCount: number
    warningCount: number
    rows: number
    listsCovered: readonly number[]
    processedAt: Date
    processingMs: number
  },
): Promise<void> {
  await db
    .updateTable('annex_a_returns')
    .set({
      status: values.status,
      lists_covered: JSON.stringify(values.listsCovered),
      result: JSON.stringify(values.result),
      profile: JSON.stringify(values.profile),
      children_hash: values.childrenHash,
      report_hash: values.reportHash,
      error_count: values.errorCount,
      warning_count: values.warningCount,
      rows: values.rows,
      processed_at: values.processedAt,
      processing_ms: values.processingMs,
      claimed_until: null,
    })
    .where('id', '=', returnId)
    .execute()
}

/** A return that could not be read or checked, and why; the lease is released. */
export async function recordUnchecked(
  db: Db,
  returnId: string,
  values: {
    status: 'unreadable' | 'failed'
    errorCode: AnnexAFileErrorCode | 'FAILED'
    errorMessage: string
    processedAt: Date
    processingMs: number
  },
): Promise<void> {
  await db
    .updateTable('annex_a_returns')
    .set({
      status: values.status,
      error_code: values.errorCode,
      error_message: values.errorMessage,
      processed_at: values.processedAt,
      processing_ms: values.processingMs,
      claimed_until: null,
    })
    .where('id', '=', returnId)
    .execute()
}

/** The status of every version of these activities' returns: `[activityId, status]` (the home page's parts). */
export async function returnStatusesOf(db: Db, activityIds: readonly string[]) {
  const valid = activityIds.filter(isRecordId)
  if (valid.length === 0) return []
  const rows = await db
    .selectFrom('annex_a_returns')
    .select(['activity_id', 'status'])
    .where('activity_id', 'in', valid)
    .execute()
  return rows.map((row) => [row.activity_id, row.status] as const)
}
