import { type Kysely, sql } from 'kysely'

/**
 * Annex A hardening (issue 10):
 * - a return may be several files (one CSV per list): `files` lists them in order, each
 *   `{ fileName, hash, size }`; `file_name`, `file_hash` and `file_size` keep the first file's
 *   name (or a summary) and the whole return's hash and size, for the version list and for
 *   spotting the same return sent twice;
 * - the lists the activity asks for (`lists_asked`: all eleven, or a focused visit's, 002#242),
 *   the lists the LA declares it has nothing to report for (`declared_empty`) and the lists a
 *   checked return covers (`lists_covered`), so a return lacking lists never silently replaces
 *   a fuller one;
 * - the LA of each return (`la_code`), so the checker is fair between LAs;
 * - when the raw files were deleted by the retention job (`files_deleted_at`), for returns and
 *   documents.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('annex_a_returns')
    .addColumn('la_code', 'text')
    .addColumn('files', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('lists_asked', 'jsonb', (c) => c.notNull().defaultTo(sql`'[1,2,3,4,5,6,7,8,9,10,11]'::jsonb`))
    .addColumn('declared_empty', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('lists_covered', 'jsonb')
    .addColumn('files_deleted_at', 'timestamptz')
    .execute()
  await sql`update annex_a_returns r set la_code = a.la_code from activities a where a.id = r.activity_id`.execute(db)
  await sql`update annex_a_returns set files = jsonb_build_array(jsonb_build_object('fileName', file_name, 'hash', file_hash, 'size', file_size))`.execute(
    db,
  )
  await sql`update annex_a_returns set lists_covered = coalesce((select jsonb_agg(distinct (l->>'list')::int) from jsonb_array_elements(result->'lists') l), '[]'::jsonb) where result is not null`.execute(
    db,
  )
  await db.schema.alterTable('annex_a_documents').addColumn('file_deleted_at', 'timestamptz').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('annex_a_documents').dropColumn('file_deleted_at').execute()
  await db.schema
    .alterTable('annex_a_returns')
    .dropColumn('la_code')
    .dropColumn('files')
    .dropColumn('lists_asked')
    .dropColumn('declared_empty')
    .dropColumn('lists_covered')
    .dropColumn('files_deleted_at')
    .execute()
}
