import { type Kysely, sql } from 'kysely'

/**
 * Every form carries a key made when the page was shown (issue 10: two identical concurrent
 * POSTs made two records). The first submission of a key claims it here; the same form sent
 * again with the same key and the same answers finds the claim and gets the first one's result
 * instead of doing the work twice. Unique in the database: the primary key. Claims are kept a
 * day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('form_submissions')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('form_submissions_pkey', ['user_id', 'form_key', 'path', 'body_hash'])
    .execute()
  await db.schema.createIndex('form_submissions_created_idx').on('form_submissions').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_submissions').execute()
}
