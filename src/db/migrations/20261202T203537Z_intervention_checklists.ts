import { type Kysely, sql } from 'kysely'

/**
 * The checklists an LA and the DfE answer about an authority (issue 13; 004, G6): every answer to
 * a signature of risk, a question for the lead member or a reflective question, with who gave it
 * and when. Answers are never changed: answering again adds a row and the latest stands.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intervention_checklist_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('list', 'text', (c) =>
      c.notNull().check(sql`list in ('signatures-of-risk', 'lead-member', 'reflective')`),
    )
    .addColumn('item', 'integer', (c) => c.notNull().check(sql`item >= 0`))
    .addColumn('degree', 'text', (c) => c.check(sql`degree in ('not-seen', 'in-part', 'in-whole')`))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('answered_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('intervention_checklist_answers_la_idx')
    .on('intervention_checklist_answers')
    .column('la_code')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('intervention_checklist_answers').execute()
}
