import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testDatabaseKinds } from '../test-support/test-db.js'
import { openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'
import type { Database } from './tables.js'

/**
 * Kysely finds its migration tables by name in any schema unless told which: on a server where
 * another schema already has them (another service, or a parallel test file in CI) it skipped
 * creating ours and then failed with "relation kysely_migration_lock does not exist".
 */
describe.each(testDatabaseKinds())('migrateToLatest next to another schema’s migrations (%s)', (kind) => {
  async function migrateAndCount(db: Kysely<Database>): Promise<{ applied: number; recorded: number }> {
    const applied = await migrateToLatest(db)
    const { rows } = await sql<{ count: string }>`select count(*) as count from kysely_migration`.execute(db)
    return { applied: applied.length, recorded: Number(rows[0]?.count) }
  }

  it('migrates a second schema when the first already has the migration tables', async () => {
    const first = `migrate_a_${randomBytes(4).toString('hex')}`
    const second = `migrate_b_${randomBytes(4).toString('hex')}`
    if (kind === 'pglite') {
      // One embedded connection: switch its search path from one schema to the other.
      const handle = await openDatabase({})
      try {
        for (const schema of [first, second]) {
          await sql`create schema ${sql.id(schema)}`.execute(handle.db)
          await sql`set search_path to ${sql.id(schema)}`.execute(handle.db)
          const counts = await migrateAndCount(handle.db)
          expect(counts.applied).toBeGreaterThan(0)
          expect(counts.recorded).toBe(counts.applied)
        }
      } finally {
        await handle.close()
      }
      return
    }
    const url = process.env.TEST_DATABASE_URL!
    const admin = await openDatabase({ url, maxConnections: 1 })
    try {
      for (const schema of [first, second]) {
        await sql`create schema ${sql.id(schema)}`.execute(admin.db)
        const handle = await openDatabase({ url, schema, maxConnections: 2 })
        try {
          const counts = await migrateAndCount(handle.db)
          expect(counts.applied).toBeGreaterThan(0)
          expect(counts.recorded).toBe(counts.applied)
        } finally {
          await handle.close()
        }
      }
    } finally {
      for (const schema of [first, second]) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    }
  })
})
