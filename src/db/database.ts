import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { type ChangeListener, listenForChanges } from './change-notices.js'
import { lockFolder } from './folder-lock.js'
import { recordQuery } from './request-scope.js'
import type { Database } from './tables.js'

/** PostgreSQL type oid of `date`: kept as the `YYYY-MM-DD` text the rules core works in. */
const DATE_OID = 1082

/**
 * PGlite's own start parameters (it needs all of them: given only extra `-c` settings, PostgreSQL
 * starts as a server and waits for connections that never come, which looks like a hang), with
 * `shared_buffers` at 16 MB instead of 128 MB. PGlite is one process's database on a local disk
 * (or in memory), so its buffer pool only duplicates pages the operating system already caches;
 * at 128 MB it grew the WebAssembly memory to 189 MB, at 16 MB it stays at the 128 MB PGlite
 * starts with (ADR 0026 has the measurements).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  readonly db: Kysely<Database>
  readonly kind: DatabaseKind
  /** The embedded database itself (PGlite only), e.g. to dump a test template. */
  readonly pglite?: PGlite
  /** PostgreSQL opened with `listenForChanges`: the connection that hears other instances' writes. */
  readonly changes?: ChangeListener
  /** Close the pool or the embedded database. */
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; absent means embedded PGlite. */
  readonly url?: string | undefined
  /** Folder for PGlite's files; absent means an in-memory database (tests). */
  readonly pgliteDir?: string | undefined
  /** A PGlite data-directory dump to start from (tests: a migrated template). */
  readonly pgliteDump?: Blob | undefined
  /** PostgreSQL only: put every unqualified table in this schema (one schema per test file). */
  readonly schema?: string | undefined
  readonly maxConnections?: number | undefined
  /** PostgreSQL only: hear other instances' writes (a server's pages are kept until one: ADR 0031). */
  readonly listenForChanges?: boolean | undefined
}

/**
 * Open the service's database: PostgreSQL through `pg` when a URL is given, otherwise the
 * embedded PGlite (PostgreSQL compiled to WebAssembly) kept in `pgliteDir`. Both run the same
 * SQL and the same migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format),
      },
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    // This pool's own server processes: their writes are counted here as they are made
    // (src/db/data-version.ts), so their notices, arriving a moment later, are not news. Counted
    // again, a notice landing while a page is drawn would throw that page away (ADR 0031).
    const ownBackends = new Set<number>()
    pool.on('connect', (client) => ownBackends.add(backendOf(client)))
    pool.on('remove', (client) => ownBackends.delete(backendOf(client)))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: recordQuery })
    const changes = options.listenForChanges
      ? listenForChanges(options.url, options.schema, (backend) => ownBackends.has(backend))
      : undefined
    return {
      db,
      kind: 'postgres',
      ...(changes ? { changes } : {}),
      close: async () => {
        await changes?.close()
        await db.destroy()
      },
    }
  }
  let release = () => {}
  if (options.pgliteDir) {
    mkdirSync(options.pgliteDir, { recursive: true })
    release = lockFolder(options.pgliteDir)
  }
  try {
    return await openPglite(options, release)
  } catch (error) {
    release()
    throw error
  }
}

async function openPglite(options: DatabaseOptions, release: () => void): Promise<DatabaseHandle> {
  if (options.pgliteDir) {
    // A new folder is made by a PGlite of its own, closed at once: the instance that runs initdb
    // keeps about 430 MB it never gives back (ADR 0026), and reopening costs under 2 s, once.
    if (!existsSync(join(options.pgliteDir, 'PG_VERSION'))) {
      const creating = new PGlite({ dataDir: options.pgliteDir, startParams: PGLITE_START_PARAMS })
      await creating.waitReady
      await creating.close()
    }
  }
  const pglite = new PGlite({
    ...(options.pgliteDir ? { dataDir: options.pgliteDir } : {}),
    ...(options.pgliteDump ? { loadDataDir: options.pgliteDump } : {}),
    startParams: PGLITE_START_PARAMS,
    parsers: { [DATE_OID]: (value: string) => value },
  })
  await pglite.waitReady
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: recordQuery })
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy()
      release()
    },
  }
}

/** The server process behind a `pg` connection (set from its BackendKeyData; not in @types/pg). */
function backendOf(client: pg.PoolClient): number {
  return (client as pg.PoolClient & { processID: number }).processID
}

/** Where `npm start` keeps the embedded database inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pglite')
}
