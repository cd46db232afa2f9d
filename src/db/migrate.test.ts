import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { describe, expect, it, vi } from 'vitest'
import { addToMigrateSource, migrationName } from '../../scripts/new-migration.js'
import { dropTestSchema, testDatabaseKinds } from '../test-support/test-db.js'
import { type DatabaseKind, openDatabase } from './database.js'
import { currentSchema, LEGACY_NAMES, migrateToLatest, migrations } from './migrate.js'
import type { Database } from './tables.js'

// Each test migrates whole databases, once or twice (41 migrations and growing): room on a loaded
// machine. A safety limit, not a speed target (speed lives in bench/).
vi.setConfig({ testTimeout: 120_000 })

const here = dirname(fileURLToPath(import.meta.url))

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
      await admin.close()
      for (const schema of [first, second]) await dropTestSchema(url, schema)
    }
  }, 120_000) // two full migrations of a new database: room on a loaded machine, not a speed target
})

/** An empty database of `kind` (a new schema on PostgreSQL), dropped afterwards. */
async function withEmptyDatabase(kind: DatabaseKind, run: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  if (kind === 'pglite') {
    const handle = await openDatabase({})
    try {
      await run(handle.db)
    } finally {
      await handle.close()
    }
    return
  }
  const url = process.env.TEST_DATABASE_URL!
  const schema = `migrate_${randomBytes(4).toString('hex')}`
  const admin = await openDatabase({ url, maxConnections: 1 })
  await sql`create schema ${sql.id(schema)}`.execute(admin.db)
  const handle = await openDatabase({ url, schema, maxConnections: 2 })
  try {
    await run(handle.db)
  } finally {
    await handle.close()
    await admin.close()
    await dropTestSchema(url, schema)
  }
}

/** Migrate as a checkout from before ADR 0006 did: these migrations, under their names then. */
async function migrateUnderOldNames(db: Kysely<Database>, oldNames: readonly string[]): Promise<void> {
  const migrationTableSchema = await currentSchema(db)
  const old = new Migrator({
    db,
    provider: {
      getMigrations: async () => Object.fromEntries(oldNames.map((name) => [name, migrations[LEGACY_NAMES[name]!]!])),
    },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  })
  // Kysely's migrator looks at every schema's tables first; another file dropping its own test
  // schema meanwhile fails that look (3F000) before anything is migrated. Look again.
  for (let attempt = 1; ; attempt += 1) {
    const { error } = await old.migrateToLatest()
    if (!error) return
    if (attempt < 3 && (error as { code?: string }).code === '3F000') continue
    throw error
  }
}

async function recordedNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db)
  return rows.map((row) => row.name).sort()
}

/** The names main listed before ADR 0006, in their order then. */
const MAIN_BEFORE_ADR_0006 = [
  '2026_11_23_0001_foundation',
  '2026_11_23_0002_activities',
  '2026_11_24_0006_api_tokens',
  '2026_11_24_0007_annex_a_returns',
  '2026_11_24_0700_judgements',
  '2026_11_24_0900_programme',
  '2026_11_24_1000_evidence',
]
const NEW_SINCE_ADR_0006 = Object.keys(migrations).filter((name) => !Object.values(LEGACY_NAMES).includes(name))

describe.each(testDatabaseKinds())('databases migrated before ADR 0006 (%s)', (kind) => {
  it('carry on under the new names without running any migration again', async () => {
    await withEmptyDatabase(kind, async (db) => {
      await migrateUnderOldNames(db, MAIN_BEFORE_ADR_0006)
      // Running a migration again would fail (its tables exist); only the newer ones run.
      expect(await migrateToLatest(db)).toEqual(NEW_SINCE_ADR_0006)
      expect(await recordedNames(db)).toEqual(Object.keys(migrations).sort())
      expect(await migrateToLatest(db)).toEqual([])
    })
  })

  it('carry on from part of the list, running the rest', async () => {
    await withEmptyDatabase(kind, async (db) => {
      await migrateUnderOldNames(db, MAIN_BEFORE_ADR_0006.slice(0, 5))
      expect(await migrateToLatest(db)).toEqual([
        '20261123T202525Z_programme',
        '20261123T202837Z_evidence',
        ...NEW_SINCE_ADR_0006,
      ])
      expect(await recordedNames(db)).toEqual(Object.keys(migrations).sort())
    })
  })

  it('carry on from the evidence branch before the merge renumbered it, running programme late', async () => {
    await withEmptyDatabase(kind, async (db) => {
      // The evidence branch after merging main: its evidence migration was 0004 and ran before
      // programme existed there. allowUnorderedMigrations lets programme run after it.
      await migrateUnderOldNames(db, [
        '2026_11_23_0001_foundation',
        '2026_11_23_0002_activities',
        '2026_11_24_0004_evidence',
        '2026_11_24_0006_api_tokens',
        '2026_11_24_0007_annex_a_returns',
        '2026_11_24_0700_judgements',
      ])
      expect(await migrateToLatest(db)).toEqual(['20261123T202525Z_programme', ...NEW_SINCE_ADR_0006])
      expect(await recordedNames(db)).toEqual(Object.keys(migrations).sort())
    })
  })
})

