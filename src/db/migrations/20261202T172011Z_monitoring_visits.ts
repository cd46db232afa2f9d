import { type Kysely, sql } from 'kysely'

/**
 * Monitoring visits and post-monitoring inspections become plannable (issue 12). A monitoring
 * visit keeps which arrangements it follows (ILACS, 002#129, or the 2017 handbook, 001#42: the
 * framework that judged the LA inadequate, 002#22 fn4), its number in its set and whether the set
 * is a second one (E8: the first letter of a first set is not published, 001#41, 002 fn28), and
 * its agreed focus (001#8, #39). The children looked at on each visit are kept by the LA's own ID
 * so later visits can cross-refer to them (001#37, 002#137), with any cause for concern and who
 * was told (001#36, 002#136).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('activities')
    .addColumn('monitoring_handbook', 'text', (c) => c.check(sql`monitoring_handbook in ('ilacs', '2017')`))
    .addColumn('monitoring_visit_number', 'integer', (c) => c.check(sql`monitoring_visit_number >= 1`))
    .addColumn('monitoring_second_set', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('focus', 'text')
    .execute()
  await db.schema
    .createTable('monitoring_visit_children')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('la_code', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('tracked', 'sampled')`))
    .addColumn('concern', 'text')
    .addColumn('concern_told', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('monitoring_visit_children_unique', ['activity_id', 'child_id'])
    .execute()
  await db.schema
    .createIndex('monitoring_visit_children_la_idx')
    .on('monitoring_visit_children')
    .columns(['la_code', 'child_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('monitoring_visit_children').execute()
  await db.schema
    .alterTable('activities')
    .dropColumn('monitoring_handbook')
    .dropColumn('monitoring_visit_number')
    .dropColumn('monitoring_second_set')
    .dropColumn('focus')
    .execute()
}
