import { type Kysely, type Selectable, sql, type Transaction } from 'kysely'
import type { ReportsTable } from '../../db/report-tables.js'
import type { Database } from '../../db/tables.js'
import type { VersionDocuments } from './document.js'
import type { Sections } from './sections.js'
import type { Report, ReportVersion, StepRecord } from './types.js'
import type { ReportEvent, ReportKind, ReportStep } from './workflow.js'
import { memoisedEach } from '../../db/request-scope.js'

type Db = Kysely<Database> | Transaction<Database>

/** The reports, their versions and their history (the comments are in comments.repository.ts). */

type ReportRow = Selectable<ReportsTable>

function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    activityId: row.activity_id,
    kind: row.kind,
    step: row.step,
    version: row.version,
    faVersion: row.fa_version,
    faSentOn: row.fa_sent_on,
    faDue: row.fa_due,
    faSubmittedAt: row.fa_submitted_at,
    embargoUntil: row.embargo_until,
    recipients: row.recipients,
    publishedAt: row.published_at,
    dfeNotifiedAt: row.dfe_notified_at,
    createdAt: row.created_at,
  }
}

export async function findReport(db: Db, activityId: string): Promise<Report | undefined> {
  return (await reportsOf(db, [activityId])).get(activityId)
}

/** The report one of whose recipients holds the link with this hash (jsonb containment). */
export async function reportByRecipientLink(db: Db, linkHash: string): Promise<Report | undefined> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where(sql<boolean>`recipients @> ${JSON.stringify([{ linkHash }])}::jsonb`)
    .executeTakeFirst()
  return row ? toReport(row) : undefined
}

/** Lock the report's row for a change and return it as it is now. */
export async function lockReport(trx: Transaction<Database>, id: string): Promise<Report> {
  const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  return toReport(row)
}

/** Reports at these steps (the home page, the publication job). */
export async function reportsAt(db: Db, steps: readonly ReportStep[]): Promise<Report[]> {
  if (steps.length === 0) return []
  const rows = await db
    .selectFrom('reports')
    .selectAll()
    .where('step', 'in', [...steps])
    .orderBy('created_at')
    .execute()
  return rows.map(toReport)
}

/** Reports of these activities, by activity id. */
/**
 * The reports of these activities, by activity id: one query for them all, each activity read
 * once per web request (outside a transaction, which must see its own writes).
 */
export async function reportsOf(db: Db, activityIds: readonly string[]): Promise<Map<string, Report>> {
  const read = async (ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, Report>()
    const rows = await db
      .selectFrom('reports')
      .selectAll()
      .where('activity_id', 'in', [...ids])
      .execute()
    return new Map(rows.map((row) => [row.activity_id, toReport(row)]))
  }
  const found = db.isTransaction ? await read(activityIds) : await memoisedEach('reports.byActivity', activityIds, read)
  return new Map([...found].filter((entry): entry is [string, Report] => entry[1] !== undefined))
}

export async function insertReport(
  trx: Transaction<Database>,
  values: { activityId: string; kind: ReportKind; createdBy: string; at: Date },
): Promise<string> {
  const row = await trx
    .insertInto('reports')
    .values({
      activity_id: values.activityId,
      kind: values.kind,
      step: 'drafting',
      created_by: values.createdBy,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

type ReportChanges = Partial<
  Pick<ReportsTable, 'step' | 'fa_version' | 'fa_sent_on' | 'fa_due' | 'fa_submitted_by'>
> & {
  fa_submitted_at?: Date
  dfe_notified_at?: Date
  published_at?: Date
  embargo_until?: Date
  recipients?: Report['recipients']
}

/** Change the report and bump its version (optimistic locking). */
export async function updateReport(trx: Transaction<Database>, id: string, changes: ReportChanges, at: Date) {
  const { recipients, ...rest } = changes
  await trx
    .updateTable('reports')
    .set({
      ...rest,
      ...(recipients ? { recipients: JSON.stringify(recipients) } : {}),
      version: sql`version + 1`,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute()
}

export async function insertVersion(
  trx: Transaction<Database>,
  reportId: string,
  version: Omit<ReportVersion, 'createdAt'> & { at: Date },
): Promise<void> {
  await trx
    .insertInto('report_versions')
    .values({
      report_id: reportId,
      number: version.number,
      status: version.status,
      sections: JSON.stringify(version.sections),
      document: JSON.stringify(version.documents),
      pages: version.pages,
      page_limit: version.pageLimit,
      pdf_hash: version.pdfHash,
      note: version.note,
      created_by: version.createdBy,
      created_at: version.at,
    })
    .execute()
}

type VersionRow = Awaited<ReturnType<typeof versionQuery>>[number]

function versionQuery(db: Db, reportId: string) {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).orderBy('number').execute()
}

function toVersion(row: VersionRow): ReportVersion {
  return {
    number: row.number,
    status: row.status,
    sections: row.sections as Sections,
    documents: row.document as VersionDocuments,
    pages: row.pages,
    pageLimit: row.page_limit,
    pdfHash: row.pdf_hash,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

/** Every version of the report, oldest first. */
export async function versionsOf(db: Db, reportId: string): Promise<ReportVersion[]> {
  return (await versionQuery(db, reportId)).map(toVersion)
}

export async function findVersion(db: Db, reportId: string, number: number): Promise<ReportVersion | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('number', '=', number)
    .executeTakeFirst()
  return row ? toVersion(row) : undefined
}

export async function latestVersion(db: Db, reportId: string): Promise<ReportVersion | undefined> {
  const row = await db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? toVersion(row) : undefined
}

export async function insertStep(
  trx: Transaction<Database>,
  reportId: string,
  step: {
    event: ReportEvent
    toStep: ReportStep
    milestone?: string | null
    statutoryDate?: string | null
    at: Date
    actorId: string | null
    note?: string | null
  },
): Promise<void> {
  await trx
    .insertInto('report_steps')
    .values({
      report_id: reportId,
      event: step.event,
      to_step: step.toStep,
      milestone: step.milestone ?? null,
      statutory_date: step.statutoryDate ?? null,
      occurred_at: step.at,
      actor_id: step.actorId,
      note: step.note ?? null,
    })
    .execute()
}

/** The report's history, oldest first. */
export async function stepsOf(db: Db, reportIds: readonly string[]): Promise<Map<string, StepRecord[]>> {
  if (reportIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('report_steps')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('occurred_at')
    .orderBy('id')
    .execute()
  const found = new Map<string, StepRecord[]>()
  for (const row of rows) {
    const record: StepRecord = {
      event: row.event,
      toStep: row.to_step,
      milestone: row.milestone,
      statutoryDate: row.statutory_date,
      occurredAt: row.occurred_at,
      actorId: row.actor_id,
      note: row.note,
    }
    found.set(row.report_id, [...(found.get(row.report_id) ?? []), record])
  }
  return found
}
