import { type Kysely, sql } from 'kysely'
import { extendOutboxKinds } from './helpers/outbox-kinds.js'

/**
 * The monitoring programme after an inadequate judgement (issue 12; 001, 002#112-139, 003): one
 * programme per inadequate judgement (a second set after a second, 001#67) holding the three
 * dates the deadlines count from, the action planning visit (letter, date, agenda, record), the
 * re-inspection decision; the recommendations as items with ids; the LA's action plan in versions
 * with its actions against the items; Ofsted's reviews of it; progress per item. Fixed values are
 * written out (ADR 0006, fixed_value_checks). The outbox learns one kind: the DfE told.
 */
const recorded = (table: ReturnType<Kysely<any>['schema']['createTable']>) =>
  table
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))

const OUTBOX_KINDS = ['monitoring-dfe'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitoring_programmes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    // The register's inadequate judgement the programme answers (001#4).
    .addColumn('judgement_id', 'uuid', (c) => c.notNull().references('judgement_records.id'))
    .addColumn('set_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('opened_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('pre_publication_received_on', 'date')
    .addColumn('final_report_received_on', 'date')
    .addColumn('published_on', 'date')
    .addColumn('letter_copies', 'text', (c) => c.check(sql`letter_copies in ('001#9', '002#118')`))
    .addColumn('letter_sent_on', 'date')
    .addColumn('planning_visit_on', 'date')
    .addColumn('agenda_circulated_on', 'date')
    .addColumn('record_attendees', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('record_discussion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('record_planning', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('record_sent_on', 'date')
    .addColumn('decision_on', 'date')
    .addColumn('decision_kind', 'text', (c) => c.check(sql`decision_kind in ('full', 'post-monitoring')`))
    .addColumn('decision_inputs', 'jsonb')
    .addColumn('decision_reasons', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('la_told_on', 'date')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('closed_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('monitoring_programmes_judgement_unique', ['judgement_id'])
    .execute()
  await db.schema.createIndex('monitoring_programmes_la_idx').on('monitoring_programmes').column('la_code').execute()

  await recorded(
    db.schema
      .createTable('monitoring_recommendations')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('monitoring_programmes.id').onDelete('cascade'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('recommendation', 'priority-action')`))
      .addColumn('text', 'text', (c) => c.notNull())
      .addUniqueConstraint('monitoring_recommendations_ref_unique', ['programme_id', 'ref']),
  ).execute()

  await recorded(
    db.schema
      .createTable('monitoring_action_plans')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('monitoring_programmes.id').onDelete('cascade'))
      .addColumn('version_number', 'integer', (c) => c.notNull())
      .addColumn('submitted_on', 'date', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('file_hash', 'text')
      .addColumn('file_size', 'bigint')
      .addColumn('file_type', 'text')
      // [{ recommendationId, action }]: the plan's actions, each against an item.
      .addColumn('actions', 'jsonb', (c) => c.notNull())
      .addUniqueConstraint('monitoring_action_plans_version_unique', ['programme_id', 'version_number']),
  ).execute()

  await recorded(
    db.schema
      .createTable('monitoring_plan_reviews')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('monitoring_programmes.id').onDelete('cascade'))
      .addColumn('plan_id', 'uuid', (c) => c.notNull().references('monitoring_action_plans.id').onDelete('cascade'))
      .addColumn('outcome', 'text', (c) =>
        c.notNull().check(sql`outcome in ('reflects', 'does-not-reflect', 'referred-to-dfe')`),
      )
      .addColumn('letter_sent_on', 'date', (c) => c.notNull())
      .addColumn('differences', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('discussed_on', 'date'),
  ).execute()

  await recorded(
    db.schema
      .createTable('monitoring_progress')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('programme_id', 'uuid', (c) => c.notNull().references('monitoring_programmes.id').onDelete('cascade'))
      .addColumn('recommendation_id', 'uuid', (c) =>
        c.notNull().references('monitoring_recommendations.id').onDelete('cascade'),
      )
      // The monitoring visit (an activity) that looked at the item, when there is one.
      .addColumn('activity_id', 'uuid')
      .addColumn('assessed_on', 'date', (c) => c.notNull())
      .addColumn('progress', 'text', (c) =>
        c.notNull().check(sql`progress in ('not-yet-seen', 'insufficient', 'some', 'good', 'met')`),
      )
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await extendOutboxKinds(db, OUTBOX_KINDS)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox where kind in ('monitoring-dfe')`.execute(db)
  await extendOutboxKinds(db, OUTBOX_KINDS, true)
  for (const table of [
    'monitoring_progress',
    'monitoring_plan_reviews',
    'monitoring_action_plans',
    'monitoring_recommendations',
    'monitoring_programmes',
  ])
    await db.schema.dropTable(table).execute()
}
