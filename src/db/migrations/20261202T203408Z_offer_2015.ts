import { type Kysely, sql } from 'kysely'

/**
 * The 2015 improvement offer to LAs judged inadequate under the SIF (issue 15; 000): one offer
 * per SIF inadequate judgement, holding the dates later steps count from (the agreed seminar,
 * the plan judged acceptable, the progress inspection's first day on site) and the judgement of
 * the progress inspection; each step of the offer as done, with its date and what was recorded
 * (the seminar's reply, priorities and attendees, the plan letter, an offer at risk).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offer_2015_offers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('judgement_id', 'uuid', (c) => c.notNull().references('judgement_records.id'))
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('opened_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('seminar_on', 'date')
    .addColumn('plan_accepted_on', 'date')
    .addColumn('progress_onsite_on', 'date')
    .addColumn('progress_judgement', 'text', (c) =>
      c.check(sql`progress_judgement in ('satisfactory', 'unsatisfactory')`),
    )
    .addColumn('ended_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('offer_2015_offers_judgement_unique', ['judgement_id'])
    .execute()
  await db.schema.createIndex('offer_2015_offers_la_idx').on('offer_2015_offers').column('la_code').execute()
  await db.schema
    .createTable('offer_2015_steps')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('offer_2015_offers.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('done_on', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offer_2015_steps_unique', ['offer_id', 'step'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offer_2015_steps').execute()
  await db.schema.dropTable('offer_2015_offers').execute()
}
