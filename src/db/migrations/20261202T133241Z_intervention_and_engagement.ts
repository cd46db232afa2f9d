import { type Kysely, sql } from 'kysely'
import { extendOutboxKinds } from './helpers/outbox-kinds.js'

/**
 * The DfE's side and the LA's engagement (issue 13): intervention records with their lifecycle
 * steps, instruments (notices, directions), improvement board, board meetings with minutes,
 * reporting schedule and reports; the triggers Ofsted records (monitoring refused, action-plan
 * difference); the LA's self-evaluations and annual engagement meetings; and the reminders each
 * person has stopped. Fixed values are written out here (ADR 0006, fixed_value_checks).
 */
const file = (table: ReturnType<Kysely<any>['schema']['createTable']>, prefix: string) =>
  table
    .addColumn(`${prefix}_name`, 'text')
    .addColumn(`${prefix}_hash`, 'text')
    .addColumn(`${prefix}_size`, 'bigint')
    .addColumn(`${prefix}_type`, 'text')

const recorded = (table: ReturnType<Kysely<any>['schema']['createTable']>) =>
  table
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))

const STEPS = `('dfe-told', 'case-lead-named', 'instrument-drafted', 'issued-published', 'in-force', 'reinspection',
  'lifted', 'escalated')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interventions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
    .addColumn('step', 'text', (c) => c.notNull().check(sql.raw(`step in ${STEPS}`)))
    // The inadequate judgement the record answers, by its publication date (the register's
    // records are corrected by new records, so the date is what stays the same).
    .addColumn('inadequate_published_on', 'date')
    .addColumn('case_lead_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('closed_on', 'date')
    .addColumn('support_until', 'date')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.createIndex('interventions_la_idx').on('interventions').column('la_code').execute()

  await recorded(
    db.schema
      .createTable('intervention_steps')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('intervention_id', 'uuid', (c) => c.notNull().references('interventions.id').onDelete('cascade'))
      .addColumn('step', 'text', (c) => c.notNull().check(sql.raw(`step in ${STEPS}`)))
      .addColumn('happened_on', 'date', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull().defaultTo('')),
  ).execute()

  await recorded(
    db.schema
      .createTable('intervention_instruments')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('intervention_id', 'uuid', (c) => c.notNull().references('interventions.id').onDelete('cascade'))
      .addColumn('form', 'text', (c) =>
        c
          .notNull()
          .check(
            sql`form in ('non-statutory-support', 'improvement-notice', 'statutory-direction', 'contract-out-or-transfer', 'commissioner')`,
          ),
      )
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('consulted_on', 'date')
      .addColumn('issued_on', 'date', (c) => c.notNull())
      .addColumn('published_on', 'date')
      .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('areas_of_improvement', 'text', (c) => c.notNull())
      .addColumn('improvements_required', 'text', (c) => c.notNull())
      .addColumn('assessment', 'text', (c) => c.notNull())
      .addColumn('assess_by', 'date')
      .addColumn('if_not_achieved', 'text', (c) => c.notNull()),
  ).execute()

  await db.schema
    .createTable('improvement_boards')
    .addColumn('intervention_id', 'uuid', (c) => c.primaryKey().references('interventions.id').onDelete('cascade'))
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_independent', 'boolean', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('set_up_on', 'date', (c) => c.notNull())
    .addColumn('adviser_kind', 'text', (c) => c.check(sql`adviser_kind in ('adviser', 'commissioner')`))
    .addColumn('adviser_name', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await recorded(
    file(
      db.schema
        .createTable('board_meetings')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('intervention_id', 'uuid', (c) => c.notNull().references('interventions.id').onDelete('cascade'))
        .addColumn('met_on', 'date', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo('')),
      'minutes',
    ),
  ).execute()

  await recorded(
    file(
      db.schema
        .createTable('intervention_reports')
        .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
        .addColumn('intervention_id', 'uuid', (c) => c.notNull().references('interventions.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('due_from', 'text', (c) =>
          c.notNull().check(sql`due_from in ('board-chair', 'adviser', 'commissioner', 'council')`),
        )
        .addColumn('owner_email', 'text')
        .addColumn('due_on', 'date', (c) => c.notNull())
        .addColumn('received_on', 'date'),
      'report',
    ),
  ).execute()

  await recorded(
    db.schema
      .createTable('intervention_concerns')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(sql`kind in ('monitoring-refused', 'action-plan-difference')`),
      )
      .addColumn('noted_on', 'date', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('resolved_on', 'date'),
  ).execute()

  await recorded(
    file(
      file(
        db.schema
          .createTable('self_evaluations')
          .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
          .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
          .addColumn('shared_on', 'date', (c) => c.notNull())
          .addColumn('what_we_know', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('how_we_know', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('plans', 'text', (c) => c.notNull().defaultTo('')),
        'document',
      ),
      'action_plan',
    ),
  ).execute()
  await db.schema.createIndex('self_evaluations_la_idx').on('self_evaluations').column('la_code').execute()

  await recorded(
    db.schema
      .createTable('engagement_meetings')
      .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('la_code', 'text', (c) => c.notNull().references('local_authorities.la_code'))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('scheduled', 'held', 'letter-sent', 'cancelled')`),
      )
      .addColumn('meeting_on', 'date', (c) => c.notNull())
      .addColumn('chair_id', 'uuid', (c) => c.notNull().references('users.id'))
      .addColumn('joint_with_education', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('ofsted_attendees', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('la_attendees', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('agenda_items', 'jsonb', (c) =>
        c
          .notNull()
          .defaultTo(sql`'[]'::jsonb`)
          .check(
            sql`agenda_items <@ '["self-evaluation-content", "self-evaluation-impact", "previous-inspections", "context", "broader-issues", "focused-visit-scope", "next-timing"]'::jsonb`,
          ),
      )
      .addColumn('other_items', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('agenda_agreed_on', 'date')
      .addColumn('discussion', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('letter_sent_on', 'date')
      .addColumn('letter_focused_visit_scope', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('letter_next_timing', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('letter_next_steps', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)),
  ).execute()
  await db.schema.createIndex('engagement_meetings_la_idx').on('engagement_meetings').column('la_code').execute()

  // What reminders each person has stopped, by kind (issue 13: each user sees and stops them).
  await db.schema
    .createTable('reminder_stops')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('reminder_stops_pkey', ['user_id', 'kind'])
    .execute()

  // The outbox's kinds gain reminders and the DfE's alerts. The constraint is rebuilt from the
  // kinds it allows now, so a kind another migration added (whichever runs first) is kept.
  await extendOutboxKinds(db, ['reminder', 'intervention-alert'])
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox where kind in ('reminder', 'intervention-alert')`.execute(db)
  await extendOutboxKinds(db, ['reminder', 'intervention-alert'], true)
  for (const table of [
    'reminder_stops',
    'engagement_meetings',
    'self_evaluations',
    'intervention_concerns',
    'intervention_reports',
    'board_meetings',
    'improvement_boards',
    'intervention_instruments',
    'intervention_steps',
    'interventions',
  ])
    await db.schema.dropTable(table).execute()
}
