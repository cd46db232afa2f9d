import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { LeaveRecord } from './types.js'

type Db = Kysely<Database> | Transaction<Database>

/** A leave record as stored: the inspector's id and the dates (names come from the people directory). */
export type StoredLeave = Omit<LeaveRecord, 'name'>

/** Leave that ends on or after `from` (all of it when `from` is undefined), earliest first. */
export async function listLeave(db: Db, filter: { from?: string; userId?: string } = {}): Promise<StoredLeave[]> {
  let query = db.selectFrom('inspector_leave').select(['id', 'user_id', 'starts_on', 'ends_on', 'created_at'])
  if (filter.from) query = query.where('ends_on', '>=', filter.from)
  if (filter.userId) query = query.where('user_id', '=', filter.userId)
  const rows = await query.orderBy('starts_on').orderBy('created_at').execute()
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: new Date(row.created_at),
  }))
}

export async function insertLeave(
  trx: Db,
  values: { userId: string; startsOn: string; endsOn: string; createdBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('inspector_leave')
    .values({
      user_id: values.userId,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function deleteLeave(
  trx: Db,
  id: string,
): Promise<{ userId: string; startsOn: string; endsOn: string } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const row = await trx
    .deleteFrom('inspector_leave')
    .where('id', '=', id)
    .returning(['user_id', 'starts_on', 'ends_on'])
    .executeTakeFirst()
  return row ? { userId: row.user_id, startsOn: row.starts_on, endsOn: row.ends_on } : undefined
}

export async function readSetting(db: Db, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('programme_settings').select('value').where('key', '=', key).executeTakeFirst()
  return row?.value
}

export async function writeSetting(
  trx: Db,
  key: string,
  value: number,
  updatedBy: string,
  now: Date,
): Promise<number | undefined> {
  const before = await readSetting(trx, key)
  await trx
    .insertInto('programme_settings')
    .values({ key, value, updated_by: updatedBy, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_by: updatedBy, updated_at: now }))
    .execute()
  return before
}
