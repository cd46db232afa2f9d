import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'

type Db = Kysely<Database> | Transaction<Database>

/** A child looked at on a monitoring visit, by the LA's own ID (001#37, 002#137). */
export interface MonitoringChild {
  readonly id: string
  readonly activityId: string
  readonly childId: string
  readonly method: 'tracked' | 'sampled'
  readonly concern: string | null
  readonly concernTold: string | null
  readonly recordedAt: Date
}

export async function childrenOf(db: Db, activityId: string): Promise<MonitoringChild[]> {
  const rows = await db
    .selectFrom('monitoring_visit_children')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    childId: row.child_id,
    method: row.method,
    concern: row.concern,
    concernTold: row.concern_told,
    recordedAt: new Date(row.recorded_at),
  }))
}

/** Where each of these children of the LA was looked at on another, earlier visit: child ID → references. */
export async function earlierSightings(
  db: Db,
  laCode: string,
  childIds: readonly string[],
  before: string,
): Promise<Map<string, string[]>> {
  if (childIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('monitoring_visit_children as c')
    .innerJoin('activities as a', 'a.id', 'c.activity_id')
    .select(['c.child_id', 'a.reference'])
    .where('c.la_code', '=', laCode)
    .where('c.child_id', 'in', [...childIds])
    .where('a.onsite_start', '<', before)
    .orderBy('a.onsite_start')
    .execute()
  const seen = new Map<string, string[]>()
  for (const row of rows) seen.set(row.child_id, [...(seen.get(row.child_id) ?? []), row.reference])
  return seen
}

export async function insertChild(
  trx: Db,
  values: {
    activityId: string
    laCode: string
    childId: string
    method: 'tracked' | 'sampled'
    concern: string | null
    concernTold: string | null
    recordedBy: string
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('monitoring_visit_children')
    .values({
      activity_id: values.activityId,
      la_code: values.laCode,
      child_id: values.childId,
      method: values.method,
      concern: values.concern,
      concern_told: values.concernTold,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function childRecorded(db: Db, activityId: string, childId: string): Promise<boolean> {
  const row = await db
    .selectFrom('monitoring_visit_children')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('child_id', '=', childId)
    .executeTakeFirst()
  return Boolean(row)
}
