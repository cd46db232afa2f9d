import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ReturnFile } from './types.js'

/** The queries of the retention job (retention.ts): raw uploads still kept, and their deletion. */
type Db = Kysely<Database> | Transaction<Database>

/** Activities with a return or a document whose files are still kept. */
export async function activitiesWithKeptFiles(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('annex_a_returns')
    .select('activity_id')
    .where('files_deleted_at', 'is', null)
    .union(db.selectFrom('annex_a_documents').select('activity_id').where('file_deleted_at', 'is', null))
    .execute()
  return rows.map((row) => row.activity_id)
}

/** The kept returns of an activity, with every blob each holds. */
export async function keptReturnsOf(
  db: Db,
  activityId: string,
): Promise<{ id: string; version: number; hashes: string[] }[]> {
  const rows = await db
    .selectFrom('annex_a_returns')
    .select(['id', 'version', 'files', 'report_hash', 'children_hash'])
    .where('activity_id', '=', activityId)
    .where('files_deleted_at', 'is', null)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    version: row.version,
    hashes: [
      ...(row.files as ReturnFile[]).map((file) => file.hash),
      ...(row.report_hash ? [row.report_hash] : []),
      ...(row.children_hash ? [row.children_hash] : []),
    ],
  }))
}

/** The kept documents of an activity. */
export async function keptDocumentsOf(
  db: Db,
  activityId: string,
): Promise<{ id: string; item: string; hash: string }[]> {
  const rows = await db
    .selectFrom('annex_a_documents')
    .select(['id', 'item', 'file_hash'])
    .where('activity_id', '=', activityId)
    .where('file_deleted_at', 'is', null)
    .execute()
  return rows.map((row) => ({ id: row.id, item: row.item, hash: row.file_hash }))
}

/**
 * A return's files are gone: its marked-up workbook and per-child table with them, and its kept
 * findings (which name Child Unique IDs); its counts and profile stay.
 */
export async function markReturnFilesDeleted(db: Db, returnId: string, at: Date): Promise<void> {
  await db
    .updateTable('annex_a_returns')
    .set({
      files_deleted_at: at,
      report_hash: null,
      children_hash: null,
      result: sql`case when result is null then null else jsonb_set(result, '{findings}', '[]'::jsonb) end`,
    })
    .where('id', '=', returnId)
    .execute()
}

export async function markDocumentFileDeleted(db: Db, documentId: string, at: Date): Promise<void> {
  await db.updateTable('annex_a_documents').set({ file_deleted_at: at }).where('id', '=', documentId).execute()
}

/** Is a blob still used by a return or document whose files are kept? (Blobs are shared by content.) */
export async function blobStillKept(db: Db, hash: string): Promise<boolean> {
  const row = await sql<{ kept: boolean }>`
    select exists (
      select 1 from annex_a_returns
      where files_deleted_at is null
        and (report_hash = ${hash} or children_hash = ${hash} or files @> ${JSON.stringify([{ hash }])}::jsonb)
    ) or exists (
      select 1 from annex_a_documents where file_deleted_at is null and file_hash = ${hash}
    ) as kept`.execute(db)
  return row.rows[0]?.kept ?? false
}
