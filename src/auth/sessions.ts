import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/tables.js'
import type { Principal } from './policy.js'
import { principalFor } from './users.js'

/**
 * Sessions live in the database (issue 3): the cookie holds a random token, the table holds
 * only its SHA-256, so neither a stolen table nor a log line can be replayed as a session.
 * A session ends after `idleMinutes` without a request, and at most 12 hours after sign-in.
 */
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000
/** Write last_seen_at at most once a minute, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function createSession(db: Kysely<Database>, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS) })
    .execute()
  return token
}

/** The principal behind a session token, or undefined when it is unknown, idle or expired. */
export async function resumeSession(db: Kysely<Database>, token: string, now: Date, idleMinutes: number): Promise<Principal | undefined> {
  const tokenHash = hashToken(token)
  const session = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
  if (!session) return undefined
  const idleLimit = new Date(session.last_seen_at).getTime() + idleMinutes * 60 * 1000
  if (now.getTime() > idleLimit || now.getTime() > new Date(session.expires_at).getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    return undefined
  }
  const principal = await principalFor(db, session.user_id)
  if (!principal) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    return undefined
  }
  if (now.getTime() - new Date(session.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
  }
  return principal
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** End every session of a user (disabled account, password reset). */
export async function endSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}
