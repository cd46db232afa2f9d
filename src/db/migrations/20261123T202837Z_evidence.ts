import { type Kysely, sql } from 'kysely'

/**
 * The fieldwork records of an inspection or visit (issue 6): the evidence record under the 17
 * evaluation-criteria headings with its case links (002#181-192, E1, E2), QA manager notes
 * (002#190), keep-in-touch meeting notes (002#173-175, E5), the record of requests for further
 * information (002 Annex B, #167, #244, E3) and the record of cases of concern (000 Annex C,
 * 001#36, 002#136, E4). Children appear only by the LA's Child Unique ID.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('heading_id', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_detail', 'text')
    .addColumn('collected_on', 'date', (c) => c.notNull())
    .addColumn('collected_time', 'text', (c) => c.notNull())
    .addColumn('evaluative_statement', 'text', (c) => c.notNull())
    .addColumn('evidence_summary', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('significance', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('team_agreed', 'boolean', (c) => c.notNull().defaultTo(false))
    // 002#191: how many possible names the inspector confirmed were not names, and who did.
    .addColumn('names_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('evidence_entries_activity_idx')
    .on('evidence_entries')
    .columns(['activity_id', 'heading_id'])
    .execute()

  await db.schema
    .createTable('evidence_case_links')
    .addColumn('entry_id', 'uuid', (c) => c.notNull().references('evidence_entries.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_case_links_pkey', ['entry_id', 'case_id'])
    .execute()
  await db.schema.createIndex('evidence_case_links_case_idx').on('evidence_case_links').column('case_id').execute()

  await db.schema
    .createTable('evidence_qa_notes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('entry_id', 'uuid', (c) => c.references('evidence_entries.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('evidence_qa_notes_activity_idx').on('evidence_qa_notes').column('activity_id').execute()

  await db.schema
    .createTable('keep_in_touch_meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('meeting_on', 'date', (c) => c.notNull())
    .addColumn('attendee_roles', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('other_attendees', 'text')
    .addColumn('dcs_declined', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('findings_shared', 'text', (c) => c.notNull())
    .addColumn('dcs_clear', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('no_surprises', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('keep_in_touch_meetings_day_key', ['activity_id', 'meeting_on'])
    .execute()

  await db.schema
    .createTable('further_information_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('request_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('date_requested', 'date')
    .addColumn('date_response_required', 'date')
    .addColumn('agreed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('date_received', 'date')
    .addColumn('response', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('further_information_requests_number_key', ['activity_id', 'number'])
    .execute()

  await db.schema
    .createTable('cases_of_concern')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('team_location', 'text', (c) => c.notNull())
    // The inspector's working notes: never shown to the LA.
    .addColumn('issues', 'text', (c) => c.notNull())
    .addColumn('significance', 'text', (c) => c.notNull())
    .addColumn('discussed_with', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The formal written note to the LA and the response asked for (000 Annex C).
    .addColumn('formal_note', 'text')
    .addColumn('response_due', 'date')
    .addColumn('escalated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('la_response', 'text')
    .addColumn('responded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('responded_at', 'timestamptz')
    .addColumn('findings', 'text')
    .addColumn('findings_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('findings_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('cases_of_concern_number_key', ['activity_id', 'number'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'cases_of_concern',
    'further_information_requests',
    'keep_in_touch_meetings',
    'evidence_qa_notes',
    'evidence_case_links',
    'evidence_entries',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
