import { type Kysely, sql } from 'kysely'

/**
 * The foundation: reference data (regions, LAs), accounts, sessions, the audit log and the
 * register's judgement history. Judgement history and the audit log are append-only: triggers
 * refuse UPDATE and DELETE, so a correction is a new row that names the row it corrects.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('local_authorities')
    .addColumn('la_code', 'text', (c) => c.primaryKey().check(sql`la_code ~ '^[0-9]{3}$'`))
    .addColumn('gss_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('la_type', 'text', (c) => c.notNull())
    .addColumn('london_subregion', 'text')
    .addColumn('gss_code_valid_from', 'date')
    .addColumn('previous_gss_codes', 'text')
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('la_code', 'text', (c) => c.references('local_authorities.la_code'))
    .addColumn('password_hash', 'text')
    .addColumn('oidc_subject', 'text', (c) => c.unique())
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index users_email_key on users (lower(email))`.execute(db)

  await db.schema
    .createTable('user_la_scopes')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addPrimaryKeyConstraint('user_la_scopes_pkey', ['user_id', 'la_code'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('la_code', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('changes', 'jsonb')
    .addColumn('request_id', 'text')
    .execute()
  await db.schema.createIndex('audit_events_occurred_idx').on('audit_events').column('occurred_at').execute()
  await db.schema
    .createIndex('audit_events_record_idx')
    .on('audit_events')
    .columns(['record_type', 'record_id'])
    .execute()
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_id').execute()

  await db.schema
    .createTable('judgement_records')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('activity_type', 'text', (c) => c.notNull())
    .addColumn('inspection_start', 'date', (c) => c.notNull())
    .addColumn('inspection_end', 'date', (c) => c.notNull())
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('corrects_id', 'uuid', (c) => c.references('judgement_records.id').unique())
    .addColumn('correction_reason', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'judgement_dates_in_order',
      sql`inspection_start <= inspection_end and inspection_end <= published_on`,
    )
    .addCheckConstraint('judgement_correction_has_reason', sql`(corrects_id is null) = (correction_reason is null)`)
    .execute()
  await db.schema
    .createIndex('judgement_records_la_idx')
    .on('judgement_records')
    .columns(['la_code', 'published_on'])
    .execute()

  await db.schema
    .createTable('judgement_grades')
    .addColumn('record_id', 'uuid', (c) => c.notNull().references('judgement_records.id'))
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) =>
      c.notNull().check(sql`grade in ('outstanding', 'good', 'requires-improvement', 'inadequate')`),
    )
    .addPrimaryKeyConstraint('judgement_grades_pkey', ['record_id', 'area'])
    .execute()

  await db.schema
    .createTable('data_loads')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('detail', 'text')
    .execute()

  // Append-only tables: history is corrected by new rows, never rewritten.
  await sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: add a correction instead of changing a row', tg_table_name;
    end
    $$`.execute(db)
  for (const table of ['judgement_records', 'judgement_grades', 'audit_events']) {
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_change()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'data_loads',
    'judgement_grades',
    'judgement_records',
    'audit_events',
    'sessions',
    'user_la_scopes',
    'users',
    'local_authorities',
    'regions',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop function refuse_change()`.execute(db)
}
