import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ActivityType } from '../../rules/types.js'
import type { ActivityStatus } from './lifecycle.js'
import type { MonitoringFacts } from './types.js'
import { isRecordId } from '../../db/record-id.js'

/**
 * Every query of the activities area (ADR 0007): the activities and their timelines, teams,
 * timeline, notices and histories are in timeline, notice and history.repository.ts, the team and contacts in team.repository.ts. Rows come back as records keyed by ids; the service adds
 * the LA's name (register) and people's names (auth) it asks their owners for.
 */
type Db = Kysely<Database> | Transaction<Database>

/** An activity as stored: the LA by its code only. */
export interface ActivityRecord {
  readonly id: string
  readonly reference: string
  readonly laCode: string
  readonly type: ActivityType
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: string
  readonly status: ActivityStatus
  readonly statusReason: string | null
  readonly topics: readonly string[]
  readonly monitoring: MonitoringFacts | null
  readonly version: number
  readonly createdAt: Date
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>>

function activityQuery(db: Db) {
  return db.selectFrom('activities as a').selectAll('a')
}

function toRecord(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    reference: row.reference,
    laCode: row.la_code,
    type: row.type,
    variant: row.variant === 'wed-thu' ? 'wed-thu' : null,
    onsiteStart: row.onsite_start,
    status: row.status,
    statusReason: row.status_reason,
    topics: row.topics ?? [],
    monitoring:
      row.type === 'monitoring-visit'
        ? {
            handbook: row.monitoring_handbook ?? 'ilacs',
            visitNumber: row.monitoring_visit_number ?? 1,
            secondSet: row.monitoring_second_set,
            focus: row.focus ?? '',
          }
        : null,
    version: row.version,
    createdAt: new Date(row.created_at),
  }
}

export async function findActivity(db: Db, id: string): Promise<ActivityRecord | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await activityQuery(db).where('a.id', '=', id).executeTakeFirst()
  return row ? toRecord(row) : undefined
}

/** These activities, by id (an id that is not one is simply absent). */
export async function findActivities(db: Db, ids: readonly string[]): Promise<Map<string, ActivityRecord>> {
  const valid = ids.filter(isRecordId)
  if (valid.length === 0) return new Map()
  const rows = await activityQuery(db).where('a.id', 'in', valid).execute()
  return new Map(rows.map((row) => [row.id, toRecord(row)]))
}

export async function activityIdByReference(db: Db, reference: string): Promise<string | undefined> {
  const row = await db.selectFrom('activities').select('id').where('reference', '=', reference).executeTakeFirst()
  return row?.id
}

/** What the repository can filter on; the service turns a region into its LA codes. */
export interface ActivityQuery {
  readonly laCodes?: readonly string[]
  readonly teamUserId?: string
  readonly statuses?: readonly ActivityStatus[]
  readonly from?: string
  readonly to?: string
  readonly type?: ActivityType
}

/** Activities matching the query, by first day on site. */
export async function listActivities(db: Db, filter: ActivityQuery = {}): Promise<ActivityRecord[]> {
  let query = activityQuery(db)
  if (filter.laCodes) {
    if (filter.laCodes.length === 0) return []
    query = query.where('a.la_code', 'in', [...filter.laCodes])
  }
  const teamUserId = filter.teamUserId
  if (teamUserId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_team as t')
          .select('t.user_id')
          .whereRef('t.activity_id', '=', 'a.id')
          .where('t.user_id', '=', teamUserId),
      ),
    )
  if (filter.statuses) query = query.where('a.status', 'in', [...filter.statuses])
  if (filter.from) query = query.where('a.onsite_start', '>=', filter.from)
  if (filter.to) query = query.where('a.onsite_start', '<=', filter.to)
  if (filter.type) query = query.where('a.type', '=', filter.type)
  const rows = await query.orderBy('a.onsite_start').orderBy('a.reference').execute()
  return rows.map(toRecord)
}

export async function insertActivity(
  trx: Db,
  values: {
    reference: string
    laCode: string
    type: ActivityType
    variant: 'wed-thu' | null
    onsiteStart: string
    topics: readonly string[]
    monitoring?: MonitoringFacts | null
    createdBy: string | null
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('activities')
    .values({
      reference: values.reference,
      la_code: values.laCode,
      type: values.type,
      variant: values.variant,
      onsite_start: values.onsiteStart,
      topics: JSON.stringify(values.topics),
      created_by: values.createdBy,
      ...(values.monitoring
        ? {
            monitoring_handbook: values.monitoring.handbook,
            monitoring_visit_number: values.monitoring.visitNumber,
            monitoring_second_set: values.monitoring.secondSet,
            focus: values.monitoring.focus,
          }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Lock the activity row and return the version the change is made against (optimistic
 * concurrency): a double submit or a colleague's change in between is refused, not overwritten.
 */
export async function lockActivity(
  trx: Transaction<Database>,
  id: string,
): Promise<{ version: number; status: string } | undefined> {
  return trx.selectFrom('activities').select(['version', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Change the activity and bump its version. */
export async function bumpActivity(
  trx: Db,
  id: string,
  changes: { status?: ActivityStatus; status_reason?: string | null; onsite_start?: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('activities')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}
