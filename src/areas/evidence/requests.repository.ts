import { isRecordId } from '../../db/record-id.js'
import type { Db } from './repository.js'
import type { FurtherInformationRequest, RfiStatus } from './types.js'

/** The record of requests for further information (002 Annex B, #167, #244). */

/** A request as stored: people by id only (the service adds their names). */
export type StoredRequest = Omit<FurtherInformationRequest, 'requestedByName' | 'answeredByName' | 'decidedByName'> & {
  readonly answeredById: string | null
  readonly decidedById: string | null
}

function rfiQuery(db: Db) {
  return db.selectFrom('further_information_requests').selectAll()
}

type RfiRow = Awaited<ReturnType<ReturnType<typeof rfiQuery>['executeTakeFirstOrThrow']>>

function toRfi(row: RfiRow): StoredRequest {
  return {
    id: row.id,
    activityId: row.activity_id,
    number: row.number,
    status: row.status as RfiStatus,
    requestedById: row.requested_by,
    raisedAt: new Date(row.raised_at),
    requestType: row.request_type === 'document' ? 'document' : 'information',
    caseId: row.case_id,
    reason: row.reason,
    dateRequested: row.date_requested,
    dateResponseRequired: row.date_response_required,
    dateReceived: row.date_received,
    response: row.response,
    answeredById: row.answered_by,
    decisionNote: row.decision_note,
    decidedById: row.decided_by,
    version: row.version,
  }
}

export async function rfisOf(db: Db, activityId: string): Promise<StoredRequest[]> {
  return (await rfiQuery(db).where('activity_id', '=', activityId).orderBy('number').execute()).map(toRfi)
}

export async function findRfi(db: Db, id: string): Promise<StoredRequest | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await rfiQuery(db).where('id', '=', id).executeTakeFirst()
  return row ? toRfi(row) : undefined
}

export async function insertRfi(
  trx: Db,
  rfi: {
    activityId: string
    number: number
    status: RfiStatus
    requestedBy: string
    requestType: 'document' | 'information'
    caseId: string | null
    reason: string
    dateRequested: string | null
    dateResponseRequired: string | null
    agreedBy: string | null
    at: Date
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('further_information_requests')
    .values({
      activity_id: rfi.activityId,
      number: rfi.number,
      status: rfi.status,
      requested_by: rfi.requestedBy,
      request_type: rfi.requestType,
      case_id: rfi.caseId,
      reason: rfi.reason,
      date_requested: rfi.dateRequested,
      date_response_required: rfi.dateResponseRequired,
      agreed_by: rfi.agreedBy,
      raised_at: rfi.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

type RfiChanges = Partial<{
  status: RfiStatus
  date_requested: string | null
  date_response_required: string | null
  agreed_by: string | null
  date_received: string | null
  response: string | null
  answered_by: string | null
  decision_note: string | null
  decided_by: string | null
  decided_at: Date | null
}>

/** Apply a change made from version `version`; false when the record changed since (or moved on). */
export async function updateRfi(
  trx: Db,
  id: string,
  from: { version: number; status: RfiStatus },
  changes: RfiChanges,
): Promise<boolean> {
  const result = await trx
    .updateTable('further_information_requests')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', from.version)
    .where('status', '=', from.status)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
