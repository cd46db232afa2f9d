import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { ActivityType, Flag, Milestone } from '../../rules/types.js'
import type { NoticeRole } from './activity-types.js'
import type { ActivityStatus } from './lifecycle.js'
import type { MonitoringFacts, NoticeRecord, StoredMilestone } from './types.js'
import { isRecordId } from '../../db/record-id.js'

/**
 * Every query of the activities area (ADR 0007): the activities and their timelines, teams,
 * notices and histories (the team and contacts are in team.repository.ts). Rows come back as records keyed by ids; the service adds
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

/** Replace the stored milestones and flags with a freshly computed timeline. */
export async function replaceTimeline(
  trx: Db,
  activityId: string,
  milestones: readonly Milestone[],
  flags: readonly Flag[],
): Promise<void> {
  await trx.deleteFrom('activity_milestones').where('activity_id', '=', activityId).execute()
  await trx.deleteFrom('activity_flags').where('activity_id', '=', activityId).execute()
  if (milestones.length > 0) {
    await trx
      .insertInto('activity_milestones')
      .values(
        milestones.map((m, position) => ({
          activity_id: activityId,
          position,
          key: m.key,
          label: m.label,
          date: m.date,
          until: m.until ?? null,
          time: m.time ?? null,
          rule: m.rule,
          citation: m.citation,
        })),
      )
      .execute()
  }
  if (flags.length > 0) {
    await trx
      .insertInto('activity_flags')
      .values(
        flags.map((f, position) => ({
          activity_id: activityId,
          position,
          rule: f.rule,
          citation: f.citation,
          message: f.message,
        })),
      )
      .execute()
  }
}

export async function milestonesOf(db: Db, activityIds: readonly string[]): Promise<StoredMilestone[]> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_milestones')
    .selectAll()
    .where('activity_id', 'in', [...activityIds])
    .orderBy('activity_id')
    .orderBy('position')
    .execute()
  return rows.map((row) => ({
    activityId: row.activity_id,
    key: row.key,
    label: row.label,
    date: row.date,
    until: row.until,
    time: row.time,
    rule: row.rule,
    citation: row.citation,
  }))
}

export async function flagsOf(db: Db, activityId: string): Promise<Flag[]> {
  const rows = await db
    .selectFrom('activity_flags')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('position')
    .execute()
  return rows.map((row) => ({ rule: row.rule as Flag['rule'], citation: row.citation, message: row.message }))
}

export async function noticesOf(db: Db, activityId: string): Promise<NoticeRecord[]> {
  const rows = await db
    .selectFrom('activity_notices')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('called_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    calledAt: new Date(row.called_at),
    spokeToRole: row.spoke_to_role,
    spokeToName: row.spoke_to_name,
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
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

/** The first day on site as it was and became, by account id. */
export async function dateChangesOf(db: Db, activityId: string) {
  const rows = await db
    .selectFrom('activity_date_changes')
    .select(['from_date', 'to_date', 'reason', 'changed_at', 'changed_by'])
    .where('activity_id', '=', activityId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    changedAt: new Date(row.changed_at),
    changedById: row.changed_by,
  }))
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

/** The lifecycle steps taken, by account id. */
export async function statusChangesOf(db: Db, activityId: string) {
  const rows = await db
    .selectFrom('activity_status_changes')
    .select(['from_status', 'to_status', 'note', 'changed_at', 'changed_by'])
    .where('activity_id', '=', activityId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    changedAt: new Date(row.changed_at),
    changedById: row.changed_by,
  }))
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
