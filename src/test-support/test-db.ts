import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { inject } from 'vitest'
import { fixedClock } from '../clock.js'
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../db/database.js'
import { prepareDatabase } from '../startup.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a PGlite data-directory dump with the schema migrated and reference data loaded. */
    pgliteTemplate: string
  }
}

/**
 * A fresh database for one test file (STYLE.md §4: real databases, no mocks). On PGlite it is
 * loaded from a migrated template made once per run (test/global-setup.ts); with
 * TEST_DATABASE_URL set it is a new schema on that PostgreSQL server, migrated, and dropped
 * on close.
 */
export async function createTestDatabase(
  kind: DatabaseKind = defaultTestDatabaseKind(),
  options: { connections?: number } = {},
): Promise<DatabaseHandle> {
  if (kind === 'postgres') return createPostgresSchema(options.connections ?? 4)
  const template = await readFile(inject('pgliteTemplate'))
  return openDatabase({ pgliteDump: new Blob([template]) })
}

/** PostgreSQL when TEST_DATABASE_URL is set (CI runs the suite both ways), else PGlite. */
export function defaultTestDatabaseKind(): DatabaseKind {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'
}

/** The kinds a repository test should run on: PGlite always, PostgreSQL too when configured. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

async function createPostgresSchema(connections: number): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  const schema = `test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  const handle = await openDatabase({ url, schema, maxConnections: connections, listenForChanges: true })
  try {
    await admin.query('select pg_advisory_lock_shared($1)', [SCHEMA_DROPS])
    await prepareDatabase(handle.db, { demoData: false, clock: fixedClock('2026-01-01T12:00:00Z') })
  } finally {
    await admin.end()
  }
  return {
    db: handle.db,
    kind: 'postgres',
    ...(handle.changes ? { changes: handle.changes } : {}),
    close: async () => {
      await handle.close()
      await dropTestSchema(url, schema)
    },
  }
}

/**
 * Test files on one PostgreSQL make and drop schemas side by side. Kysely's migrator looks for its
 * tables in every schema, asking `has_schema_privilege` of each, and a schema dropped at that
 * moment fails the migration with `schema "test_…" does not exist` (CI, stop 21: another file's
 * schema). A new schema is migrated holding this advisory lock shared; a drop takes it alone.
 */
const SCHEMA_DROPS = 7_316_021

/** Drop a test's schema once no schema is being migrated. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  const cleanup = new pg.Client({ connectionString: url })
  await cleanup.connect()
  try {
    await cleanup.query('select pg_advisory_lock($1)', [SCHEMA_DROPS])
    await cleanup.query(`drop schema if exists "${schema}" cascade`)
  } finally {
    await cleanup.end()
  }
}
