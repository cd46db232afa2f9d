import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/tables.js'

const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Personal calendar feeds: a calendar app cannot sign in, so the feed URL carries a secret
 * token. Only its hash is stored; making a new one stops the old URL working.
 */
export async function issueCalendarToken(db: Kysely<Database>, userId: string): Promise<string> {
  const token = randomBytes(24).toString('base64url')
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: hash(token) })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: hash(token), created_at: new Date() }))
    .execute()
  return token
}

/** The account a feed token belongs to; the caller checks the account is still active. */
export async function userForCalendarToken(db: Kysely<Database>, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('calendar_feeds')
    .select('user_id')
    .where('token_hash', '=', hash(token))
    .executeTakeFirst()
  return row?.user_id
}

export async function hasCalendarToken(db: Kysely<Database>, userId: string): Promise<boolean> {
  return Boolean(
    await db.selectFrom('calendar_feeds').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
  )
}
