import { type Kysely, sql } from 'kysely'

/**
 * API tokens expire (issue 10; ADR "API tokens expire"). Tokens made before this change expire
 * 90 days after they were made, or 30 days from now if that is later, so the systems using them
 * have time to get a new one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'timestamptz').execute()
  await sql`update api_tokens set expires_at = greatest(created_at + interval '90 days', now() + interval '30 days')`.execute(
    db,
  )
  await sql`alter table api_tokens alter column expires_at set not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute()
}
