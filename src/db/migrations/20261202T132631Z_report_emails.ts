import { type Kysely, sql } from 'kysely'

/**
 * The emails of the report workflow (issue 11): the kinds the outbox accepts grow by the report's
 * own (a step for its owner, the draft to the LA, the final copy under embargo with the document
 * attached, 002#216, #224; a step gone late; the DfE told of an inadequate judgement, 004
 * "Introduction"), and an email may carry one attachment, stored with it so it is sent exactly
 * as it was when the change that caused it was committed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db)
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('notice',
    'further-information-request', 'case-of-concern', 'report-step', 'report-factual-accuracy', 'report-embargoed',
    'report-late', 'report-dfe-inadequate', 'report-published'))`.execute(db)
  await db.schema
    .alterTable('outbox')
    .addColumn('attachment_name', 'text')
    .addColumn('attachment_type', 'text')
    .addColumn('attachment', 'bytea')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .dropColumn('attachment')
    .dropColumn('attachment_type')
    .dropColumn('attachment_name')
    .execute()
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db)
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('notice',
    'further-information-request', 'case-of-concern'))`.execute(db)
}