describe('the list of migrations in migrate.ts', () => {
  const names = Object.keys(migrations)
  const source = readFileSync(join(here, 'migrate.ts'), 'utf8')

  it('is named by UTC timestamp, in strictly increasing order', () => {
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{6}Z_[a-z0-9]+(_[a-z0-9]+)*$/)
    for (let index = 1; index < names.length; index += 1)
      expect(names[index]! > names[index - 1]!, `${names[index]} after ${names[index - 1]}`).toBe(true)
  })

  it('lists every file in the migrations folder, each under its own name', () => {
    const files = readdirSync(join(here, 'migrations'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort()
    expect(names).toEqual(files)
    const importedFrom = new Map(
      [...source.matchAll(/^import \* as (\w+) from '\.\/migrations\/([^']+)\.js'$/gm)].map((m) => [m[1], m[2]]),
    )
    const entries = [...source.matchAll(/^ {2}'([^']+)': (\w+),$/gm)].map((m) => ({ name: m[1], identifier: m[2] }))
    expect(entries.map((entry) => entry.name)).toEqual(names)
    for (const entry of entries) expect(importedFrom.get(entry.identifier!), entry.name).toBe(entry.name)
  })

  it('has no migration left as the unwritten template', () => {
    for (const name of names)
      expect(readFileSync(join(here, 'migrations', `${name}.ts`), 'utf8'), name).not.toContain('sql`TODO`')
  })

  it('maps every old name to a listed migration', () => {
    for (const [from, to] of Object.entries(LEGACY_NAMES)) expect(names, from).toContain(to)
  })
})

describe('npm run migration:new', () => {
  it('names a migration by the UTC second it was made', () => {
    expect(migrationName(new Date('2026-12-02T08:05:44.123Z'), 'status_checks')).toBe('20261202T080544Z_status_checks')
    expect(() => migrationName(new Date(), 'Status checks')).toThrow(/lower case/)
  })

  it('adds the import and the entry in name order', () => {
    const source = [
      "import * as foundation from './migrations/20261123T182712Z_foundation.js'",
      "import * as later from './migrations/20261201T000000Z_later.js'",
      "import type { Database } from './tables.js'",
      'export const migrations = {',
      "  '20261123T182712Z_foundation': foundation,",
      "  '20261201T000000Z_later': later,",
      '}',
      '',
    ].join('\n')
    expect(addToMigrateSource(source, '20261125T120000Z_foundation')).toBe(
      [
        "import * as foundation from './migrations/20261123T182712Z_foundation.js'",
        "import * as foundation20261125T120000Z from './migrations/20261125T120000Z_foundation.js'",
        "import * as later from './migrations/20261201T000000Z_later.js'",
        "import type { Database } from './tables.js'",
        'export const migrations = {',
        "  '20261123T182712Z_foundation': foundation,",
        "  '20261125T120000Z_foundation': foundation20261125T120000Z,",
        "  '20261201T000000Z_later': later,",
        '}',
        '',
      ].join('\n'),
    )
  })

  it('keeps the real migrate.ts parseable', () => {
    const source = readFileSync(join(here, 'migrate.ts'), 'utf8')
    expect(addToMigrateSource(source, '29991231T235959Z_next')).toContain("  '29991231T235959Z_next': next,")
  })
})
