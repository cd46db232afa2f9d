import type { Kysely, Transaction, Updateable } from 'kysely'
import type { CasesOfConcernTable, FurtherInformationRequestsTable } from '../../db/evidence-tables.js'
import type { Database } from '../../db/tables.js'
import type { Significance, SourceType } from './fieldwork.js'

type Db = Kysely<Database> | Transaction<Database>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True when `id` could be a record id (so a malformed URL is a 404, not a database error). */
export function isRecordId(id: string): boolean {
  return UUID.test(id)
}

// ── Evidence entries (002#181-192) ──────────────────────────────────────────────────────────

export interface EvidenceEntryRecord {
  readonly id: string
  readonly activityId: string
  readonly headingId: string
  readonly sourceType: string
  readonly sourceDetail: string | null
  readonly collectedOn: string
  readonly collectedTime: string
  readonly evaluativeStatement: string
  readonly evidenceSummary: string
  readonly impact: string
  readonly significance: string
  readonly teamAgreed: boolean
  readonly namesConfirmed: number
  readonly authorId: string
  readonly authorName: string
  readonly createdAt: Date
  readonly caseIds: readonly string[]
}

export interface NewEvidenceEntry {
  readonly activityId: string
  readonly headingId: string
  readonly sourceType: SourceType
  readonly sourceDetail: string | null
  readonly collectedOn: string
  readonly collectedTime: string
  readonly evaluativeStatement: string
  readonly evidenceSummary: string
  readonly impact: string
  readonly significance: Significance
  readonly teamAgreed: boolean
  readonly namesConfirmed: number
  readonly authorId: string
  readonly caseIds: readonly string[]
  readonly at: Date
}

