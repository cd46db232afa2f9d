import type { Kysely, Transaction } from 'kysely'
import type { Database, UserRow } from '../db/tables.js'
import type { Principal } from './policy.js'
import { isRole } from './roles.js'

type Db = Kysely<Database> | Transaction<Database>

/** The account's principal (who they are and what they are scoped to), or undefined if disabled. */
export async function principalFor(db: Db, userId: string): Promise<Principal | undefined> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst()
  if (!user || user.disabled_at) return undefined
  return toPrincipal(db, user)
}

export async function toPrincipal(db: Db, user: UserRow): Promise<Principal> {
  if (!isRole(user.role)) throw new Error(`User ${user.id} has an unknown role ${user.role}`)
  const scopes = await db
    .selectFrom('user_la_scopes')
    .select('la_code')
    .where('user_id', '=', user.id)
    .orderBy('la_code')
    .execute()
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    laCode: user.la_code,
    laCodes: scopes.map((scope) => scope.la_code),
  }
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
    .executeTakeFirst()
}

export async function findUserByOidcSubject(db: Db, subject: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst()
}
