import { type Kysely, sql } from 'kysely'

/**
 * The bodies that run an LA's children's services under delegated functions (issue 12;
 * 002#227-237): a trust, another council or a voluntary or other body, the functions it runs,
 * whether the delegation is voluntary or follows a direction under section 497A(4) or (4A), the
 * intervention's direction it follows (linked, not copied), and the address letters are copied to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_bodies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('trust', 'other-la', 'other-body')`))
    .addColumn('basis', 'text', (c) => c.notNull().check(sql`basis in ('voluntary', 's497A(4)', 's497A(4A)')`))
    .addColumn('extent', 'text', (c) => c.notNull().check(sql`extent in ('all', 'some')`))
    .addColumn('functions', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('direction_id', 'uuid', (c) => c.references('intervention_instruments.id'))
    .addColumn('since', 'date', (c) => c.notNull())
    .addColumn('until', 'date')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('delivery_bodies_dates_check', sql`until is null or until >= since`)
    .execute()
  await db.schema.createIndex('delivery_bodies_la_idx').on('delivery_bodies').column('la_code').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_bodies').execute()
}
