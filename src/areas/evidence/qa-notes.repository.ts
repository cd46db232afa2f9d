import { isRecordId } from '../../db/record-id.js'
import type { Db } from './repository.js'
import type { QaNote } from './types.js'

/** QA manager notes on the evidence record (002#190) and the lead's resolutions. */

/** A note as stored: people by id only (the service adds their names). */
export type StoredQaNote = Omit<QaNote, 'authorName' | 'resolvedByName'> & {
  readonly authorId: string
  readonly resolvedById: string | null
}

export async function qaNotesOf(db: Db, activityId: string): Promise<StoredQaNote[]> {
  const rows = await db
    .selectFrom('evidence_qa_notes')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    entryId: row.entry_id,
    note: row.note,
    authorId: row.author_id,
    createdAt: new Date(row.created_at),
    resolution: row.resolution,
    resolvedById: row.resolved_by,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
  }))
}

export async function findQaNote(
  db: Db,
  id: string,
): Promise<{ id: string; activityId: string; resolvedAt: Date | null } | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await db
    .selectFrom('evidence_qa_notes')
    .select(['id', 'activity_id', 'resolved_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row
    ? { id: row.id, activityId: row.activity_id, resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null }
    : undefined
}

export async function insertQaNote(
  trx: Db,
  note: { activityId: string; entryId: string | null; note: string; authorId: string; at: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('evidence_qa_notes')
    .values({
      activity_id: note.activityId,
      entry_id: note.entryId,
      note: note.note,
      author_id: note.authorId,
      created_at: note.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Resolve an open note; false when someone resolved it first. */
export async function resolveQaNote(
  trx: Db,
  id: string,
  resolution: { text: string; by: string; at: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('evidence_qa_notes')
    .set({ resolution: resolution.text, resolved_by: resolution.by, resolved_at: resolution.at })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
