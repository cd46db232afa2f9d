import { type Kysely, sql } from 'kysely'

/**
 * Wrong passwords are counted per email address typed, whether an account has it or not, so the
 * answer never tells which accounts exist, and counted in one statement, so concurrent guesses
 * each count (issue 10). The count slows further attempts down instead of locking the account:
 * the per-account lock columns go. The key is a SHA-256 of the address, so the table holds no
 * list of the addresses people mistyped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('email_key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().check(sql`failures >= 0`))
    .addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sign_in_throttles_last_failure_idx')
    .on('sign_in_throttles')
    .column('last_failure_at')
    .execute()
  await db.schema.alterTable('users').dropColumn('failed_sign_ins').execute()
  await db.schema.alterTable('users').dropColumn('locked_until').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('users').addColumn('locked_until', 'timestamptz').execute()
  await db.schema.dropTable('sign_in_throttles').execute()
}
