import { type Kysely, sql } from 'kysely'

/**
 * Publication (issue 11): the `publications` table, the only table the public pages read, so
 * nothing unpublished can be reached through them; and the register learning from it: a
 * judgement recorded by the service names the activity and publication it came from, and the
 * register gains visits (focused, monitoring, joint targeted area inspections) beside
 * judgements, from the service, an import of Ofsted's outcomes (issue 14) or the demo.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publications')
    // A random (version 4) UUID: 122 random bits, so an address cannot be guessed.
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id'))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('inspection-report', 'focused-visit-letter', 'monitoring-visit-letter', 'partner-letter')`),
    )
    // The activity's type, kept with the publication so public pages need read nothing else.
    .addColumn('activity_type', 'text', (c) =>
      c.notNull().check(
        sql`activity_type in ('standard-inspection', 'short-inspection', 'focused-visit', 'monitoring-visit',
            'post-monitoring-inspection', 'progress-inspection-2015')`,
      ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('fieldwork_start', 'date', (c) => c.notNull())
    .addColumn('fieldwork_end', 'date', (c) => c.notNull())
    .addColumn('statutory_publication_date', 'date', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    // False for the first monitoring letter of a set: recorded, never public (001#41, 002#202 fn 28).
    .addColumn('public', 'boolean', (c) => c.notNull())
    .addColumn('framework', 'text')
    .addColumn('grades', 'jsonb')
    .addColumn('pdf_hash', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    .addColumn('summary_pdf_hash', 'text')
    .addColumn('summary_pdf_size', 'integer')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('publications_fieldwork_in_order', sql`fieldwork_start <= fieldwork_end`)
    .addCheckConstraint('publications_grades_with_framework', sql`(framework is null) = (grades is null)`)
    .addCheckConstraint('publications_summary_complete', sql`(summary_pdf_hash is null) = (summary_pdf_size is null)`)
    .execute()
  // One report or letter of each kind per activity; partner letters are one per inspectorate.
  await sql`create unique index publications_one_per_activity on publications (activity_id, kind)
    where kind <> 'partner-letter'`.execute(db)
  await db.schema.createIndex('publications_published_idx').on('publications').columns(['published_at']).execute()
  await db.schema.createIndex('publications_la_idx').on('publications').columns(['la_code', 'published_at']).execute()

  // A judgement the service published names where it came from (linked both ways).
  await db.schema
    .alterTable('judgement_records')
    .addColumn('activity_id', 'uuid', (c) => c.references('activities.id'))
    .execute()
  await db.schema
    .alterTable('judgement_records')
    .addColumn('publication_id', 'uuid', (c) => c.references('publications.id'))
    .execute()
  await sql`alter table judgement_records drop constraint judgement_records_source_check`.execute(db)
  await sql`alter table judgement_records add constraint judgement_records_source_check
    check (source in ('manual', 'demo', 'import', 'service'))`.execute(db)
  await sql`alter table judgement_records add constraint judgement_records_service_has_activity
    check ((source = 'service') = (activity_id is not null))`.execute(db)

  await db.schema
    .createTable('register_visits')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('visit_type', 'text', (c) =>
      c.notNull().check(sql`visit_type in ('focused-visit', 'monitoring-visit', 'jtai')`),
    )
    // Ofsted's files give the first day of fieldwork, not always the last (issue 14): unknown stays null.
    .addColumn('visit_start', 'date', (c) => c.notNull())
    .addColumn('visit_end', 'date')
    .addColumn('published_on', 'date')
    .addColumn('theme', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('service', 'import', 'demo')`))
    .addColumn('activity_id', 'uuid', (c) => c.references('activities.id').unique())
    .addColumn('publication_id', 'uuid', (c) => c.references('publications.id'))
    // Where an imported record came from (file and row), so it can be traced (issue 14).
    .addColumn('source_detail', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'register_visits_dates_in_order',
      sql`(visit_end is null or visit_start <= visit_end) and (published_on is null or published_on >= visit_start)`,
    )
    .addCheckConstraint('register_visits_service_has_activity', sql`(source = 'service') = (activity_id is not null)`)
    .execute()
  await db.schema
    .createIndex('register_visits_la_idx')
    .on('register_visits')
    .columns(['la_code', 'visit_start'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_visits').execute()
  await sql`alter table judgement_records drop constraint judgement_records_service_has_activity`.execute(db)
  await sql`alter table judgement_records drop constraint judgement_records_source_check`.execute(db)
  await sql`alter table judgement_records add constraint judgement_records_source_check
    check (source in ('manual', 'demo', 'import'))`.execute(db)
  await db.schema.alterTable('judgement_records').dropColumn('publication_id').execute()
  await db.schema.alterTable('judgement_records').dropColumn('activity_id').execute()
  await db.schema.dropTable('publications').execute()
}
