import { type Kysely, sql } from 'kysely'

/**
 * The 2015 offer's published letters (issue 15, ADR 0028; 000#38, #42): the later three
 * quarterly review letters and the progress inspection letter go on the public list, which reads
 * `publications` only (ADR 0015). An offer has no activity, so a publication comes from an
 * activity or from an offer's step, never both, and one letter per step.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table publications alter column activity_id drop not null`.execute(db)
  await sql`alter table publications alter column activity_type drop not null`.execute(db)
  await db.schema
    .alterTable('publications')
    .addColumn('offer_id', 'uuid', (c) => c.references('offer_2015_offers.id'))
    .addColumn('offer_step', 'text')
    .execute()
  await sql`alter table publications drop constraint publications_kind_check`.execute(db)
  await sql`alter table publications add constraint publications_kind_check check (kind in ('inspection-report',
    'focused-visit-letter', 'monitoring-visit-letter', 'partner-letter', 'offer-review-letter', 'progress-inspection-letter'))`.execute(
    db,
  )
  await sql`alter table publications add constraint publications_one_source check (
    (activity_id is not null and activity_type is not null and offer_id is null and offer_step is null)
    or (activity_id is null and activity_type is null and offer_id is not null and offer_step is not null))`.execute(db)
  await sql`create unique index publications_one_per_offer_step on publications (offer_id, offer_step)
    where offer_id is not null`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from publications where offer_id is not null`.execute(db)
  await sql`drop index publications_one_per_offer_step`.execute(db)
  await sql`alter table publications drop constraint publications_one_source`.execute(db)
  await sql`alter table publications drop constraint publications_kind_check`.execute(db)
  await sql`alter table publications add constraint publications_kind_check check (kind in ('inspection-report',
    'focused-visit-letter', 'monitoring-visit-letter', 'partner-letter'))`.execute(db)
  await db.schema.alterTable('publications').dropColumn('offer_step').dropColumn('offer_id').execute()
  await sql`alter table publications alter column activity_type set not null`.execute(db)
  await sql`alter table publications alter column activity_id set not null`.execute(db)
}
