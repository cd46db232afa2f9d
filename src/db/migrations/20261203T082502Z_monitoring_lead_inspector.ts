import { type Kysely } from 'kysely'

/**
 * A monitoring programme may name its lead inspector (002#129: wherever possible the same
 * inspector leads all the visits), assigned by the senior HMI or the regional director; the
 * reminders of the inspector's steps go to them rather than to the region's director (ADR 0025).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('monitoring_programmes')
    .addColumn('lead_inspector_id', 'uuid', (c) => c.references('users.id'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitoring_programmes').dropColumn('lead_inspector_id').execute()
}
