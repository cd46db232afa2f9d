import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import { isRecordId } from '../../db/record-id.js'

/**
 * The queries of Annex A documents (ADR 0007): 1.01–3.11 (002#260-262), the list of audits
 * (002#257) and requested cases' audits (002#258). Uploaders by account id.
 */
type Db = Kysely<Database> | Transaction<Database>

export interface DocumentRecord {
  readonly id: string
  readonly item: string
  readonly fileName: string
  readonly fileSize: number
  readonly uploadedAt: Date
  readonly uploadedById: string | null
}

/** An activity's documents not withdrawn, newest first. */
export async function documentsOf(db: Db, activityId: string): Promise<DocumentRecord[]> {
  if (!isRecordId(activityId)) return []
  const rows = await db
    .selectFrom('annex_a_documents')
    .select(['id', 'item', 'file_name', 'file_size', 'uploaded_at', 'uploaded_by'])
    .where('activity_id', '=', activityId)
    .where('withdrawn_at', 'is', null)
    .orderBy('uploaded_at', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    item: row.item,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    uploadedAt: new Date(row.uploaded_at),
    uploadedById: row.uploaded_by,
  }))
}

export async function insertDocument(
  db: Db,
  values: {
    activityId: string
    item: string
    fileName: string
    fileHash: string
    fileSize: number
    contentType: string | null
    uploadedBy: string
  },
): Promise<string> {
  const { id } = await db
    .insertInto('annex_a_documents')
    .values({
      activity_id: values.activityId,
      item: values.item,
      file_name: values.fileName,
      file_hash: values.fileHash,
      file_size: values.fileSize,
      content_type: values.contentType,
      uploaded_by: values.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Where one of the activity's documents is, with its name and type. */
export async function findDocument(
  db: Db,
  activityId: string,
  documentId: string,
): Promise<{ fileHash: string; fileName: string; contentType: string | null; item: string } | undefined> {
  if (!isRecordId(documentId)) return undefined
  const row = await db
    .selectFrom('annex_a_documents')
    .select(['file_hash', 'file_name', 'content_type', 'item'])
    .where('id', '=', documentId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  return row && { fileHash: row.file_hash, fileName: row.file_name, contentType: row.content_type, item: row.item }
}

/** The items these activities' documents not withdrawn are for: `[activityId, item]` (the home page's parts). */
export async function documentItemsOf(db: Db, activityIds: readonly string[]) {
  const valid = activityIds.filter(isRecordId)
  if (valid.length === 0) return []
  const rows = await db
    .selectFrom('annex_a_documents')
    .select(['activity_id', 'item'])
    .distinct()
    .where('activity_id', 'in', valid)
    .where('withdrawn_at', 'is', null)
    .execute()
  return rows.map((row) => [row.activity_id, row.item] as const)
}
