import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { Framework, Grade } from '../register/index.js'
import type { FeedbackRecord } from './feedback.js'
import type { FindingKind, PriorityActionGround } from './focused-visit-findings.js'
import type { Confirmation, FeedbackMeeting, Finding, Outcome, RecordedJudgement } from './types.js'
import { memoisedEach, readOncePerRequest } from '../../db/request-scope.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The judgements area's SQL (ADR 0007): its four tables only. People are kept by id; the service
 * names them through the people directory.
 */

/** An outcome as stored: its confirmation names who confirmed by id. */
export type StoredOutcome = Omit<Outcome, 'confirmation'> & {
  readonly confirmation: StoredConfirmation | null
}
export type StoredConfirmation = Omit<Confirmation, 'byName'> & { readonly by: string | null }
export type StoredJudgement = Omit<RecordedJudgement, 'recordedByName'> & { readonly recordedBy: string | null }
export type StoredFeedback = Omit<FeedbackMeeting, 'recordedByName'> & { readonly recordedBy: string | null }

export async function findOutcome(db: Db, activityId: string): Promise<StoredOutcome | undefined> {
  return (await outcomesOf(db, [activityId])).get(activityId)
}

/**
 * The outcomes of these activities, by activity id (none for an activity without one): one query
 * for them all, each activity read once per web request (outside a transaction).
 */
export async function outcomesOf(db: Db, activityIds: readonly string[]): Promise<Map<string, StoredOutcome>> {
  const read = async (ids: readonly string[]) => {
    const rows =
      ids.length === 0
        ? []
        : await db
            .selectFrom('activity_outcomes')
            .selectAll()
            .where('activity_id', 'in', [...ids])
            .execute()
    return new Map(rows.map((row) => [row.activity_id, toOutcome(row)]))
  }
  const found = db.isTransaction
    ? await read(activityIds)
    : await memoisedEach('judgements.outcomesOf', activityIds, read)
  return new Map([...found].filter((entry): entry is [string, StoredOutcome] => entry[1] !== undefined))
}

function toOutcome(row: Selectable<Database['activity_outcomes']>): StoredOutcome {
  return {
    activityId: row.activity_id,
    kind: row.kind,
    framework: row.framework,
    noPriorityActions: row.no_priority_actions,
    confirmation: row.confirmed_at
      ? {
          at: new Date(row.confirmed_at),
          by: row.confirmed_by,
          reason: row.confirmation_reason,
          checks: (row.confirmed_checks as Confirmation['checks'] | null) ?? { problems: [], warnings: [] },
        }
      : null,
    version: row.version,
  }
}

/**
 * Create the outcome row if there is none, then lock it for the change that follows. The version
 * is 0 for a row created now: pages built before anything was recorded carry version 0.
 */
export async function lockOutcome(
  trx: Transaction<Database>,
  activityId: string,
  kind: Outcome['kind'],
  framework: Framework | null,
): Promise<{ version: number; confirmed: boolean }> {
  const created = await trx
    .insertInto('activity_outcomes')
    .values({ activity_id: activityId, kind, framework })
    .onConflict((oc) => oc.column('activity_id').doNothing())
    .returning('activity_id')
    .executeTakeFirst()
  const row = await sql<{
    version: number
    confirmed_at: Date | null
  }>`select version, confirmed_at from activity_outcomes where activity_id = ${activityId} for update`.execute(trx)
  const locked = row.rows[0]!
  return { version: created ? 0 : locked.version, confirmed: locked.confirmed_at !== null }
}

/** A change to the judgements or findings: a new version, and any confirmation withdrawn. */
export async function bumpOutcome(
  trx: Db,
  activityId: string,
  at: Date,
  values: { noPriorityActions?: boolean } = {},
): Promise<void> {
  await trx
    .updateTable('activity_outcomes')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: at,
      confirmed_at: null,
      confirmed_by: null,
      confirmation_reason: null,
      confirmed_checks: null,
      ...(values.noPriorityActions === undefined ? {} : { no_priority_actions: values.noPriorityActions }),
    }))
    .where('activity_id', '=', activityId)
    .execute()
}

export async function confirmOutcome(
  trx: Db,
  activityId: string,
  values: { by: string; at: Date; reason: string | null; checks: Confirmation['checks']; noPriorityActions?: boolean },
): Promise<void> {
  await trx
    .updateTable('activity_outcomes')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: values.at,
      confirmed_at: values.at,
      confirmed_by: values.by,
      confirmation_reason: values.reason,
      confirmed_checks: JSON.stringify(values.checks),
      ...(values.noPriorityActions === undefined ? {} : { no_priority_actions: values.noPriorityActions }),
    }))
    .where('activity_id', '=', activityId)
    .execute()
}

