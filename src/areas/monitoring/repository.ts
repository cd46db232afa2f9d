import { readOncePerRequest } from '../../db/request-scope.js'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { MonitoringProgrammesTable } from '../../db/monitoring-tables.js'
import type { Database } from '../../db/tables.js'
import type {
  ActionPlan,
  Declined,
  PlanReview,
  Programme,
  ProgressEntry,
  Recommendation,
  ReinspectionDecision,
  StoredDocument,
} from './types.js'
import { isRecordId } from '../../db/record-id.js'

/** All the monitoring area's SQL (ADR 0007): its own five tables. */
export type Db = Kysely<Database> | Transaction<Database>

const toProgramme = (row: Selectable<MonitoringProgrammesTable>): Programme => ({
  id: row.id,
  laCode: row.la_code,
  judgementId: row.judgement_id,
  setNumber: row.set_number,
  openedOn: row.opened_on,
  dates: {
    'pre-publication': row.pre_publication_received_on,
    'final-report': row.final_report_received_on,
    publication: row.published_on,
  },
  letterCopies: row.letter_copies,
  letterSentOn: row.letter_sent_on,
  planningVisitOn: row.planning_visit_on,
  agendaCirculatedOn: row.agenda_circulated_on,
  record: { attendees: row.record_attendees, discussion: row.record_discussion, planning: row.record_planning },
  recordSentOn: row.record_sent_on,
  decision:
    row.decision_on && row.decision_kind
      ? {
          decidedOn: row.decision_on,
          kind: row.decision_kind,
          inputs: row.decision_inputs ?? [],
          reasons: row.decision_reasons,
          laToldOn: row.la_told_on,
          decidedById: row.decided_by,
        }
      : null,
  declined: row.declined_on
    ? {
        declinedOn: row.declined_on,
        said: row.declined_said,
        persuasion: row.declined_persuasion,
        acceptedOn: row.accepted_on,
      }
    : null,
  leadInspectorId: row.lead_inspector_id,
  closedOn: row.closed_on,
  version: row.version,
})

/** Programmes of these LAs (every LA when undefined), newest first. */
export async function programmesOf(db: Db, laCodes?: readonly string[]): Promise<Programme[]> {
  if (laCodes && laCodes.length === 0) return []
  // Read once per request: the home page asks from the director's and the programme's tasks (ADR 0019).
  const key = `monitoring.programmesOf:${laCodes ? [...laCodes].sort().join(',') : '*'}`
  return readOncePerRequest(db, key, async () => {
    let query = db.selectFrom('monitoring_programmes').selectAll()
    if (laCodes) query = query.where('la_code', 'in', [...laCodes])
    const rows = await query.orderBy('opened_on', 'desc').orderBy('set_number', 'desc').execute()
    return rows.map(toProgramme)
  })
}

export async function findProgramme(db: Db, id: string, lock = false): Promise<Programme | undefined> {
  if (!isRecordId(id)) return undefined
  const read = async () => {
    let query = db.selectFrom('monitoring_programmes').selectAll().where('id', '=', id)
    if (lock) query = query.forUpdate()
    const row = await query.executeTakeFirst()
    return row ? toProgramme(row) : undefined
  }
  // A page asks for its programme three times (the route's target, the record, the forms): once
  // per request (ADR 0019). A locked read is always made afresh, in its transaction.
  return lock ? read() : readOncePerRequest(db, `monitoring.findProgramme:${id}`, read)
}

