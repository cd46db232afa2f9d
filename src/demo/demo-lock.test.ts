import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../clock.js'
import { createTestDatabase, testDatabaseKinds } from '../test-support/test-db.js'
import { prepareDatabase } from '../startup.js'
import { withDemoLoadLock } from './demo-lock.js'
import { DEMO_EMAIL_DOMAIN } from './load-demo-data.js'

const clock = fixedClock('2026-11-23T10:00:00Z')

describe.each(testDatabaseKinds())('the demo load’s advisory lock (issue 10), on %s', (kind) => {
  it('lets two starts at once on an empty database load the demo once, without a duplicate account', async () => {
    const database = await createTestDatabase(kind)
    try {
      const results = await Promise.all([
        prepareDatabase(database.db, { demoData: true, clock, databaseKind: database.kind }),
        prepareDatabase(database.db, { demoData: true, clock, databaseKind: database.kind }),
      ])
      expect(results.map((result) => result.demoLoaded).sort()).toEqual([false, true])
      const accounts = await database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
        .executeTakeFirstOrThrow()
      expect(Number(accounts.n)).toBeGreaterThan(10)
      const loads = await database.db.selectFrom('data_loads').select('name').execute()
      expect(loads.filter((load) => load.name === 'demo-data-v1')).toHaveLength(1)
    } finally {
      await database.close()
    }
  }, 120_000)

  it('holds a PostgreSQL advisory lock while loading, and releases it after, even when the load fails', async () => {
    const database = await createTestDatabase(kind)
    const advisoryLocks = async () =>
      Number(
        // The demo load's lock only: other test files hold advisory locks of their own (test-db.ts's
        // schema drops, the change triggers). A one-number key is held with its low half as objid.
        (
          await sql<{ n: string }>`select count(*) as n from pg_locks where locktype = 'advisory' and granted
            and objsubid = 1 and objid = (hashtext('ilacs:demo-load')::bigint & 4294967295)::oid`.execute(database.db)
        ).rows[0]!.n,
      )
    try {
      expect(await advisoryLocks()).toBe(0)
      expect(await withDemoLoadLock(database.db, database.kind, advisoryLocks)).toBe(1)
      expect(await advisoryLocks()).toBe(0)
      await expect(
        withDemoLoadLock(database.db, database.kind, () => Promise.reject(new Error('disk full'))),
      ).rejects.toThrow('disk full')
      expect(await advisoryLocks()).toBe(0)
      // A failed load does not stop the next start from loading.
      expect(await withDemoLoadLock(database.db, database.kind, async () => 'loaded')).toBe('loaded')
    } finally {
      await database.close()
    }
  })
})
