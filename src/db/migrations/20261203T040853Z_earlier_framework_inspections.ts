import { type Kysely, sql } from 'kysely'

/**
 * Issue 14, the rest of the import:
 * - `register_earlier_inspections`: inspections under the frameworks before the single inspection
 *   (2009–2013), as history that drives no pathway. Their grades are the framework's own words
 *   (outstanding, good, adequate, inadequate: "adequate" is not "requires improvement"), kept as
 *   JSON by the framework's own area names. Ofsted's file gives publication dates only, so the
 *   first day of fieldwork may be unknown (null, never invented); one of the two is always known.
 * - `register_import_uploads`: each file an administrator uploads for the import, until it is
 *   confirmed; the retention job deletes an upload never confirmed (its file goes from the store).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('register_earlier_inspections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('framework', 'text', (c) => c.notNull().check(sql`framework in ('slac', 'child-protection', 'tlac')`))
    .addColumn('inspection_type', 'text', (c) =>
      c.notNull().check(
        sql`inspection_type in ('slac-inspection', 'slac-safeguarding-reinspection', 'slac-looked-after-reinspection',
            'child-protection-inspection', 'child-protection-reinspection', 'tlac-inspection')`,
      ),
    )
    .addColumn('inspection_start', 'date')
    .addColumn('published_on', 'date')
    .addColumn('grades', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('source_detail', 'text', (c) => c.notNull())
    .addColumn('predecessor', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'register_earlier_inspections_a_date',
      sql`(inspection_start is not null or published_on is not null)
        and (inspection_start is null or published_on is null or inspection_start <= published_on)`,
    )
    .execute()
  await db.schema
    .createIndex('register_earlier_inspections_la_idx')
    .on('register_earlier_inspections')
    .columns(['la_code', 'published_on'])
    .execute()

  await db.schema
    .createTable('register_import_uploads')
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addPrimaryKeyConstraint('register_import_uploads_pkey', ['hash', 'file_name'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_import_uploads').execute()
  await db.schema.dropTable('register_earlier_inspections').execute()
}
