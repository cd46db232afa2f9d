import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ActivityStatus } from './lifecycle.js'

/** The queries of an activity's history: the changes of its first day on site and of its status (ADR 0007). */
type Db = Kysely<Database> | Transaction<Database>

/** The first day on site as it was and became, by account id: `[activityId, change]` for each of these activities. */
export async function dateChangesOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_date_changes')
    .select(['activity_id', 'from_date', 'to_date', 'reason', 'changed_at', 'changed_by'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
  return rows.map(
    (row) =>
      [
        row.activity_id,
        {
          fromDate: row.from_date,
          toDate: row.to_date,
          reason: row.reason,
          changedAt: new Date(row.changed_at),
          changedById: row.changed_by,
        },
      ] as const,
  )
}

export async function insertDateChange(
  trx: Db,
  change: { activityId: string; fromDate: string | null; toDate: string; reason: string; changedBy: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('activity_date_changes')
    .values({
      activity_id: change.activityId,
      from_date: change.fromDate,
      to_date: change.toDate,
      reason: change.reason,
      changed_by: change.changedBy,
      changed_at: change.at,
    })
    .execute()
}

/** The lifecycle steps taken, by account id: `[activityId, change]` for each of these activities. */
export async function statusChangesOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_status_changes')
    .select(['activity_id', 'from_status', 'to_status', 'note', 'changed_at', 'changed_by'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
  return rows.map(
    (row) =>
      [
        row.activity_id,
        {
          fromStatus: row.from_status,
          toStatus: row.to_status,
          note: row.note,
          changedAt: new Date(row.changed_at),
          changedById: row.changed_by,
        },
      ] as const,
  )
}

export async function insertStatusChange(
  trx: Db,
  change: {
    activityId: string
    fromStatus: ActivityStatus | null
    toStatus: ActivityStatus
    note: string | null
    changedBy: string | null
    at: Date
  },
): Promise<void> {
  await trx
    .insertInto('activity_status_changes')
    .values({
      activity_id: change.activityId,
      from_status: change.fromStatus,
      to_status: change.toStatus,
      note: change.note,
      changed_by: change.changedBy,
      changed_at: change.at,
    })
    .execute()
}
