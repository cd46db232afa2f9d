import { type Kysely, sql } from 'kysely'

/**
 * Annex A returns (issue 5, 6): every upload of the child-level lists kept as a version with its
 * validation result and profile; the per-child table (child-level data) is a file in the blob
 * store, read only through the service, which audits each read. Documents 1.01–3.11 (002#262)
 * and the case sample (002#150-153, #257-258).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('annex_a_returns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('processed_at', 'timestamptz')
    .addColumn('processing_ms', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('profile', 'jsonb')
    .addColumn('children_hash', 'text')
    .addColumn('report_hash', 'text')
    .addColumn('error_count', 'integer')
    .addColumn('warning_count', 'integer')
    .addColumn('rows', 'integer')
    .addUniqueConstraint('annex_a_returns_version_key', ['activity_id', 'version'])
    .execute()
  await db.schema
    .createIndex('annex_a_returns_activity_idx')
    .on('annex_a_returns')
    .columns(['activity_id', 'uploaded_at'])
    .execute()
  await sql`create index annex_a_returns_pending_idx on annex_a_returns (uploaded_at) where status = 'processing'`.execute(
    db,
  )

  await db.schema
    .createTable('annex_a_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('annex_a_documents_activity_idx')
    .on('annex_a_documents')
    .columns(['activity_id', 'item'])
    .execute()

  await db.schema
    .createTable('case_samples')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('audited_case_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('added_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_samples_pkey', ['activity_id', 'child_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['case_samples', 'annex_a_documents', 'annex_a_returns'])
    await db.schema.dropTable(table).execute()
}
