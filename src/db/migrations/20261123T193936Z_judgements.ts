import { type Kysely, sql } from 'kysely'

/**
 * Judgements and focused-visit findings (issue 6; 002#96-110, #195-201): one outcome row per
 * activity holding its framework, version and confirmation; the graded judgements of standard
 * and short inspections with their rationale; the findings of focused visits; and the feedback
 * meeting with the provisional judgements given. Nothing here is published: the register records
 * published judgements only (issue 3), and the reports stage appends to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_outcomes')
    .addColumn('activity_id', 'uuid', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('judgements', 'findings')`))
    .addColumn('framework', 'text')
    .addColumn('no_priority_actions', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('confirmation_reason', 'text')
    .addColumn('confirmed_checks', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('activity_judgements')
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activity_outcomes.activity_id').onDelete('cascade'),
    )
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) =>
      c.notNull().check(sql`grade in ('outstanding', 'good', 'requires-improvement', 'inadequate')`),
    )
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('evidence_headings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('leaders_understand_failure', 'boolean')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('activity_judgements_pkey', ['activity_id', 'area'])
    .execute()

  await db.schema
    .createTable('focused_visit_findings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) =>
      c.notNull().references('activity_outcomes.activity_id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('strength', 'area-for-improvement', 'priority-action')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    // 002#109: a priority action names one of the two grounds; other findings name none.
    .addColumn('ground', 'text', (c) => c.check(sql`(kind = 'priority-action') = (ground is not null)`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('focused_visit_findings_activity_idx')
    .on('focused_visit_findings')
    .columns(['activity_id', 'recorded_at'])
    .execute()

  await db.schema
    .createTable('feedback_meetings')
    .addColumn('activity_id', 'uuid', (c) => c.primaryKey().references('activities.id').onDelete('cascade'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
    .addColumn('attendees', 'jsonb', (c) => c.notNull())
    .addColumn('other_attendees', 'text')
    .addColumn('dcs_told_before', 'boolean')
    .addColumn('judgements_given', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('set_out', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['feedback_meetings', 'focused_visit_findings', 'activity_judgements', 'activity_outcomes']) {
    await db.schema.dropTable(table).execute()
  }
}
