import { isRecordId } from '../../db/record-id.js'
import type { Db } from './repository.js'
import type { CaseOfConcern, ConcernStatus } from './types.js'

/** The record of cases of concern (000 Annex C, 001#36, 002#136). */

/** A case of concern as stored: people by id only (the service adds their names). */
export type StoredConcern = Omit<CaseOfConcern, 'raisedByName' | 'respondedByName'> & {
  readonly raisedById: string
  readonly respondedById: string | null
}

function concernQuery(db: Db) {
  return db.selectFrom('cases_of_concern').selectAll()
}

type ConcernRow = Awaited<ReturnType<ReturnType<typeof concernQuery>['executeTakeFirstOrThrow']>>

function toConcern(row: ConcernRow): StoredConcern {
  return {
    id: row.id,
    activityId: row.activity_id,
    number: row.number,
    status: row.status as ConcernStatus,
    caseId: row.case_id,
    teamLocation: row.team_location,
    issues: row.issues,
    significance: row.significance,
    discussedWith: row.discussed_with,
    raisedById: row.raised_by,
    raisedAt: new Date(row.raised_at),
    formalNote: row.formal_note,
    responseDue: row.response_due,
    escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
    laResponse: row.la_response,
    respondedById: row.responded_by,
    respondedAt: row.responded_at ? new Date(row.responded_at) : null,
    findings: row.findings,
    findingsAt: row.findings_at ? new Date(row.findings_at) : null,
    version: row.version,
  }
}

export async function concernsOf(db: Db, activityId: string): Promise<StoredConcern[]> {
  return (await concernQuery(db).where('activity_id', '=', activityId).orderBy('number').execute()).map(toConcern)
}

export async function findConcern(db: Db, id: string): Promise<StoredConcern | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await concernQuery(db).where('id', '=', id).executeTakeFirst()
  return row ? toConcern(row) : undefined
}

export async function insertConcern(
  trx: Db,
  concern: {
    activityId: string
    number: number
    caseId: string
    teamLocation: string
    issues: string
    significance: string
    discussedWith: string
    raisedBy: string
    at: Date
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('cases_of_concern')
    .values({
      activity_id: concern.activityId,
      number: concern.number,
      status: 'with-lead',
      case_id: concern.caseId,
      team_location: concern.teamLocation,
      issues: concern.issues,
      significance: concern.significance,
      discussed_with: concern.discussedWith,
      raised_by: concern.raisedBy,
      raised_at: concern.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

type ConcernChanges = Partial<{
  status: ConcernStatus
  formal_note: string
  response_due: string
  escalated_by: string
  escalated_at: Date
  la_response: string
  responded_by: string
  responded_at: Date
  findings: string
  findings_by: string
  findings_at: Date
}>

/** Apply a change made from version `version`; false when the record changed since (or moved on). */
export async function updateConcern(
  trx: Db,
  id: string,
  from: { version: number; status: ConcernStatus },
  changes: ConcernChanges,
): Promise<boolean> {
  const result = await trx
    .updateTable('cases_of_concern')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', from.version)
    .where('status', '=', from.status)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
