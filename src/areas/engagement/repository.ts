import type { Kysely, Selectable, Transaction } from 'kysely'
import type { EngagementMeetingsTable } from '../../db/intervention-tables.js'
import type { Database } from '../../db/tables.js'
import type { AgendaKey, EngagementMeeting, MeetingStatus, SelfEvaluation, StoredDocument } from './types.js'
import { isRecordId } from '../../db/record-id.js'

/** All the engagement area's SQL (ADR 0007): its own two tables. */
export type Db = Kysely<Database> | Transaction<Database>

function stored(
  name: string | null,
  hash: string | null,
  size: string | number | null,
  type: string | null,
): StoredDocument | null {
  return name && hash ? { name, hash, size: Number(size ?? 0), type: type ?? 'application/octet-stream' } : null
}

/** Self-evaluations of these LAs (every LA when undefined), newest first. */
export async function selfEvaluationsOf(db: Db, laCodes?: readonly string[]): Promise<SelfEvaluation[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db.selectFrom('self_evaluations').selectAll()
  if (laCodes) query = query.where('la_code', 'in', [...laCodes])
  const rows = await query.orderBy('shared_on', 'desc').orderBy('recorded_at', 'desc').execute()
  return rows.map((row) => ({
    id: row.id,
    laCode: row.la_code,
    sharedOn: row.shared_on,
    whatWeKnow: row.what_we_know,
    howWeKnow: row.how_we_know,
    plans: row.plans,
    document: stored(row.document_name, row.document_hash, row.document_size, row.document_type),
    actionPlan: stored(row.action_plan_name, row.action_plan_hash, row.action_plan_size, row.action_plan_type),
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertSelfEvaluation(
  trx: Db,
  value: Omit<SelfEvaluation, 'id' | 'recordedById' | 'recordedAt'> & { recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('self_evaluations')
    .values({
      la_code: value.laCode,
      shared_on: value.sharedOn,
      what_we_know: value.whatWeKnow,
      how_we_know: value.howWeKnow,
      plans: value.plans,
      document_name: value.document?.name ?? null,
      document_hash: value.document?.hash ?? null,
      document_size: value.document?.size ?? null,
      document_type: value.document?.type ?? null,
      action_plan_name: value.actionPlan?.name ?? null,
      action_plan_hash: value.actionPlan?.hash ?? null,
      action_plan_size: value.actionPlan?.size ?? null,
      action_plan_type: value.actionPlan?.type ?? null,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

const toMeeting = (row: Selectable<EngagementMeetingsTable>): EngagementMeeting => ({
  id: row.id,
  laCode: row.la_code,
  status: row.status,
  meetingOn: row.meeting_on,
  chairId: row.chair_id,
  jointWithEducation: row.joint_with_education,
  ofstedAttendees: row.ofsted_attendees,
  laAttendees: row.la_attendees,
  agendaItems: row.agenda_items ?? [],
  otherItems: row.other_items,
  agendaAgreedOn: row.agenda_agreed_on,
  discussion: row.discussion,
  letterSentOn: row.letter_sent_on,
  letterFocusedVisitScope: row.letter_focused_visit_scope,
  letterNextTiming: row.letter_next_timing,
  letterNextSteps: row.letter_next_steps,
  version: row.version,
})

/** Meetings of these LAs (every LA when undefined), newest first. */
export async function meetingsOf(db: Db, laCodes?: readonly string[]): Promise<EngagementMeeting[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db.selectFrom('engagement_meetings').selectAll()
  if (laCodes) query = query.where('la_code', 'in', [...laCodes])
  return (await query.orderBy('meeting_on', 'desc').execute()).map(toMeeting)
}

export async function findMeeting(db: Db, id: string, lock = false): Promise<EngagementMeeting | undefined> {
  if (!isRecordId(id)) return undefined
  let query = db.selectFrom('engagement_meetings').selectAll().where('id', '=', id)
  if (lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row ? toMeeting(row) : undefined
}

export async function insertMeeting(
  trx: Db,
  value: {
    laCode: string
    meetingOn: string
    chairId: string
    jointWithEducation: boolean
    ofstedAttendees: string
    laAttendees: string
    recordedBy: string
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('engagement_meetings')
    .values({
      la_code: value.laCode,
      status: 'scheduled',
      meeting_on: value.meetingOn,
      chair_id: value.chairId,
      joint_with_education: value.jointWithEducation,
      ofsted_attendees: value.ofstedAttendees,
      la_attendees: value.laAttendees,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateMeeting(
  trx: Db,
  id: string,
  changes: Partial<{
    status: MeetingStatus
    agendaItems: readonly AgendaKey[]
    otherItems: string
    agendaAgreedOn: string
    ofstedAttendees: string
    laAttendees: string
    discussion: string
    letterSentOn: string
    letterFocusedVisitScope: string
    letterNextTiming: string
    letterNextSteps: string
  }>,
): Promise<void> {
  await trx
    .updateTable('engagement_meetings')
    .set((eb) => ({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.agendaItems ? { agenda_items: JSON.stringify(changes.agendaItems) } : {}),
      ...(changes.otherItems !== undefined ? { other_items: changes.otherItems } : {}),
      ...(changes.agendaAgreedOn ? { agenda_agreed_on: changes.agendaAgreedOn } : {}),
      ...(changes.ofstedAttendees !== undefined ? { ofsted_attendees: changes.ofstedAttendees } : {}),
      ...(changes.laAttendees !== undefined ? { la_attendees: changes.laAttendees } : {}),
      ...(changes.discussion !== undefined ? { discussion: changes.discussion } : {}),
      ...(changes.letterSentOn ? { letter_sent_on: changes.letterSentOn } : {}),
      ...(changes.letterFocusedVisitScope !== undefined
        ? { letter_focused_visit_scope: changes.letterFocusedVisitScope }
        : {}),
      ...(changes.letterNextTiming !== undefined ? { letter_next_timing: changes.letterNextTiming } : {}),
      ...(changes.letterNextSteps !== undefined ? { letter_next_steps: changes.letterNextSteps } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}
