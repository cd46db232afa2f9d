import { type Kysely, sql } from 'kysely'

/**
 * What another of Ofsted's files (or another table of the same file) said about an inspection
 * the register holds, where it disagrees with the register (issue 14, ADR 0030): the register
 * shows both sources rather than hiding one. Keyed by the inspection (LA and publication date),
 * not by record, as a correction gives the judgement a new record. Importing again adds nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('register_outcome_readings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('published_on', 'date', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('register_outcome_readings_once', ['la_code', 'published_on', 'field', 'source'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_outcome_readings').execute()
}
