import type { Board, BoardMeeting, ReportSource, ScheduledReport, StoredDocument } from './types.js'
import { type Db, storedDocument as document } from './repository.js'

/** The improvement board, its meetings and the reporting schedule (004#Setting up your improvement framework). */

export async function boardsOf(db: Db, interventionIds: readonly string[]): Promise<Map<string, Board>> {
  if (interventionIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('improvement_boards')
    .selectAll()
    .where('intervention_id', 'in', [...interventionIds])
    .execute()
  return new Map(
    rows.map((row) => [
      row.intervention_id,
      {
        chairName: row.chair_name,
        chairIndependent: row.chair_independent,
        members: row.members,
        setUpOn: row.set_up_on,
        adviserKind: row.adviser_kind,
        adviserName: row.adviser_name,
        version: row.version,
      },
    ]),
  )
}

export async function saveBoard(
  trx: Db,
  interventionId: string,
  board: Omit<Board, 'version'>,
  updatedBy: string,
): Promise<void> {
  const values = {
    chair_name: board.chairName,
    chair_independent: board.chairIndependent,
    members: board.members,
    set_up_on: board.setUpOn,
    adviser_kind: board.adviserKind,
    adviser_name: board.adviserName,
    updated_by: updatedBy,
    updated_at: new Date(),
  }
  await trx
    .insertInto('improvement_boards')
    .values({ intervention_id: interventionId, ...values })
    .onConflict((oc) =>
      oc
        .column('intervention_id')
        .doUpdateSet((eb) => ({ ...values, version: eb('improvement_boards.version', '+', 1) })),
    )
    .execute()
}

export async function meetingsOf(
  db: Db,
  interventionIds: readonly string[],
): Promise<Array<BoardMeeting & { interventionId: string }>> {
  if (interventionIds.length === 0) return []
  const rows = await db
    .selectFrom('board_meetings')
    .selectAll()
    .where('intervention_id', 'in', [...interventionIds])
    .orderBy('met_on')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    interventionId: row.intervention_id,
    metOn: row.met_on,
    summary: row.summary,
    minutes: document(row.minutes_name, row.minutes_hash, row.minutes_size, row.minutes_type),
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertMeeting(
  trx: Db,
  value: { interventionId: string; metOn: string; summary: string; minutes: StoredDocument | null; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('board_meetings')
    .values({
      intervention_id: value.interventionId,
      met_on: value.metOn,
      summary: value.summary,
      minutes_name: value.minutes?.name ?? null,
      minutes_hash: value.minutes?.hash ?? null,
      minutes_size: value.minutes?.size ?? null,
      minutes_type: value.minutes?.type ?? null,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function reportsOf(
  db: Db,
  interventionIds: readonly string[],
): Promise<Array<ScheduledReport & { interventionId: string }>> {
  if (interventionIds.length === 0) return []
  const rows = await db
    .selectFrom('intervention_reports')
    .selectAll()
    .where('intervention_id', 'in', [...interventionIds])
    .orderBy('due_on')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    interventionId: row.intervention_id,
    title: row.title,
    dueFrom: row.due_from,
    ownerEmail: row.owner_email,
    dueOn: row.due_on,
    receivedOn: row.received_on,
    document: document(row.report_name, row.report_hash, row.report_size, row.report_type),
  }))
}

export async function insertReport(
  trx: Db,
  value: {
    interventionId: string
    title: string
    dueFrom: ReportSource
    ownerEmail: string | null
    dueOn: string
    recordedBy: string
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('intervention_reports')
    .values({
      intervention_id: value.interventionId,
      title: value.title,
      due_from: value.dueFrom,
      owner_email: value.ownerEmail,
      due_on: value.dueOn,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function markReportReceived(
  trx: Db,
  reportId: string,
  receivedOn: string,
  file: StoredDocument | null,
): Promise<void> {
  await trx
    .updateTable('intervention_reports')
    .set({
      received_on: receivedOn,
      ...(file
        ? { report_name: file.name, report_hash: file.hash, report_size: file.size, report_type: file.type }
        : {}),
    })
    .where('id', '=', reportId)
    .execute()
}
