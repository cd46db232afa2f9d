import { type Kysely, sql } from 'kysely'

/**
 * Inspections and visits (issue 6): each activity with its dated milestones (derived from the
 * rules core and stored so dashboards can query them), the history of its on-site date, its
 * team, its LA contacts, its notice call and its status history; and the email outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('variant', 'text')
    .addColumn('onsite_start', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('topics', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status_reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('activities_la_idx').on('activities').columns(['la_code', 'onsite_start']).execute()
  await db.schema.createIndex('activities_onsite_idx').on('activities').column('onsite_start').execute()

  await db.schema
    .createTable('activity_milestones')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('until', 'date')
    .addColumn('time', 'text')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_milestones_pkey', ['activity_id', 'key'])
    .execute()
  await db.schema
    .createIndex('activity_milestones_date_idx')
    .on('activity_milestones')
    .columns(['key', 'date'])
    .execute()

  await db.schema
    .createTable('activity_flags')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_flags_pkey', ['activity_id', 'position'])
    .execute()

  await db.schema
    .createTable('activity_date_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('from_date', 'date')
    .addColumn('to_date', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('activity_team')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('team_role', 'text', (c) => c.notNull())
    .addColumn('days', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_team_pkey', ['activity_id', 'user_id'])
    .execute()
  await db.schema.createIndex('activity_team_user_idx').on('activity_team').column('user_id').execute()

  await db.schema
    .createTable('activity_contacts')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('contact_role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addPrimaryKeyConstraint('activity_contacts_pkey', ['activity_id', 'contact_role'])
    .execute()

  await db.schema
    .createTable('activity_notices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('called_at', 'timestamptz', (c) => c.notNull())
    .addColumn('spoke_to_role', 'text', (c) => c.notNull())
    .addColumn('spoke_to_name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('activity_status_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('changed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // The transactional outbox (ARCHITECTURE: claimed with FOR UPDATE SKIP LOCKED so two
  // instances send each message once). `dedupe_key` makes enqueueing idempotent.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('activity_id', 'uuid', (c) => c.references('activities.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute()
  await sql`create index outbox_pending_idx on outbox (available_at) where sent_at is null`.execute(db)

  // Personal calendar feeds: a secret token per user, so a calendar app can subscribe without a session.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'calendar_feeds',
    'outbox',
    'activity_status_changes',
    'activity_notices',
    'activity_contacts',
    'activity_team',
    'activity_date_changes',
    'activity_flags',
    'activity_milestones',
    'activities',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
