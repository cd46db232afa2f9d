import type { Kysely, Transaction, Updateable } from 'kysely'
import type { ActivitiesTable, Database } from '../../db/tables.js'
import type { Milestone, Flag, ActivityType } from '../../rules/types.js'
import type { ActivityStatus } from './lifecycle.js'
import type { TeamRole } from './activity-types.js'

type Db = Kysely<Database> | Transaction<Database>

export interface Activity {
  readonly id: string
  readonly reference: string
  readonly laCode: string
  readonly laName: string
  readonly regionCode: string
  readonly type: ActivityType
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: string
  readonly status: ActivityStatus
  readonly statusReason: string | null
  readonly topics: readonly string[]
  readonly version: number
  readonly createdAt: Date
}

export interface TeamMember {
  readonly userId: string
  readonly displayName: string
  readonly email: string
  readonly role: string
  readonly teamRole: TeamRole
  readonly days: readonly string[]
}

export interface Contact {
  readonly contactRole: 'dcs' | 'link-person'
  readonly name: string
  readonly email: string
  readonly phone: string | null
}

export interface NoticeRecord {
  readonly id: string
  readonly calledAt: Date
  readonly spokeToRole: string
  readonly spokeToName: string
  readonly notes: string | null
  readonly recordedBy: string | null
  readonly recordedAt: Date
}

function activityQuery(db: Db) {
  return db
    .selectFrom('activities as a')
    .innerJoin('local_authorities as la', 'la.la_code', 'a.la_code')
    .selectAll('a')
    .select(['la.name as la_name', 'la.region_code'])
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>>

function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    reference: row.reference,
    laCode: row.la_code,
    laName: row.la_name,
    regionCode: row.region_code,
    type: row.type,
    variant: row.variant === 'wed-thu' ? 'wed-thu' : null,
    onsiteStart: row.onsite_start,
    status: row.status,
    statusReason: row.status_reason,
    topics: row.topics ?? [],
    version: row.version,
    createdAt: new Date(row.created_at),
  }
}

export async function findActivity(db: Db, id: string): Promise<Activity | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const row = await activityQuery(db).where('a.id', '=', id).executeTakeFirst()
  return row ? toActivity(row) : undefined
}

export interface ActivityFilter {
  readonly laCodes?: readonly string[]
  readonly regionCode?: string
  readonly teamUserId?: string
  readonly statuses?: readonly ActivityStatus[]
  readonly from?: string
  readonly to?: string
  readonly type?: ActivityType
}

export async function listActivities(db: Db, filter: ActivityFilter = {}): Promise<Activity[]> {
  let query = activityQuery(db)
  if (filter.laCodes) {
    if (filter.laCodes.length === 0) return []
    query = query.where('a.la_code', 'in', [...filter.laCodes])
  }
  if (filter.regionCode) query = query.where('la.region_code', '=', filter.regionCode)
  if (filter.teamUserId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('activity_team as t')
          .select('t.user_id')
          .whereRef('t.activity_id', '=', 'a.id')
          .where('t.user_id', '=', filter.teamUserId!),
      ),
    )
  if (filter.statuses) query = query.where('a.status', 'in', [...filter.statuses])
  if (filter.from) query = query.where('a.onsite_start', '>=', filter.from)
  if (filter.to) query = query.where('a.onsite_start', '<=', filter.to)
  if (filter.type) query = query.where('a.type', '=', filter.type)
  const rows = await query.orderBy('a.onsite_start').orderBy('la.name').execute()
  return rows.map(toActivity)
}

export async function insertActivity(
  trx: Db,
  values: {
    reference: string
    laCode: string
    type: ActivityType
    variant: Activity['variant']
    onsiteStart: string
    topics: readonly string[]
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
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
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

export interface StoredMilestone {
  readonly activityId: string
  readonly key: string
  readonly label: string
  readonly date: string
  readonly until: string | null
  readonly time: string | null
  readonly rule: string
  readonly citation: string
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

export async function teamOf(db: Db, activityIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
  const map = new Map<string, TeamMember[]>()
  if (activityIds.length === 0) return map
  const rows = await db
    .selectFrom('activity_team as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.activity_id', 't.user_id', 't.team_role', 't.days', 'u.display_name', 'u.email', 'u.role'])
    .where('t.activity_id', 'in', [...activityIds])
    .orderBy('t.added_at')
    .execute()
  for (const row of rows) {
    const member: TeamMember = {
      userId: row.user_id,
      displayName: row.display_name,
      email: row.email,
      role: row.role,
      teamRole: row.team_role,
      days: row.days ?? [],
    }
    map.set(row.activity_id, [...(map.get(row.activity_id) ?? []), member])
  }
  return map
}

export async function contactsOf(db: Db, activityId: string): Promise<Contact[]> {
  const rows = await db
    .selectFrom('activity_contacts')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('contact_role')
    .execute()
  return rows.map((row) => ({
    contactRole: row.contact_role,
    name: row.name,
    email: row.email,
    phone: row.phone,
  }))
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

export async function dateChangesOf(db: Db, activityId: string) {
  return db
    .selectFrom('activity_date_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.from_date', 'c.to_date', 'c.reason', 'c.changed_at', 'u.display_name'])
    .where('c.activity_id', '=', activityId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute()
}

export async function statusChangesOf(db: Db, activityId: string) {
  return db
    .selectFrom('activity_status_changes as c')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.from_status', 'c.to_status', 'c.note', 'c.changed_at', 'u.display_name'])
    .where('c.activity_id', '=', activityId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute()
}

/**
 * Lock the activity row and check the version the user saw (optimistic concurrency): a double
 * submit or a colleague's change in between is refused rather than silently overwritten.
 */
export async function lockActivity(
  trx: Transaction<Database>,
  id: string,
): Promise<{ version: number; status: ActivityStatus } | undefined> {
  return trx.selectFrom('activities').select(['version', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function bumpActivity(
  trx: Db,
  id: string,
  changes: Pick<Updateable<ActivitiesTable>, 'status' | 'status_reason' | 'onsite_start' | 'topics' | 'variant'>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('activities')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}
