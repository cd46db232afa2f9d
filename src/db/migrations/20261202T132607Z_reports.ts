import { type Kysely, sql } from 'kysely'

/**
 * Reports and letters (issue 11; 002#202-216, #222, #224-225): one report per activity with its
 * step in the workflow; every saved draft as a version (its sections as JSON, the document model
 * it renders, the page count of its PDF); the QA manager's and directors' review comments; the
 * LA's factual accuracy comments with the lead inspector's answers and any dispute QA decides;
 * and the history of steps, each with its statutory date (002#216) beside the day it happened.
 * Fixed values are written out here, never taken from the code (ADR 0006).
 */
const STEPS = `('drafting', 'qa-review', 'director-review', 'national-review', 'approved', 'factual-accuracy',
  'embargoed', 'published')`

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().unique().references('activities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('inspection-report', 'focused-visit-letter', 'monitoring-visit-letter')`),
    )
    .addColumn('step', 'text', (c) => c.notNull().check(sql.raw(`step in ${STEPS}`)))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // The version sent to the LA for factual accuracy: the one its comments are about.
    .addColumn('fa_version', 'integer')
    .addColumn('fa_sent_on', 'date')
    .addColumn('fa_due', 'date')
    .addColumn('fa_submitted_at', 'timestamptz')
    .addColumn('fa_submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('embargo_until', 'timestamptz')
    .addColumn('recipients', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('dfe_notified_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('reports_step_idx').on('reports').columns(['step', 'embargo_until']).execute()

  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'embargoed', 'final')`))
    .addColumn('sections', 'jsonb', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('page_limit', 'integer')
    .addColumn('pdf_hash', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_versions_number_key', ['report_id', 'number'])
    .execute()

  await db.schema
    .createTable('report_review_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('stage', 'text', (c) =>
      c.notNull().check(sql`stage in ('qa-review', 'director-review', 'national-review')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('report_review_comments_report_idx')
    .on('report_review_comments')
    .columns(['report_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('report_fa_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull().check(sql`paragraph > 0`))
    .addColumn('correction', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('late', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('response', 'text', (c) => c.check(sql`response in ('accepted', 'not-accepted')`))
    .addColumn('response_text', 'text')
    .addColumn('responded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('responded_at', 'timestamptz')
    .addColumn('dispute_reason', 'text')
    .addColumn('disputed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('disputed_at', 'timestamptz')
    .addColumn('dispute_decision', 'text', (c) => c.check(sql`dispute_decision in ('upheld', 'correction-agreed')`))
    .addColumn('dispute_note', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('report_fa_comments_report_idx')
    .on('report_fa_comments')
    .columns(['report_id', 'section', 'paragraph'])
    .execute()

  await db.schema
    .createTable('report_steps')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('event', 'text', (c) =>
      c.notNull().check(
        sql`event in ('started', 'submitted', 'returned', 'approved', 'referred', 'sent-for-factual-accuracy',
          'comments-submitted', 'final-sent', 'published', 'dfe-notified', 'late-flagged')`,
      ),
    )
    .addColumn('to_step', 'text', (c) => c.notNull().check(sql.raw(`to_step in ${STEPS}`)))
    // The 002#216 milestone the event meets, where it meets one, and that milestone's date.
    .addColumn('milestone', 'text', (c) =>
      c.check(
        sql`milestone in ('report.to-la-for-factual-accuracy', 'report.factual-accuracy-due', 'report.final-to-la',
          'report.published')`,
      ),
    )
    .addColumn('statutory_date', 'date')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('report_steps_report_idx')
    .on('report_steps')
    .columns(['report_id', 'occurred_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_steps', 'report_fa_comments', 'report_review_comments', 'report_versions', 'reports'])
    await db.schema.dropTable(table).execute()
}
