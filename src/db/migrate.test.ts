import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './database.js'
import { migrateToLatest } from './migrate.js'

const url = process.env.TEST_DATABASE_URL

// Only meaningful on a real server with several schemas; PGlite has the one.
describe.runIf(url)('migrateToLatest on a PostgreSQL server shared with other schemas', () => {
  it('migrates a second schema when another schema already has the migration tables', async () => {
    const schemas = [`migrate_a_${randomBytes(4).toString('hex')}`, `migrate_b_${randomBytes(4).toString('hex')}`]
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    try {
      for (const schema of schemas) await admin.query(`create schema ${schema}`)
      for (const schema of schemas) {
        const handle = await openDatabase({ url, schema, maxConnections: 2 })
        try {
          const applied = await migrateToLatest(handle.db)
          expect(applied.length).toBeGreaterThan(0)
          const { rows } = await sql<{ count: string }>`select count(*) as count from kysely_migration`.execute(handle.db)
          expect(Number(rows[0]?.count)).toBe(applied.length)
        } finally {
          await handle.close()
        }
      }
      const { rows } = await admin.query(`select table_schema from information_schema.tables where table_name = 'kysely_migration_lock' and table_schema = any($1) order by 1`, [schemas])
      expect(rows.map((row: { table_schema: string }) => row.table_schema)).toEqual([...schemas].sort())
    } finally {
      for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`)
      await admin.end()
    }
  })
})
