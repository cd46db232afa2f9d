import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { Flag, Milestone } from '../../rules/types.js'
import type { StoredMilestone } from './types.js'

/** The queries of an activity's timeline: its milestones and the flags of the rules (ADR 0007). */
type Db = Kysely<Database> | Transaction<Database>

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

/** The rules' flags on these activities' timelines, each as `[activityId, flag]`, in order. */
export async function flagsOf(db: Db, activityIds: readonly string[]): Promise<Array<[string, Flag]>> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_flags')
    .selectAll()
    .where('activity_id', 'in', [...activityIds])
    .orderBy('position')
    .execute()
  return rows.map((row) => [
    row.activity_id,
    { rule: row.rule as Flag['rule'], citation: row.citation, message: row.message },
  ])
}
