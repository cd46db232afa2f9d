import type { Offer2015CaseSource } from '../../db/offer-2015-tables.js'
import { isRecordId } from '../../db/record-id.js'
import type { Db } from './repository.js'
import type { OfferCase, OfferConcern } from './types.js'

/**
 * The offer's inspectors, and its progress inspection's cases and cases of concern (000 Annex H,
 * H/C; ADR 0007): child IDs are read here only for the service, which audits every read.
 */

/** The inspectors named for each of these offers. */
export async function inspectorsOf(db: Db, offerIds: readonly string[]): Promise<Map<string, string[]>> {
  const byOffer = new Map<string, string[]>()
  if (offerIds.length === 0) return byOffer
  const rows = await db
    .selectFrom('offer_2015_inspectors')
    .select(['offer_id', 'user_id'])
    .where('offer_id', 'in', [...offerIds])
    .orderBy('named_at')
    .execute()
  for (const row of rows) byOffer.set(row.offer_id, [...(byOffer.get(row.offer_id) ?? []), row.user_id])
  return byOffer
}

/** The offers a person is named on. */
export async function offerIdsNaming(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('offer_2015_inspectors').select('offer_id').where('user_id', '=', userId).execute()
  return new Set(rows.map((row) => row.offer_id))
}

/** Name exactly these inspectors for the offer (the others named before are no longer). */
export async function setInspectors(db: Db, offerId: string, userIds: readonly string[], by: string): Promise<void> {
  let removal = db.deleteFrom('offer_2015_inspectors').where('offer_id', '=', offerId)
  if (userIds.length > 0) removal = removal.where('user_id', 'not in', [...userIds])
  await removal.execute()
  if (userIds.length === 0) return
  await db
    .insertInto('offer_2015_inspectors')
    .values(userIds.map((user_id) => ({ offer_id: offerId, user_id, named_by: by })))
    .onConflict((oc) => oc.columns(['offer_id', 'user_id']).doNothing())
    .execute()
}

export async function casesOf(db: Db, offerId: string): Promise<OfferCase[]> {
  const rows = await db
    .selectFrom('offer_2015_cases')
    .selectAll()
    .where('offer_id', '=', offerId)
    .orderBy('added_at')
    .orderBy('child_id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    childId: row.child_id,
    source: row.source,
    cse: row.cse,
    laAudit: row.la_audit,
    standardsEvident: row.standards_evident,
    riskManaged: row.risk_managed,
  }))
}

export async function insertCases(
  db: Db,
  offerId: string,
  childIds: readonly string[],
  value: { source: Offer2015CaseSource; cse: boolean; laAudit: boolean; by: string },
): Promise<void> {
  await db
    .insertInto('offer_2015_cases')
    .values(
      childIds.map((child_id) => ({
        offer_id: offerId,
        child_id,
        source: value.source,
        cse: value.cse,
        la_audit: value.laAudit,
        added_by: value.by,
      })),
    )
    .onConflict((oc) => oc.columns(['offer_id', 'child_id']).doNothing())
    .execute()
}

export async function updateCase(
  db: Db,
  offerId: string,
  caseId: string,
  changes: { cse: boolean; laAudit: boolean; standardsEvident: boolean | null; riskManaged: boolean | null },
): Promise<boolean> {
  if (!isRecordId(caseId)) return false
  const result = await db
    .updateTable('offer_2015_cases')
    .set({
      cse: changes.cse,
      la_audit: changes.laAudit,
      standards_evident: changes.standardsEvident,
      risk_managed: changes.riskManaged,
    })
    .where('offer_id', '=', offerId)
    .where('id', '=', caseId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteCase(db: Db, offerId: string, caseId: string): Promise<boolean> {
  if (!isRecordId(caseId)) return false
  const result = await db
    .deleteFrom('offer_2015_cases')
    .where('offer_id', '=', offerId)
    .where('id', '=', caseId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function concernsOf(db: Db, offerId: string): Promise<OfferConcern[]> {
  const rows = await db
    .selectFrom('offer_2015_concerns')
    .selectAll()
    .where('offer_id', '=', offerId)
    .orderBy('number')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    childId: row.child_id,
    teamLocation: row.team_location,
    issues: row.issues,
    responseDue: row.response_due,
    response: row.response,
    respondedOn: row.responded_on,
  }))
}

export async function insertConcern(
  db: Db,
  offerId: string,
  value: { childId: string; teamLocation: string; issues: string; responseDue: string; by: string },
): Promise<number> {
  const last = await db
    .selectFrom('offer_2015_concerns')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('offer_id', '=', offerId)
    .executeTakeFirst()
  const number = Number(last?.n ?? 0) + 1
  await db
    .insertInto('offer_2015_concerns')
    .values({
      offer_id: offerId,
      number,
      child_id: value.childId,
      team_location: value.teamLocation,
      issues: value.issues,
      response_due: value.responseDue,
      raised_by: value.by,
    })
    .execute()
  return number
}

export async function recordConcernResponse(
  db: Db,
  offerId: string,
  concernId: string,
  value: { response: string; respondedOn: string },
): Promise<boolean> {
  if (!isRecordId(concernId)) return false
  const result = await db
    .updateTable('offer_2015_concerns')
    .set({ response: value.response, responded_on: value.respondedOn })
    .where('offer_id', '=', offerId)
    .where('id', '=', concernId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
