import { type Kysely, sql } from 'kysely'
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'
import * as foundation from './migrations/2026_11_23_0001_foundation.js'
import * as activities from './migrations/2026_11_23_0002_activities.js'
import * as apiTokens from './migrations/2026_11_24_0006_api_tokens.js'
import * as annexAReturns from './migrations/2026_11_24_0007_annex_a_returns.js'
import * as judgements from './migrations/2026_11_24_0700_judgements.js'
import * as programme from './migrations/2026_11_24_0900_programme.js'
import * as evidence from './migrations/2026_11_24_1000_evidence.js'
import type { Database } from './tables.js'

/**
 * Every migration, in order. Listed here rather than read from the folder so the same list
 * runs under tsx, in tests and in a bundle (STYLE.md: order is greppable, nothing auto-loaded).
 */
const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': foundation,
  '2026_11_23_0002_activities': activities,
  '2026_11_24_0006_api_tokens': apiTokens,
  '2026_11_24_0007_annex_a_returns': annexAReturns,
  '2026_11_24_0700_judgements': judgements,
  '2026_11_24_0900_programme': programme,
  '2026_11_24_1000_evidence': evidence,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Bring the schema up to date. Throws with the failing migration's name and error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one; on a server where
  // another schema (another service, or a parallel test file) already has them, it would skip
  // creating ours and then fail to find them. Pin them to the schema this connection uses.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const migrationTableSchema = rows[0]?.schema
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? 'unknown error')
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error })
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}