export async function insertProgramme(
  trx: Db,
  value: {
    laCode: string
    judgementId: string
    setNumber: number
    openedOn: string
    openedBy: string
    dates: Programme['dates']
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('monitoring_programmes')
    .values({
      la_code: value.laCode,
      judgement_id: value.judgementId,
      set_number: value.setNumber,
      opened_on: value.openedOn,
      opened_by: value.openedBy,
      pre_publication_received_on: value.dates['pre-publication'],
      final_report_received_on: value.dates['final-report'],
      published_on: value.dates.publication,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** The changes a programme takes; each given key is written, the version moves on. */
export interface ProgrammeChanges {
  dates?: Programme['dates']
  letterCopies?: Programme['letterCopies']
  letterSentOn?: string | null
  planningVisitOn?: string | null
  agendaCirculatedOn?: string | null
  record?: Programme['record']
  recordSentOn?: string | null
  decision?: ReinspectionDecision
  /** A decline (who recorded it), or its acceptance alone. */
  declined?: Declined & { declinedById: string }
  acceptedOn?: string
  leadInspectorId?: string | null
  closedOn?: string
}

export async function updateProgramme(trx: Db, id: string, changes: ProgrammeChanges): Promise<void> {
  const { dates, record, decision } = changes
  await trx
    .updateTable('monitoring_programmes')
    .set((eb) => ({
      ...(dates
        ? {
            pre_publication_received_on: dates['pre-publication'],
            final_report_received_on: dates['final-report'],
            published_on: dates.publication,
          }
        : {}),
      ...(changes.letterCopies !== undefined ? { letter_copies: changes.letterCopies } : {}),
      ...(changes.letterSentOn !== undefined ? { letter_sent_on: changes.letterSentOn } : {}),
      ...(changes.planningVisitOn !== undefined ? { planning_visit_on: changes.planningVisitOn } : {}),
      ...(changes.agendaCirculatedOn !== undefined ? { agenda_circulated_on: changes.agendaCirculatedOn } : {}),
      ...(record
        ? { record_attendees: record.attendees, record_discussion: record.discussion, record_planning: record.planning }
        : {}),
      ...(changes.recordSentOn !== undefined ? { record_sent_on: changes.recordSentOn } : {}),
      ...(decision
        ? {
            decision_on: decision.decidedOn,
            decision_kind: decision.kind,
            decision_inputs: JSON.stringify(decision.inputs),
            decision_reasons: decision.reasons,
            la_told_on: decision.laToldOn,
            decided_by: decision.decidedById,
          }
        : {}),
      ...(changes.declined
        ? {
            declined_on: changes.declined.declinedOn,
            declined_said: changes.declined.said,
            declined_persuasion: changes.declined.persuasion,
            declined_by: changes.declined.declinedById,
            accepted_on: changes.declined.acceptedOn,
          }
        : {}),
      ...(changes.acceptedOn ? { accepted_on: changes.acceptedOn } : {}),
      ...(changes.leadInspectorId !== undefined ? { lead_inspector_id: changes.leadInspectorId } : {}),
      ...(changes.closedOn ? { closed_on: changes.closedOn } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

export async function recommendationsOf(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return []
  const rows = await db
    .selectFrom('monitoring_recommendations')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('recorded_at')
    .orderBy('ref')
    .execute()
  return rows.map((row) => ({
    programmeId: row.programme_id,
    id: row.id,
    ref: row.ref,
    kind: row.kind,
    text: row.text,
  })) satisfies (Recommendation & { programmeId: string })[]
}

export async function insertRecommendation(
  trx: Db,
  value: { programmeId: string; ref: string; kind: Recommendation['kind']; text: string; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('monitoring_recommendations')
    .values({
      programme_id: value.programmeId,
      ref: value.ref,
      kind: value.kind,
      text: value.text,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function plansOf(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return []
  const rows = await db
    .selectFrom('monitoring_action_plans')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('version_number')
    .execute()
  return rows.map((row) => ({
    programmeId: row.programme_id,
    id: row.id,
    versionNumber: row.version_number,
    submittedOn: row.submitted_on,
    file:
      row.file_name && row.file_hash
        ? {
            name: row.file_name,
            hash: row.file_hash,
            size: Number(row.file_size ?? 0),
            type: row.file_type ?? 'application/octet-stream',
          }
        : null,
    actions: row.actions,
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  })) satisfies (ActionPlan & { programmeId: string })[]
}

export async function insertPlan(
  trx: Db,
  value: {
    programmeId: string
    submittedOn: string
    file: StoredDocument | null
    actions: ActionPlan['actions']
    recordedBy: string
  },
): Promise<{ id: string; versionNumber: number }> {
  const last = await trx
    .selectFrom('monitoring_action_plans')
    .select((eb) => eb.fn.max('version_number').as('last'))
    .where('programme_id', '=', value.programmeId)
    .executeTakeFirst()
  const versionNumber = Number(last?.last ?? 0) + 1
  const { id } = await trx
    .insertInto('monitoring_action_plans')
    .values({
      programme_id: value.programmeId,
      version_number: versionNumber,
      submitted_on: value.submittedOn,
      file_name: value.file?.name ?? null,
      file_hash: value.file?.hash ?? null,
      file_size: value.file?.size ?? null,
      file_type: value.file?.type ?? null,
      actions: JSON.stringify(value.actions),
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, versionNumber }
}

export async function reviewsOf(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return []
  const rows = await db
    .selectFrom('monitoring_plan_reviews')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    programmeId: row.programme_id,
    id: row.id,
    planId: row.plan_id,
    outcome: row.outcome,
    letterSentOn: row.letter_sent_on,
    differences: row.differences,
    discussedOn: row.discussed_on,
    recordedAt: new Date(row.recorded_at),
  })) satisfies (PlanReview & { programmeId: string })[]
}

export async function insertReview(
  trx: Db,
  value: Omit<PlanReview, 'id' | 'recordedAt'> & { programmeId: string; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('monitoring_plan_reviews')
    .values({
      programme_id: value.programmeId,
      plan_id: value.planId,
      outcome: value.outcome,
      letter_sent_on: value.letterSentOn,
      differences: value.differences,
      discussed_on: value.discussedOn,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function progressOf(db: Db, programmeIds: readonly string[]) {
  if (programmeIds.length === 0) return []
  const rows = await db
    .selectFrom('monitoring_progress')
    .selectAll()
    .where('programme_id', 'in', [...programmeIds])
    .orderBy('assessed_on')
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    programmeId: row.programme_id,
    id: row.id,
    recommendationId: row.recommendation_id,
    activityId: row.activity_id,
    assessedOn: row.assessed_on,
    progress: row.progress,
    note: row.note,
  })) satisfies (ProgressEntry & { programmeId: string })[]
}

export async function insertProgress(
  trx: Db,
  value: Omit<ProgressEntry, 'id'> & { programmeId: string; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('monitoring_progress')
    .values({
      programme_id: value.programmeId,
      recommendation_id: value.recommendationId,
      activity_id: value.activityId,
      assessed_on: value.assessedOn,
      progress: value.progress,
      note: value.note,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
