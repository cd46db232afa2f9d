import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Offer2015OffersTable } from '../../db/offer-2015-tables.js'
import type { Database } from '../../db/tables.js'
import type { DoneStep, Offer } from './types.js'
import { isRecordId } from '../../db/record-id.js'

/** All the offer area's SQL (ADR 0007): its own two tables. */
export type Db = Kysely<Database> | Transaction<Database>

const toOffer = (row: Selectable<Offer2015OffersTable>): Offer => ({
  id: row.id,
  laCode: row.la_code,
  judgementId: row.judgement_id,
  publishedOn: row.published_on,
  openedOn: row.opened_on,
  seminarOn: row.seminar_on,
  planAcceptedOn: row.plan_accepted_on,
  progressOnsiteOn: row.progress_onsite_on,
  progressJudgement: row.progress_judgement,
  endedOn: row.ended_on,
  version: row.version,
})

/** Offers of these LAs (every LA when undefined), newest first. */
export async function offersOf(db: Db, laCodes?: readonly string[]): Promise<Offer[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db.selectFrom('offer_2015_offers').selectAll()
  if (laCodes) query = query.where('la_code', 'in', [...laCodes])
  return (await query.orderBy('published_on', 'desc').execute()).map(toOffer)
}

export async function findOffer(db: Db, id: string, lock = false): Promise<Offer | undefined> {
  if (!isRecordId(id)) return undefined
  let query = db.selectFrom('offer_2015_offers').selectAll().where('id', '=', id)
  if (lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row ? toOffer(row) : undefined
}

export async function stepsOfOffers(db: Db, offerIds: readonly string[]): Promise<(DoneStep & { offerId: string })[]> {
  if (offerIds.length === 0) return []
  const rows = await db
    .selectFrom('offer_2015_steps')
    .select(['offer_id', 'step', 'done_on', 'note', 'detail'])
    .where('offer_id', 'in', [...offerIds])
    .orderBy('done_on')
    .execute()
  return rows.map((row) => ({
    offerId: row.offer_id,
    step: row.step,
    doneOn: row.done_on,
    note: row.note,
    detail: row.detail,
  }))
}

export async function insertOffer(
  db: Db,
  value: { laCode: string; judgementId: string; publishedOn: string; openedOn: string; openedBy: string },
): Promise<string> {
  const { id } = await db
    .insertInto('offer_2015_offers')
    .values({
      la_code: value.laCode,
      judgement_id: value.judgementId,
      published_on: value.publishedOn,
      opened_on: value.openedOn,
      opened_by: value.openedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The changes an offer takes; each given key is written, the version moves on. */
export interface OfferChanges {
  seminarOn?: string | null
  planAcceptedOn?: string | null
  progressOnsiteOn?: string | null
  progressJudgement?: Offer['progressJudgement']
  endedOn?: string | null
}

export async function updateOffer(db: Db, id: string, changes: OfferChanges): Promise<void> {
  await db
    .updateTable('offer_2015_offers')
    .set((eb) => ({
      ...(changes.seminarOn !== undefined ? { seminar_on: changes.seminarOn } : {}),
      ...(changes.planAcceptedOn !== undefined ? { plan_accepted_on: changes.planAcceptedOn } : {}),
      ...(changes.progressOnsiteOn !== undefined ? { progress_onsite_on: changes.progressOnsiteOn } : {}),
      ...(changes.progressJudgement !== undefined ? { progress_judgement: changes.progressJudgement } : {}),
      ...(changes.endedOn !== undefined ? { ended_on: changes.endedOn } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

/** Record a step as done, or record it again (a later date or detail replaces the earlier; the audit keeps both). */
export async function saveStep(
  db: Db,
  value: { offerId: string; step: string; doneOn: string; note: string; detail: Record<string, unknown>; by: string },
): Promise<void> {
  await db
    .insertInto('offer_2015_steps')
    .values({
      offer_id: value.offerId,
      step: value.step,
      done_on: value.doneOn,
      note: value.note,
      detail: JSON.stringify(value.detail),
      recorded_by: value.by,
    })
    .onConflict((oc) =>
      oc.columns(['offer_id', 'step']).doUpdateSet({
        done_on: value.doneOn,
        note: value.note,
        detail: JSON.stringify(value.detail),
        recorded_by: value.by,
        recorded_at: new Date(),
      }),
    )
    .execute()
}

/** The offers a person has recorded a step of: the ones they work on (an HMI's visits and reviews). */
export async function offerIdsWorkedOnBy(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('offer_2015_steps')
    .select('offer_id')
    .distinct()
    .where('recorded_by', '=', userId)
    .execute()
  return new Set(rows.map((row) => row.offer_id))
}
