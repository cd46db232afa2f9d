import { type Kysely, sql } from 'kysely'

/**
 * An LA that will not agree its monitoring programme (002#113, 001#3) is a state of the programme,
 * no longer a trigger noted by hand in the intervention record: the day the regional director
 * recorded that the LA declined, what the LA said, the persuasion tried, who recorded it, and the
 * day the LA later accepted. A refusal already noted by hand moves onto the LA's latest programme
 * (its note becomes what was said, its resolution the acceptance); one for an LA with no programme
 * stays where it was.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('monitoring_programmes')
    .addColumn('declined_on', 'date')
    .addColumn('declined_said', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('declined_persuasion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('declined_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('accepted_on', 'date')
    .execute()
  await sql`
    with latest as (
      select distinct on (la_code) id, la_code
      from monitoring_programmes
      order by la_code, opened_on desc, set_number desc
    ),
    refused as (
      select distinct on (c.la_code) c.id, l.id as programme_id, c.noted_on, c.note, c.recorded_by, c.resolved_on
      from intervention_concerns c
      join latest l on l.la_code = c.la_code
      where c.kind = 'monitoring-refused'
      order by c.la_code, c.noted_on desc
    )
    update monitoring_programmes p
    set declined_on = r.noted_on, declined_said = r.note, declined_by = r.recorded_by, accepted_on = r.resolved_on
    from refused r
    where p.id = r.programme_id`.execute(db)
  await sql`
    delete from intervention_concerns c
    where c.kind = 'monitoring-refused'
      and exists (select 1 from monitoring_programmes p where p.la_code = c.la_code)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    insert into intervention_concerns (la_code, kind, noted_on, note, resolved_on, recorded_by)
    select la_code, 'monitoring-refused', declined_on, declined_said, accepted_on, declined_by
    from monitoring_programmes
    where declined_on is not null and declined_by is not null`.execute(db)
  await db.schema
    .alterTable('monitoring_programmes')
    .dropColumn('declined_on')
    .dropColumn('declined_said')
    .dropColumn('declined_persuasion')
    .dropColumn('declined_by')
    .dropColumn('accepted_on')
    .execute()
}
