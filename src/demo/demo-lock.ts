import { type Kysely, sql } from 'kysely'
import type { DatabaseKind } from '../db/database.js'
import type { Database } from '../db/tables.js'

/** The advisory lock's name: the demo load takes it, and nothing else in the service does. */
const DEMO_LOCK = 'ilacs:demo-load'

const lock = sql`select pg_advisory_lock(hashtext(${DEMO_LOCK}))`
const unlock = sql`select pg_advisory_unlock(hashtext(${DEMO_LOCK}))`

/** Loads under way in this process, per database (PGlite: see below). */
const running = new WeakMap<object, Promise<unknown>>()

/**
 * Run the demo load holding a PostgreSQL advisory lock (issue 10: two instances started at once
 * on an empty database both loaded the demo and one failed on `users_email_key`). The second
 * instance waits for the first, then finds the demo loaded and loads nothing.
 *
 * On PostgreSQL the lock is a session lock, so it is taken and released on one connection kept
 * for the purpose while the load uses the pool's others. PGlite is one session in one process,
 * where an advisory lock is re-entrant: starts in the same process queue behind each other, and
 * the lock is still taken, so `pg_locks` shows a load under way on either database.
 */
export async function withDemoLoadLock<T>(
  db: Kysely<Database>,
  kind: DatabaseKind,
  load: () => Promise<T>,
): Promise<T> {
  if (kind === 'postgres')
    return db.connection().execute(async (connection) => {
      await lock.execute(connection)
      try {
        return await load()
      } finally {
        await unlock.execute(connection)
      }
    })
  const before = running.get(db) ?? Promise.resolve()
  const mine = before
    .catch(() => undefined)
    .then(async () => {
      await lock.execute(db)
      try {
        return await load()
      } finally {
        await unlock.execute(db)
      }
    })
  running.set(db, mine)
  return mine
}
