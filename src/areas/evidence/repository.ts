import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'

/**
 * What the evidence area's repositories share (ADR 0007: one repository per record type, each
 * querying only the area's own tables): the connection type, the id check, and numbering.
 * People's names come from auth's people directory and activities from their service, never
 * from a join here.
 */
export type Db = Kysely<Database> | Transaction<Database>

/**
 * The next number of an activity's requests or cases of concern. A transaction-scoped advisory
 * lock on the activity and the table means two raised at once get different numbers, without
 * locking the activities table, which is not this area's.
 */
export async function nextNumber(
  trx: Transaction<Database>,
  activityId: string,
  table: 'further_information_requests' | 'cases_of_concern',
): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`${table}:${activityId}`}))`.execute(trx)
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('number').as('last'))
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}
