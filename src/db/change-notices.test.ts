import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, defaultTestDatabaseKind, testDatabaseKinds } from '../test-support/test-db.js'
import { ensureChangeTriggers } from './change-notices.js'
import { dataVersion } from './data-version.js'
import type { DatabaseHandle } from './database.js'

/**
 * Other instances' writes heard through PostgreSQL's notices (ADR 0031): every table but the
 * session and audit tables has the trigger, and a write made outside this process (another
 * instance, psql) moves this process's data version on, so no page it kept is served after it.
 */
async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.each(testDatabaseKinds())('the change triggers on %s', (kind) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(async () => database.close())

  it('are on every table whose changes a page can show', async () => {
    const { rows } = await sql<{ name: string; triggered: boolean }>`
      select c.relname as name,
        exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'ilacs_data_changed') as triggered
      from pg_class c
      where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind in ('r', 'p')
      order by c.relname`.execute(database.db)
    expect(rows.length).toBeGreaterThan(40)
    expect(rows.filter((row) => !row.triggered).map((row) => row.name)).toEqual([
      'audit_events',
      'kysely_migration',
      'kysely_migration_lock',
      'sessions',
    ])
  })

  it('are made once when two instances start together, and neither fails', async () => {
    await sql`drop trigger ilacs_data_changed on local_authorities`.execute(database.db)
    await Promise.all([ensureChangeTriggers(database.db), ensureChangeTriggers(database.db)])
    const { rows } = await sql<{ count: number }>`
      select count(*)::int as count from pg_trigger
      where tgname = 'ilacs_data_changed' and tgrelid = 'local_authorities'::regclass`.execute(database.db)
    expect(rows[0]!.count).toBe(1)
  })
})

describe.skipIf(defaultTestDatabaseKind() !== 'postgres')('other instances’ writes, heard', () => {
  let database: DatabaseHandle
  let schema: string
  const outside = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })

  beforeAll(async () => {
    database = await createTestDatabase('postgres')
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)
    schema = rows[0]!.schema
    await until(() => database.changes?.listening() === true)
  })
  afterAll(async () => database.close())

  it('moves the data version on when a connection outside this process writes and commits', async () => {
    const client = outside()
    await client.connect()
    try {
      await client.query('begin')
      await client.query(`update ${schema}.local_authorities set name = name where la_code = '886'`)
      const before = dataVersion()
      // Nothing is told before the commit: until then no other connection can see the change.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(dataVersion()).toBe(before)
      await client.query('commit')
      await until(() => dataVersion() > before)
    } finally {
      await client.end()
    }
  })

  it('counts a write of its own once, when it makes it, and not again when its notice arrives', async () => {
    await until(() => database.changes?.listening() === true)
    const before = dataVersion()
    await database.db
      .updateTable('local_authorities')
      .set({ name: sql`name` })
      .where('la_code', '=', '886')
      .execute()
    expect(dataVersion()).toBe(before + 1)
    // An outside write committed after it: its notice comes after this process's own, so once it
    // is heard, the own one has been too.
    const client = outside()
    await client.connect()
    try {
      await client.query(`update ${schema}.local_authorities set name = name where la_code = '886'`)
    } finally {
      await client.end()
    }
    await until(() => dataVersion() > before + 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(dataVersion()).toBe(before + 2)
  })

  it('stops trusting what it kept while its connection is down, and listens again', async () => {
    const client = outside()
    await client.connect()
    try {
      const before = dataVersion()
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [
        `ilacs-changes ${schema}`,
      ])
      await until(() => database.changes?.listening() === false)
      expect(dataVersion()).toBeGreaterThan(before)
      await until(() => database.changes?.listening() === true)
    } finally {
      await client.end()
    }
  })
})