export async function judgementsOf(db: Db, activityId: string): Promise<StoredJudgement[]> {
  const rows = await readOncePerRequest(db, `judgements.judgementsOf:${activityId}`, () =>
    db.selectFrom('activity_judgements').selectAll().where('activity_id', '=', activityId).execute(),
  )
  return rows.map((row) => ({
    area: row.area,
    grade: row.grade,
    rationale: row.rationale,
    evidenceHeadings: row.evidence_headings ?? [],
    leadersUnderstandFailure: row.leaders_understand_failure,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function upsertJudgement(
  trx: Db,
  activityId: string,
  values: {
    area: string
    grade: Grade
    rationale: string
    evidenceHeadings: readonly string[]
    leadersUnderstandFailure: boolean | null
    recordedBy: string
    at: Date
  },
): Promise<void> {
  const row = {
    grade: values.grade,
    rationale: values.rationale,
    evidence_headings: JSON.stringify(values.evidenceHeadings),
    leaders_understand_failure: values.leadersUnderstandFailure,
    recorded_by: values.recordedBy,
    recorded_at: values.at,
  }
  await trx
    .insertInto('activity_judgements')
    .values({ activity_id: activityId, area: values.area, ...row })
    .onConflict((oc) => oc.columns(['activity_id', 'area']).doUpdateSet(row))
    .execute()
}

export async function findingsOf(db: Db, activityId: string): Promise<Finding[]> {
  const rows = await db
    .selectFrom('focused_visit_findings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.text,
    ground: row.ground,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertFinding(
  trx: Db,
  activityId: string,
  values: { kind: FindingKind; text: string; ground: PriorityActionGround | null; recordedBy: string; at: Date },
): Promise<string> {
  const { id } = await trx
    .insertInto('focused_visit_findings')
    .values({
      activity_id: activityId,
      kind: values.kind,
      text: values.text,
      ground: values.ground,
      recorded_by: values.recordedBy,
      recorded_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Delete a finding of the activity; returns what was deleted, for the audit entry. */
export async function deleteFinding(trx: Db, activityId: string, findingId: string): Promise<Finding | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(findingId)) return undefined
  const row = await trx
    .deleteFrom('focused_visit_findings')
    .where('activity_id', '=', activityId)
    .where('id', '=', findingId)
    .returningAll()
    .executeTakeFirst()
  return row
    ? {
        id: row.id,
        kind: row.kind,
        text: row.text,
        ground: row.ground,
        recordedAt: new Date(row.recorded_at),
      }
    : undefined
}

/** Which of these activities have their feedback meeting on record (002#197). */
export async function feedbackRecordedOf(db: Db, activityIds: readonly string[]): Promise<Set<string>> {
  if (activityIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('feedback_meetings')
    .select('activity_id')
    .where('activity_id', 'in', [...activityIds])
    .execute()
  return new Set(rows.map((row) => row.activity_id))
}

export async function findFeedback(db: Db, activityId: string): Promise<StoredFeedback | undefined> {
  const row = await db
    .selectFrom('feedback_meetings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    heldOn: row.held_on,
    durationMinutes: row.duration_minutes,
    attendees: row.attendees,
    otherAttendees: row.other_attendees,
    dcsToldBefore: row.dcs_told_before,
    judgementsGiven: row.judgements_given ?? {},
    setOut: row.set_out ?? [],
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }
}

export async function upsertFeedback(
  trx: Db,
  activityId: string,
  record: FeedbackRecord,
  recordedBy: string,
  at: Date,
): Promise<void> {
  const row = {
    held_on: record.heldOn,
    duration_minutes: record.durationMinutes,
    attendees: JSON.stringify(record.attendees),
    other_attendees: record.otherAttendees,
    dcs_told_before: record.dcsToldBefore,
    judgements_given: JSON.stringify(record.judgementsGiven),
    set_out: JSON.stringify(record.setOut),
    notes: record.notes,
    recorded_by: recordedBy,
    recorded_at: at,
  }
  await trx
    .insertInto('feedback_meetings')
    .values({ activity_id: activityId, ...row })
    .onConflict((oc) => oc.column('activity_id').doUpdateSet(row))
    .execute()
}
