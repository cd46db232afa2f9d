import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { NoticeRole } from './activity-types.js'
import type { NoticeRecord } from './types.js'

/** The queries of an activity's notice calls (002#73) (ADR 0007). */
type Db = Kysely<Database> | Transaction<Database>

/** The notice calls of these activities, each as `[activityId, notice]`, in the order they were made. */
export async function noticesOf(db: Db, activityIds: readonly string[]): Promise<Array<[string, NoticeRecord]>> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_notices')
    .selectAll()
    .where('activity_id', 'in', [...activityIds])
    .orderBy('called_at')
    .execute()
  return rows.map((row) => [
    row.activity_id,
    {
      id: row.id,
      calledAt: new Date(row.called_at),
      spokeToRole: row.spoke_to_role,
      spokeToName: row.spoke_to_name,
      notes: row.notes,
      recordedBy: row.recorded_by,
      recordedAt: new Date(row.recorded_at),
    },
  ])
}

/** Which of these activities have had their notice call (002#73): only those are visible to the LA. */
export async function noticedActivityIds(db: Db, activityIds: readonly string[]): Promise<Set<string>> {
  if (activityIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('activity_notices')
    .select('activity_id')
    .distinct()
    .where('activity_id', 'in', [...activityIds])
    .execute()
  return new Set(rows.map((row) => row.activity_id))
}

export async function insertNotice(
  trx: Db,
  notice: {
    activityId: string
    calledAt: Date
    spokeToRole: NoticeRole
    spokeToName: string
    notes: string | null
    recordedBy: string
    /** The service's time, so it compares with the status changes (a re-plan) it follows. */
    recordedAt: Date
  },
): Promise<void> {
  await trx
    .insertInto('activity_notices')
    .values({
      activity_id: notice.activityId,
      called_at: notice.calledAt,
      spoke_to_role: notice.spokeToRole,
      spoke_to_name: notice.spokeToName,
      notes: notice.notes,
      recorded_by: notice.recordedBy,
      recorded_at: notice.recordedAt,
    })
    .execute()
}
