import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { buildApp } from '../app.js'
import { type Clock, fixedClock } from '../clock.js'
import { type Config, loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import type { Database } from '../db/tables.js'
import { createTestDatabase } from './test-db.js'

export interface TestApp {
  readonly app: FastifyInstance
  readonly db: Kysely<Database>
  readonly database: DatabaseHandle
  readonly clock: Clock
  readonly config: Config
  close(): Promise<void>
}

export const TEST_NOW = '2026-11-23T10:00:00Z'

/**
 * The real app on a fresh test database with a fixed clock (STYLE.md §4). Security stays on:
 * CSRF, secure cookies and rate limits are exercised, not switched off.
 */
export async function buildTestApp(
  options: {
    clock?: Clock
    env?: Record<string, string>
    /** PostgreSQL connections (PGlite has one): one makes the order of queries repeatable. */
    connections?: number
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(undefined, options)
  const clock = options.clock ?? fixedClock(TEST_NOW)
  // Uploaded files (on PGlite) and temporary files go to a folder of this test's own, removed on close.
  const dataDir = await mkdtemp(join(tmpdir(), 'ilacs-test-data-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // On PostgreSQL the files go where they would in production: into the database (ADR 0020).
    ...(database.kind === 'postgres' ? { FILE_STORE: 'database' } : {}),
    ...options.env,
  })
  const app = await buildApp({ config, db: database.db, databaseKind: database.kind, changes: database.changes, clock })
  await app.ready()
  return {
    app,
    db: database.db,
    database,
    clock,
    config,
    close: async () => {
      await app.close()
      await database.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
