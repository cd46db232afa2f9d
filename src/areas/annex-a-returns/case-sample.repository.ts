import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import { isRecordId } from '../../db/record-id.js'

/** The queries of the case sample (002#150-153) and the audited cases asked for (002#258), ADR 0007. */
type Db = Kysely<Database> | Transaction<Database>

export interface SampleRecord {
  readonly childId: string
  readonly reason: string | null
  readonly auditedCaseRequested: boolean
  readonly addedAt: Date
  readonly addedById: string | null
}

/** The case sample in the order the children were added. */
export async function sampleOf(db: Db, activityId: string): Promise<SampleRecord[]> {
  if (!isRecordId(activityId)) return []
  const rows = await db
    .selectFrom('case_samples')
    .select(['child_id', 'reason', 'audited_case_requested', 'added_at', 'added_by'])
    .where('activity_id', '=', activityId)
    .orderBy('added_at')
    .execute()
  return rows.map((row) => ({
    childId: row.child_id,
    reason: row.reason,
    auditedCaseRequested: row.audited_case_requested,
    addedAt: new Date(row.added_at),
    addedById: row.added_by,
  }))
}

/** Add children to the sample; one already in it stays as it was. */
export async function insertSampleEntries(
  db: Db,
  activityId: string,
  childIds: readonly string[],
  reason: string | null,
  addedBy: string,
): Promise<void> {
  await db
    .insertInto('case_samples')
    .values(childIds.map((child_id) => ({ activity_id: activityId, child_id, reason, added_by: addedBy })))
    .onConflict((oc) => oc.columns(['activity_id', 'child_id']).doNothing())
    .execute()
}

export async function deleteSampleEntry(db: Db, activityId: string, childId: string): Promise<void> {
  await db.deleteFrom('case_samples').where('activity_id', '=', activityId).where('child_id', '=', childId).execute()
}

/** Mark exactly these children as the audited cases asked for; the rest of the sample not. */
export async function setAuditedCasesRequested(db: Db, activityId: string, childIds: readonly string[]): Promise<void> {
  await db
    .updateTable('case_samples')
    .set({ audited_case_requested: false })
    .where('activity_id', '=', activityId)
    .execute()
  if (childIds.length === 0) return
  await db
    .updateTable('case_samples')
    .set({ audited_case_requested: true })
    .where('activity_id', '=', activityId)
    .where('child_id', 'in', [...childIds])
    .execute()
}
