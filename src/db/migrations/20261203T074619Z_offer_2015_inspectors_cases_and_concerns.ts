import { type Kysely, sql } from 'kysely'

/**
 * The 2015 offer's own people and children (issue 15; 000#34-41, Annex H):
 * - the inspectors the senior HMI or regional director names for an offer (their home tasks and
 *   reminders are its steps, and only they read its child IDs);
 * - the progress inspection's case sample (Annex H: 30 cases, 2 with a child sexual exploitation
 *   dimension, 4 offered by the LA, 6 audited by the LA), with each case's evaluation;
 * - its cases of concern (Annex H/C), with the LA's response due on a date the inspector sets.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offer_2015_inspectors')
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offer_2015_offers.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('named_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('named_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('offer_2015_inspectors_pk', ['offer_id', 'user_id'])
    .execute()
  await db.schema.createIndex('offer_2015_inspectors_user_idx').on('offer_2015_inspectors').column('user_id').execute()
  await db.schema
    .createTable('offer_2015_cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offer_2015_offers.id').onDelete('cascade'))
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('selected', 'la-child-protection', 'la-child-in-need')`),
    )
    .addColumn('cse', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('la_audit', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('standards_evident', 'boolean')
    .addColumn('risk_managed', 'boolean')
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offer_2015_cases_unique', ['offer_id', 'child_id'])
    .execute()
  await db.schema
    .createTable('offer_2015_concerns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offer_2015_offers.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('team_location', 'text', (c) => c.notNull())
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('response_due', 'date', (c) => c.notNull())
    .addColumn('response', 'text')
    .addColumn('responded_on', 'date')
    .addColumn('raised_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offer_2015_concerns_number_unique', ['offer_id', 'number'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offer_2015_concerns').execute()
  await db.schema.dropTable('offer_2015_cases').execute()
  await db.schema.dropTable('offer_2015_inspectors').execute()
}
