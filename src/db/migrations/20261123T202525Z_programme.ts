import { type Kysely, sql } from 'kysely'

/**
 * The programme planner (issue 6, 002#7-24): inspectors' leave, as date ranges only (why
 * someone is away is personal, often health, data the planner does not need), and the
 * planner's settings (the inspector capacity limit).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspector_leave')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('inspector_leave_dates_check', sql`ends_on >= starts_on`)
    .execute()
  await db.schema
    .createIndex('inspector_leave_user_idx')
    .on('inspector_leave')
    .columns(['user_id', 'starts_on'])
    .execute()

  await db.schema
    .createTable('programme_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('programme_settings').execute()
  await db.schema.dropTable('inspector_leave').execute()
}
