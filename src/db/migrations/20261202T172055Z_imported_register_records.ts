import type { Kysely } from 'kysely'

/**
 * Issue 14: the register imports Ofsted's published outcomes. Those files give the first day of
 * fieldwork but not the last, and the single inspection framework's history only publication
 * dates, so an imported judgement's fieldwork dates may be unknown (null, never invented; the
 * date-order check still holds for the dates that are known). Every imported record names the
 * file and row it came from (`source_detail`), and a judgement or visit of a council that no
 * longer exists, held by its successor, names that predecessor (`predecessor`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('judgement_records')
    .alterColumn('inspection_start', (c) => c.dropNotNull())
    .execute()
  await db.schema
    .alterTable('judgement_records')
    .alterColumn('inspection_end', (c) => c.dropNotNull())
    .execute()
  await db.schema.alterTable('judgement_records').addColumn('source_detail', 'text').execute()
  await db.schema.alterTable('judgement_records').addColumn('predecessor', 'text').execute()
  await db.schema.alterTable('register_visits').addColumn('predecessor', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('register_visits').dropColumn('predecessor').execute()
  await db.schema.alterTable('judgement_records').dropColumn('predecessor').execute()
  await db.schema.alterTable('judgement_records').dropColumn('source_detail').execute()
}
