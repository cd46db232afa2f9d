import type { Kysely, Transaction } from 'kysely'
import type { ReportFaCommentsTable } from '../../db/report-tables.js'
import type { Database } from '../../db/tables.js'
import type { FaComment, ReviewComment } from './types.js'
import type { ReviewStep } from './workflow.js'

type Db = Kysely<Database> | Transaction<Database>

/** The review comments of QA and the directors (002#214) and the LA's factual accuracy comments (002#215). */

export async function insertReviewComment(
  trx: Transaction<Database>,
  reportId: string,
  comment: {
    versionNumber: number
    section: string | null
    stage: ReviewStep
    comment: string
    authorId: string
    at: Date
  },
): Promise<string> {
  const row = await trx
    .insertInto('report_review_comments')
    .values({
      report_id: reportId,
      version_number: comment.versionNumber,
      section: comment.section,
      stage: comment.stage,
      comment: comment.comment,
      author_id: comment.authorId,
      created_at: comment.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function reviewCommentsOf(db: Db, reportId: string): Promise<ReviewComment[]> {
  const rows = await db
    .selectFrom('report_review_comments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    versionNumber: row.version_number,
    section: row.section,
    stage: row.stage,
    comment: row.comment,
    authorId: row.author_id,
    createdAt: row.created_at,
  }))
}

type FaRow = Awaited<ReturnType<typeof faQuery>>[number]

function faQuery(db: Db, reportId: string) {
  return db
    .selectFrom('report_fa_comments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('section')
    .orderBy('paragraph')
    .orderBy('created_at')
    .execute()
}

function toFaComment(row: FaRow): FaComment {
  return {
    id: row.id,
    versionNumber: row.version_number,
    section: row.section,
    paragraph: row.paragraph,
    correction: row.correction,
    evidence: row.evidence,
    authorId: row.author_id,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    late: row.late,
    response: row.response,
    responseText: row.response_text,
    respondedAt: row.responded_at,
    disputeReason: row.dispute_reason,
    disputedAt: row.disputed_at,
    disputeDecision: row.dispute_decision,
    disputeNote: row.dispute_note,
    decidedAt: row.decided_at,
  }
}

/** Every factual accuracy comment on the report, by section and paragraph. */
export async function faCommentsOf(db: Db, reportId: string): Promise<FaComment[]> {
  return (await faQuery(db, reportId)).map(toFaComment)
}

/** How many of the LA's disputes await the QA manager's decision (002#222), by report id: one query for them all. */
export async function openDisputesOf(db: Db, reportIds: readonly string[]): Promise<Map<string, number>> {
  if (reportIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('report_fa_comments')
    .select(['report_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('report_id', 'in', [...reportIds])
    .where('disputed_at', 'is not', null)
    .where('dispute_decision', 'is', null)
    .groupBy('report_id')
    .execute()
  return new Map(rows.map((row) => [row.report_id, Number(row.count)]))
}

export async function insertFaComment(
  trx: Transaction<Database>,
  reportId: string,
  comment: {
    versionNumber: number
    section: string
    paragraph: number
    correction: string
    evidence: string
    authorId: string
    at: Date
  },
): Promise<string> {
  const row = await trx
    .insertInto('report_fa_comments')
    .values({
      report_id: reportId,
      version_number: comment.versionNumber,
      section: comment.section,
      paragraph: comment.paragraph,
      correction: comment.correction,
      evidence: comment.evidence,
      author_id: comment.authorId,
      created_at: comment.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Remove a comment the LA has not yet submitted; returns whether there was one. */
export async function deleteUnsubmittedFaComment(
  trx: Transaction<Database>,
  reportId: string,
  id: string,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('report_fa_comments')
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Mark every unsubmitted comment submitted (the LA submits once, 002#216), late or not. */
export async function submitFaComments(
  trx: Transaction<Database>,
  reportId: string,
  at: Date,
  late: boolean,
): Promise<number> {
  const result = await trx
    .updateTable('report_fa_comments')
    .set({ submitted_at: at, late })
    .where('report_id', '=', reportId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

type FaChanges = Partial<
  Pick<
    ReportFaCommentsTable,
    | 'response'
    | 'response_text'
    | 'responded_by'
    | 'dispute_reason'
    | 'disputed_by'
    | 'dispute_decision'
    | 'dispute_note'
    | 'decided_by'
  >
> & { responded_at?: Date; disputed_at?: Date; decided_at?: Date }

export async function updateFaComment(
  trx: Transaction<Database>,
  reportId: string,
  id: string,
  changes: FaChanges,
): Promise<void> {
  await trx
    .updateTable('report_fa_comments')
    .set(changes)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .execute()
}
