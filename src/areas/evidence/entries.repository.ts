import type { Significance, SourceType } from './fieldwork.js'
import { isRecordId } from '../../db/record-id.js'
import type { Db } from './repository.js'
import type { EntryFilter, EvidenceEntryRecord } from './types.js'

/**
 * The evidence record's entries and their case links (002#181-192). There is no update or
 * delete here: entries are append-only (ADR 0004).
 */

/** An entry as stored: its author by id only (the service adds the name). */
export type StoredEntry = Omit<EvidenceEntryRecord, 'authorName'>

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

/** An activity's entries, the latest evidence first, each with its case references. */
export async function entriesOf(db: Db, activityId: string, filter: EntryFilter = {}): Promise<StoredEntry[]> {
  let query = db.selectFrom('evidence_entries').selectAll().where('activity_id', '=', activityId)
  if (filter.headingId) query = query.where('heading_id', '=', filter.headingId)
  if (filter.authorId && isRecordId(filter.authorId)) query = query.where('author_id', '=', filter.authorId)
  const rows = await query
    .orderBy('collected_on', 'desc')
    .orderBy('collected_time', 'desc')
    .orderBy('created_at', 'desc')
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
    createdAt: new Date(row.created_at),
    caseIds: links.filter((link) => link.entry_id === row.id).map((link) => link.case_id),
  }))
}

/** How many entries each heading has, and each author (by id): for coverage and the filters. */
export async function entryCounts(
  db: Db,
  activityId: string,
): Promise<{ byHeading: Map<string, number>; byAuthor: Map<string, number> }> {
  const [byHeading, authors] = await Promise.all([
    entriesByHeading(db, activityId),
    db
      .selectFrom('evidence_entries')
      .select(['author_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('activity_id', '=', activityId)
      .groupBy('author_id')
      .execute(),
  ])
  return {
    byHeading,
    byAuthor: new Map(authors.map((row) => [row.author_id, Number(row.count)])),
  }
}

/** How many entries were written after `since` (all of them when null). */
export async function entriesSince(db: Db, activityId: string, since: Date | null): Promise<number> {
  let query = db
    .selectFrom('evidence_entries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('activity_id', '=', activityId)
  if (since) query = query.where('created_at', '>', since)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Entries by heading only (the summary needs no count by author). */
export async function entriesByHeading(db: Db, activityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('evidence_entries')
    .select(['heading_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('activity_id', '=', activityId)
    .groupBy('heading_id')
    .execute()
  return new Map(rows.map((row) => [row.heading_id, Number(row.count)]))
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
