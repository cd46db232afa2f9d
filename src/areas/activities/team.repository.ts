import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { TeamRole } from './activity-types.js'
import type { Contact } from './types.js'

/** The queries of an activity's people: its inspection team and the LA's contacts (ADR 0007). */
type Db = Kysely<Database> | Transaction<Database>

/** A place on a team, by account id. */
export interface TeamPlace {
  readonly activityId: string
  readonly userId: string
  readonly teamRole: TeamRole
  readonly days: readonly string[]
}

/** The teams of these activities, in the order people were added. */
export async function teamPlacesOf(db: Db, activityIds: readonly string[]): Promise<TeamPlace[]> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_team')
    .select(['activity_id', 'user_id', 'team_role', 'days'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('added_at')
    .execute()
  return rows.map((row) => ({
    activityId: row.activity_id,
    userId: row.user_id,
    teamRole: row.team_role,
    days: row.days ?? [],
  }))
}

export async function insertTeamPlace(trx: Db, place: TeamPlace): Promise<void> {
  await trx
    .insertInto('activity_team')
    .values({
      activity_id: place.activityId,
      user_id: place.userId,
      team_role: place.teamRole,
      days: JSON.stringify([...place.days].sort()),
    })
    .execute()
}

/** Take someone off the team; their team role, or undefined if they were not on it. */
export async function deleteTeamPlace(trx: Db, activityId: string, userId: string): Promise<string | undefined> {
  const removed = await trx
    .deleteFrom('activity_team')
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .returning(['team_role'])
    .executeTakeFirst()
  return removed?.team_role
}

/** The LA's contacts for these activities, each as `[activityId, contact]`. */
export async function contactsOf(db: Db, activityIds: readonly string[]): Promise<Array<[string, Contact]>> {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('activity_contacts')
    .selectAll()
    .where('activity_id', 'in', [...activityIds])
    .orderBy('contact_role')
    .execute()
  return rows.map((row) => [
    row.activity_id,
    { contactRole: row.contact_role, name: row.name, email: row.email, phone: row.phone },
  ])
}

export async function upsertContact(trx: Db, activityId: string, contact: Contact): Promise<void> {
  const values = { name: contact.name, email: contact.email, phone: contact.phone }
  await trx
    .insertInto('activity_contacts')
    .values({ activity_id: activityId, contact_role: contact.contactRole, ...values })
    .onConflict((oc) => oc.columns(['activity_id', 'contact_role']).doUpdateSet(values))
    .execute()
}