export async function insertEntry(trx: Db, entry: NewEvidenceEntry): Promise<string> {
  const { id } = await trx
    .insertInto('evidence_entries')
    .values({
      activity_id: entry.activityId,
      heading_id: entry.headingId,
      source_type: entry.sourceType,
      source_detail: entry.sourceDetail,
      collected_on: entry.collectedOn,
      collected_time: entry.collectedTime,
      evaluative_statement: entry.evaluativeStatement,
      evidence_summary: entry.evidenceSummary,
      impact: entry.impact,
      significance: entry.significance,
      team_agreed: entry.teamAgreed,
      names_confirmed: entry.namesConfirmed,
      author_id: entry.authorId,
      created_at: entry.at,
      updated_at: entry.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (entry.caseIds.length > 0)
    await trx
      .insertInto('evidence_case_links')
      .values(entry.caseIds.map((case_id) => ({ entry_id: id, case_id })))
      .execute()
  return id
}

export interface EntryFilter {
  readonly headingId?: string | undefined
  readonly authorId?: string | undefined
}

/** An activity's entries, newest evidence first within each heading's order of the seed. */
export async function entriesOf(db: Db, activityId: string, filter: EntryFilter = {}): Promise<EvidenceEntryRecord[]> {
  let query = db
    .selectFrom('evidence_entries as e')
    .innerJoin('users as u', 'u.id', 'e.author_id')
    .selectAll('e')
    .select('u.display_name as author_name')
    .where('e.activity_id', '=', activityId)
  if (filter.headingId) query = query.where('e.heading_id', '=', filter.headingId)
  if (filter.authorId && isRecordId(filter.authorId)) query = query.where('e.author_id', '=', filter.authorId)
  const rows = await query
    .orderBy('e.collected_on', 'desc')
    .orderBy('e.collected_time', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute()
  const links =
    rows.length === 0
      ? []
      : await db
          .selectFrom('evidence_case_links')
          .selectAll()
          .where(
            'entry_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('case_id')
          .execute()
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    headingId: row.heading_id,
    sourceType: row.source_type,
    sourceDetail: row.source_detail,
    collectedOn: row.collected_on,
    collectedTime: row.collected_time,
    evaluativeStatement: row.evaluative_statement,
    evidenceSummary: row.evidence_summary,
    impact: row.impact,
    significance: row.significance,
    teamAgreed: row.team_agreed,
    namesConfirmed: row.names_confirmed,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: new Date(row.created_at),
    caseIds: links.filter((link) => link.entry_id === row.id).map((link) => link.case_id),
  }))
}

/** How many entries each heading has, and each author: for coverage and the filters. */
export async function entryCounts(
  db: Db,
  activityId: string,
): Promise<{ byHeading: Map<string, number>; authors: Array<{ id: string; name: string; count: number }> }> {
  const [headings, authors] = await Promise.all([
    db
      .selectFrom('evidence_entries')
      .select(['heading_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('activity_id', '=', activityId)
      .groupBy('heading_id')
      .execute(),
    db
      .selectFrom('evidence_entries as e')
      .innerJoin('users as u', 'u.id', 'e.author_id')
      .select(['u.id', 'u.display_name', (eb) => eb.fn.countAll<string>().as('count')])
      .where('e.activity_id', '=', activityId)
      .groupBy(['u.id', 'u.display_name'])
      .orderBy('u.display_name')
      .execute(),
  ])
  return {
    byHeading: new Map(headings.map((row) => [row.heading_id, Number(row.count)])),
    authors: authors.map((row) => ({ id: row.id, name: row.display_name, count: Number(row.count) })),
  }
}

/** When the last entry and the last QA note were written: what awaits the QA manager's review (002#190). */
export async function reviewState(db: Db, activityId: string): Promise<{ entriesSinceQa: number }> {
  const lastNote = await db
    .selectFrom('evidence_qa_notes')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  let query = db
    .selectFrom('evidence_entries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('activity_id', '=', activityId)
  if (lastNote?.at) query = query.where('created_at', '>', lastNote.at)
  const row = await query.executeTakeFirstOrThrow()
  return { entriesSinceQa: Number(row.count) }
}

export async function entryBelongsTo(db: Db, entryId: string, activityId: string): Promise<boolean> {
  if (!isRecordId(entryId)) return false
  const row = await db
    .selectFrom('evidence_entries')
    .select('id')
    .where('id', '=', entryId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  return row !== undefined
}

// ── QA manager notes (002#190) ───────────────────────────────────────────────────────────────

export interface QaNote {
  readonly id: string
  readonly activityId: string
  readonly entryId: string | null
  readonly note: string
  readonly authorName: string
  readonly createdAt: Date
  readonly resolution: string | null
  readonly resolvedByName: string | null
  readonly resolvedAt: Date | null
}

export async function qaNotesOf(db: Db, activityId: string): Promise<QaNote[]> {
  const rows = await db
    .selectFrom('evidence_qa_notes as n')
    .innerJoin('users as a', 'a.id', 'n.author_id')
    .leftJoin('users as r', 'r.id', 'n.resolved_by')
    .selectAll('n')
    .select(['a.display_name as author_name', 'r.display_name as resolved_by_name'])
    .where('n.activity_id', '=', activityId)
    .orderBy('n.created_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    activityId: row.activity_id,
    entryId: row.entry_id,
    note: row.note,
    authorName: row.author_name,
    createdAt: new Date(row.created_at),
    resolution: row.resolution,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
  }))
}

export async function findQaNote(
  db: Db,
  id: string,
): Promise<{ id: string; activityId: string; resolvedAt: Date | null } | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await db
    .selectFrom('evidence_qa_notes')
    .select(['id', 'activity_id', 'resolved_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row
    ? { id: row.id, activityId: row.activity_id, resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null }
    : undefined
}

export async function insertQaNote(
  trx: Db,
  note: { activityId: string; entryId: string | null; note: string; authorId: string; at: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('evidence_qa_notes')
    .values({
      activity_id: note.activityId,
      entry_id: note.entryId,
      note: note.note,
      author_id: note.authorId,
      created_at: note.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Resolve an open note; false when someone resolved it first. */
export async function resolveQaNote(
  trx: Db,
  id: string,
  resolution: { text: string; by: string; at: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('evidence_qa_notes')
    .set({ resolution: resolution.text, resolved_by: resolution.by, resolved_at: resolution.at })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// ── Keep-in-touch meetings (002#173-175) ─────────────────────────────────────────────────────

export interface KitMeeting {
  readonly id: string
  readonly meetingOn: string
  readonly attendeeRoles: readonly string[]
  readonly otherAttendees: string | null
  readonly dcsDeclined: boolean
  readonly findingsShared: string
  readonly dcsClear: boolean
  readonly noSurprises: boolean
  readonly recordedByName: string
  readonly recordedAt: Date
}

export async function kitMeetingsOf(db: Db, activityId: string): Promise<KitMeeting[]> {
  const rows = await db
    .selectFrom('keep_in_touch_meetings as k')
    .innerJoin('users as u', 'u.id', 'k.recorded_by')
    .selectAll('k')
    .select('u.display_name')
    .where('k.activity_id', '=', activityId)
    .orderBy('k.meeting_on')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    meetingOn: row.meeting_on,
    attendeeRoles: row.attendee_roles ?? [],
    otherAttendees: row.other_attendees,
    dcsDeclined: row.dcs_declined,
    findingsShared: row.findings_shared,
    dcsClear: row.dcs_clear,
    noSurprises: row.no_surprises,
    recordedByName: row.display_name,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertKitMeeting(
  trx: Db,
  meeting: {
    activityId: string
    meetingOn: string
    attendeeRoles: readonly string[]
    otherAttendees: string | null
    dcsDeclined: boolean
    findingsShared: string
    dcsClear: boolean
    noSurprises: boolean
    recordedBy: string
    at: Date
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('keep_in_touch_meetings')
    .values({
      activity_id: meeting.activityId,
      meeting_on: meeting.meetingOn,
      attendee_roles: JSON.stringify(meeting.attendeeRoles),
      other_attendees: meeting.otherAttendees,
      dcs_declined: meeting.dcsDeclined,
      findings_shared: meeting.findingsShared,
      dcs_clear: meeting.dcsClear,
      no_surprises: meeting.noSurprises,
      recorded_by: meeting.recordedBy,
      recorded_at: meeting.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

// ── Numbering and locking ─────────────────────────────────────────────────────────────────────

/** Lock the activity row so two requests raised at once get different numbers. */
export async function lockForNumbering(
  trx: Transaction<Database>,
  activityId: string,
  table: 'further_information_requests' | 'cases_of_concern',
): Promise<number> {
  await trx.selectFrom('activities').select('id').where('id', '=', activityId).forUpdate().executeTakeFirstOrThrow()
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('number').as('last'))
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

// ── Requests for further information (002 Annex B, #167, #244) ───────────────────────────────

export type RfiStatus = 'awaiting-lead' | 'declined' | 'requested' | 'answered' | 'accepted' | 'not-accepted'

export interface FurtherInformationRequest {
  readonly id: string
  readonly activityId: string
  readonly number: number
  readonly status: RfiStatus
  readonly requestedById: string
  readonly requestedByName: string
  readonly raisedAt: Date
  readonly requestType: 'document' | 'information'
  readonly caseId: string | null
  readonly reason: string
  readonly dateRequested: string | null
  readonly dateResponseRequired: string | null
  readonly dateReceived: string | null
  readonly response: string | null
  readonly answeredByName: string | null
  readonly decisionNote: string | null
  readonly decidedByName: string | null
  readonly version: number
}

function rfiQuery(db: Db) {
  return db
    .selectFrom('further_information_requests as r')
    .innerJoin('users as q', 'q.id', 'r.requested_by')
    .leftJoin('users as a', 'a.id', 'r.answered_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select([
      'q.display_name as requested_by_name',
      'a.display_name as answered_by_name',
      'd.display_name as decided_by_name',
    ])
}

type RfiRow = Awaited<ReturnType<ReturnType<typeof rfiQuery>['executeTakeFirstOrThrow']>>

function toRfi(row: RfiRow): FurtherInformationRequest {
  return {
    id: row.id,
    activityId: row.activity_id,
    number: row.number,
    status: row.status,
    requestedById: row.requested_by,
    requestedByName: row.requested_by_name,
    raisedAt: new Date(row.raised_at),
    requestType: row.request_type,
    caseId: row.case_id,
    reason: row.reason,
    dateRequested: row.date_requested,
    dateResponseRequired: row.date_response_required,
    dateReceived: row.date_received,
    response: row.response,
    answeredByName: row.answered_by_name,
    decisionNote: row.decision_note,
    decidedByName: row.decided_by_name,
    version: row.version,
  }
}

export async function rfisOf(db: Db, activityId: string): Promise<FurtherInformationRequest[]> {
  return (await rfiQuery(db).where('r.activity_id', '=', activityId).orderBy('r.number').execute()).map(toRfi)
}

export async function findRfi(db: Db, id: string): Promise<FurtherInformationRequest | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await rfiQuery(db).where('r.id', '=', id).executeTakeFirst()
  return row ? toRfi(row) : undefined
}

export async function insertRfi(
  trx: Db,
  rfi: {
    activityId: string
    number: number
    status: RfiStatus
    requestedBy: string
    requestType: FurtherInformationRequest['requestType']
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

type RfiChanges = Pick<
  Updateable<FurtherInformationRequestsTable>,
  | 'status'
  | 'date_requested'
  | 'date_response_required'
  | 'agreed_by'
  | 'date_received'
  | 'response'
  | 'answered_by'
  | 'decision_note'
  | 'decided_by'
  | 'decided_at'
>

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

// ── Cases of concern (000 Annex C, 001#36, 002#136) ──────────────────────────────────────────

export type ConcernStatus = 'with-lead' | 'escalated' | 'responded' | 'concluded'

export interface CaseOfConcern {
  readonly id: string
  readonly activityId: string
  readonly number: number
  readonly status: ConcernStatus
  readonly caseId: string
  readonly teamLocation: string
  readonly issues: string
  readonly significance: string
  readonly discussedWith: string
  readonly raisedByName: string
  readonly raisedAt: Date
  readonly formalNote: string | null
  readonly responseDue: string | null
  readonly escalatedAt: Date | null
  readonly laResponse: string | null
  readonly respondedByName: string | null
  readonly respondedAt: Date | null
  readonly findings: string | null
  readonly findingsAt: Date | null
  readonly version: number
}

function concernQuery(db: Db) {
  return db
    .selectFrom('cases_of_concern as c')
    .innerJoin('users as r', 'r.id', 'c.raised_by')
    .leftJoin('users as l', 'l.id', 'c.responded_by')
    .selectAll('c')
    .select(['r.display_name as raised_by_name', 'l.display_name as responded_by_name'])
}

type ConcernRow = Awaited<ReturnType<ReturnType<typeof concernQuery>['executeTakeFirstOrThrow']>>

function toConcern(row: ConcernRow): CaseOfConcern {
  return {
    id: row.id,
    activityId: row.activity_id,
    number: row.number,
    status: row.status,
    caseId: row.case_id,
    teamLocation: row.team_location,
    issues: row.issues,
    significance: row.significance,
    discussedWith: row.discussed_with,
    raisedByName: row.raised_by_name,
    raisedAt: new Date(row.raised_at),
    formalNote: row.formal_note,
    responseDue: row.response_due,
    escalatedAt: row.escalated_at ? new Date(row.escalated_at) : null,
    laResponse: row.la_response,
    respondedByName: row.responded_by_name,
    respondedAt: row.responded_at ? new Date(row.responded_at) : null,
    findings: row.findings,
    findingsAt: row.findings_at ? new Date(row.findings_at) : null,
    version: row.version,
  }
}

export async function concernsOf(db: Db, activityId: string): Promise<CaseOfConcern[]> {
  return (await concernQuery(db).where('c.activity_id', '=', activityId).orderBy('c.number').execute()).map(toConcern)
}

export async function findConcern(db: Db, id: string): Promise<CaseOfConcern | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await concernQuery(db).where('c.id', '=', id).executeTakeFirst()
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

type ConcernChanges = Pick<
  Updateable<CasesOfConcernTable>,
  | 'status'
  | 'formal_note'
  | 'response_due'
  | 'escalated_by'
  | 'escalated_at'
  | 'la_response'
  | 'responded_by'
  | 'responded_at'
  | 'findings'
  | 'findings_by'
  | 'findings_at'
>

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
