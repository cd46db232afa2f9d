import { type Kysely, sql } from 'kysely'

/**
 * Shared state for several instances on one PostgreSQL (issue 16). Files in the database (issue 16: several instances on one PostgreSQL, which is the only shared
 * state; ADR 0020). A file is stored in chunks of at most 1 MiB so it is streamed in and out and
 * never held whole in memory. Chunks are written under a temporary key while the upload arrives
 * (`tmp-…`) and moved to the file's SHA-256 with its `file_blobs` row in one transaction once
 * complete, so a file is there whole or not at all; `written_at` lets housekeeping clear what
 * an interrupted upload left. `job_leases`: one row per periodic job (reminders, upload housekeeping),
 * claimed under FOR UPDATE SKIP LOCKED and renewed while the job runs, so one instance runs each
 * job at a time and a killed one's lease simply ends.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('file_blobs')
    .addColumn('hash', 'text', (c) => c.primaryKey().check(sql`hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('file_blob_chunks')
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('written_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('file_blob_chunks_pk', ['blob_key', 'seq'])
    .execute()
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('held_until', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_leases').execute()
  await db.schema.dropTable('file_blob_chunks').execute()
  await db.schema.dropTable('file_blobs').execute()
}
