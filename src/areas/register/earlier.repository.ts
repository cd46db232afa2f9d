import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { EarlierInspection } from './earlier-frameworks.js'

/**
 * The register's queries of what issue 14's import adds beside the judgement history: the
 * inspections under the frameworks before the SIF (history only) and the administrator's uploads
 * waiting for their confirmation.
 */
type Db = Kysely<Database> | Transaction<Database>

export type NewEarlierInspection = Omit<EarlierInspection, 'id' | 'recordedAt'> & { readonly recordedBy: string | null }

/** The LAs' inspections under earlier frameworks (all LAs when none are named), oldest first. */
export async function earlierInspections(db: Db, laCodes?: readonly string[]): Promise<EarlierInspection[]> {
  let query = db.selectFrom('register_earlier_inspections').selectAll()
  if (laCodes) {
    if (laCodes.length === 0) return []
    query = query.where('la_code', 'in', laCodes)
  }
  const rows = await query.orderBy('published_on').orderBy('id').execute()
  return rows.map((row) => ({
    id: row.id,
    laCode: row.la_code,
    framework: row.framework,
    inspectionType: row.inspection_type,
    inspectionStart: row.inspection_start,
    publishedOn: row.published_on,
    grades: row.grades,
    sourceDetail: row.source_detail,
    predecessor: row.predecessor,
    recordedAt: row.recorded_at,
  }))
}

export async function insertEarlierInspections(db: Db, rows: readonly NewEarlierInspection[]): Promise<string[]> {
  if (rows.length === 0) return []
  const inserted = await db
    .insertInto('register_earlier_inspections')
    .values(
      rows.map((row) => ({
        la_code: row.laCode,
        framework: row.framework,
        inspection_type: row.inspectionType,
        inspection_start: row.inspectionStart,
        published_on: row.publishedOn,
        grades: JSON.stringify(row.grades),
        source_detail: row.sourceDetail,
        predecessor: row.predecessor,
        recorded_by: row.recordedBy,
      })),
    )
    .returning('id')
    .execute()
  return inserted.map((row) => row.id)
}

/** An upload waiting for its confirmation (or confirmed). */
export async function recordImportUpload(
  db: Db,
  upload: { hash: string; fileName: string; uploadedBy: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('register_import_uploads')
    .values({ hash: upload.hash, file_name: upload.fileName, uploaded_by: upload.uploadedBy, uploaded_at: upload.at })
    .onConflict((c) => c.columns(['hash', 'file_name']).doUpdateSet({ uploaded_at: upload.at }))
    .execute()
}

export async function findImportUpload(
  db: Db,
  hash: string,
  fileName: string,
): Promise<{ uploadedAt: Date; confirmedAt: Date | null } | undefined> {
  const row = await db
    .selectFrom('register_import_uploads')
    .select(['uploaded_at', 'confirmed_at'])
    .where('hash', '=', hash)
    .where('file_name', '=', fileName)
    .executeTakeFirst()
  return row ? { uploadedAt: row.uploaded_at, confirmedAt: row.confirmed_at } : undefined
}

export async function confirmImportUpload(db: Db, hash: string, fileName: string, at: Date): Promise<void> {
  await db
    .updateTable('register_import_uploads')
    .set({ confirmed_at: at })
    .where('hash', '=', hash)
    .where('file_name', '=', fileName)
    .execute()
}

/**
 * Delete the uploads never confirmed and uploaded before `cutoff`; returns each one's hash, with
 * whether another upload (confirmed, or still waiting) holds the same file, so it must stay.
 */
export async function deleteUnconfirmedUploads(
  db: Db,
  cutoff: Date,
): Promise<Array<{ hash: string; fileName: string; uploadedAt: Date; stillHeld: boolean }>> {
  const deleted = await db
    .deleteFrom('register_import_uploads')
    .where('confirmed_at', 'is', null)
    .where('uploaded_at', '<', cutoff)
    .returning(['hash', 'file_name', 'uploaded_at'])
    .execute()
  if (deleted.length === 0) return []
  const held = await db
    .selectFrom('register_import_uploads')
    .select('hash')
    .where(
      'hash',
      'in',
      deleted.map((row) => row.hash),
    )
    .execute()
  const heldHashes = new Set(held.map((row) => row.hash))
  return deleted.map((row) => ({
    hash: row.hash,
    fileName: row.file_name,
    uploadedAt: row.uploaded_at,
    stillHeld: heldHashes.has(row.hash),
  }))
}
