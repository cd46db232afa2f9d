import { type Kysely, sql } from 'kysely'
import { extendOutboxKinds } from './helpers/outbox-kinds.js'

/**
 * The outbox learns one kind: a 2015 improvement offer at risk, raised with the regional director
 * and the National Director, Social Care without delay (000#37).
 */
const OUTBOX_KINDS = ['offer-at-risk'] as const

export async function up(db: Kysely<any>): Promise<void> {
  await extendOutboxKinds(db, OUTBOX_KINDS)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from outbox where kind in ('offer-at-risk')`.execute(db)
  await extendOutboxKinds(db, OUTBOX_KINDS, true)
}
