import { createHash, randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { onDatabaseWrite } from '../db/request-scope.js'
import type { Database } from '../db/tables.js'
import type { Principal } from './policy.js'
import { isRole } from './roles.js'

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
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
    })
    .execute()
  return token
}

/**
 * Sessions recently read, so a signed-in page does not look its session up on every request
 * (issue 16: the lookup capped every page at a third of a static route). An entry is trusted for
 * at most CACHE_MS of real time, and every entry is forgotten at once when this process writes
 * to the accounts, their LA scopes, or deletes a session: sign-out, disabling an account,
 * changing a role or scope take effect on this instance with the next request. Another instance
 * on the same database sees such a change within CACHE_MS.
 */
const CACHE_MS = 5_000
const CACHE_LIMIT = 10_000
interface CachedSession {
  readonly principal: Principal
  readonly lastSeenAt: number
  readonly expiresAt: number
  readonly readAt: number
  readonly generation: number
}
const cached = new WeakMap<Kysely<Database>, Map<string, CachedSession>>()
let generation = 0
const ACCOUNT_CHANGE =
  /^\s*(update|delete\s+from|insert\s+into)\s+"?(users|user_la_scopes)\b|^\s*delete\s+from\s+"?sessions\b/i
onDatabaseWrite((statement) => {
  if (ACCOUNT_CHANGE.test(statement)) generation += 1
})

function cacheOf(db: Kysely<Database>): Map<string, CachedSession> {
  let sessions = cached.get(db)
  if (!sessions) cached.set(db, (sessions = new Map()))
  return sessions
}

/** The principal behind a session token, or undefined when it is unknown, idle or expired. */
export async function resumeSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<Principal | undefined> {
  const tokenHash = hashToken(token)
  const sessions = cacheOf(db)
  const known = sessions.get(tokenHash)
  const at = now.getTime()
  if (
    known &&
    known.generation === generation &&
    performance.now() - known.readAt < CACHE_MS &&
    at <= known.expiresAt &&
    at <= known.lastSeenAt + idleMinutes * 60 * 1000 &&
    at - known.lastSeenAt <= TOUCH_INTERVAL_MS
  )
    return known.principal
  const readAt = performance.now()
  const seenGeneration = generation
  const session = await readSession(db, tokenHash, now, idleMinutes)
  if (session && seenGeneration === generation) {
    if (sessions.size >= CACHE_LIMIT) sessions.clear()
    sessions.set(tokenHash, { ...session, readAt, generation })
  } else sessions.delete(tokenHash)
  return session?.principal
}

async function readSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
  idleMinutes: number,
): Promise<{ principal: Principal; lastSeenAt: number; expiresAt: number } | undefined> {
  // One query on every request: the session, its account and the account's LA scopes.
  const session = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.la_code',
      'u.disabled_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_la_scopes as scope')
        .select((inner) =>
          sql<string | null>`string_agg(${inner.ref('scope.la_code')}, ',' order by ${inner.ref('scope.la_code')})`.as(
            'codes',
          ),
        )
        .whereRef('scope.user_id', '=', 'u.id')
        .as('la_codes'),
    )
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!session) return undefined
  const idleLimit = new Date(session.last_seen_at).getTime() + idleMinutes * 60 * 1000
  const expired = now.getTime() > idleLimit || now.getTime() > new Date(session.expires_at).getTime()
  if (expired || session.disabled_at || !isRole(session.role)) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    return undefined
  }
  const principal: Principal = {
    id: session.id,
    email: session.email,
    displayName: session.display_name,
    role: session.role,
    regionCode: session.region_code,
    laCode: session.la_code,
    laCodes: session.la_codes ? session.la_codes.split(',') : [],
  }
  let lastSeenAt = new Date(session.last_seen_at).getTime()
  if (now.getTime() - lastSeenAt > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute()
    lastSeenAt = now.getTime()
  }
  return { principal, lastSeenAt, expiresAt: new Date(session.expires_at).getTime() }
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute()
}

/** End every session of a user (disabled account, password reset). */
export async function endSessionsOf(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}
