import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'

/**
 * The register's queries of what Ofsted's files said where they disagree with the register
 * (issue 14, ADR 0030): the register keeps one value and shows the other beside it.
 */
type Db = Kysely<Database> | Transaction<Database>

/** One of Ofsted's files (or one table of it) said `said` for `field` of the inspection published on `publishedOn`. */
export interface OutcomeReading {
  readonly laCode: string
  readonly publishedOn: string
  readonly field: 'type' | 'start'
  readonly said: string
  /** The file, sheet and row that said it. */
  readonly source: string
}

/** The readings of the LAs' inspections (all LAs when none are named). */
export async function outcomeReadings(db: Db, laCodes?: readonly string[]): Promise<OutcomeReading[]> {
  let query = db.selectFrom('register_outcome_readings').selectAll()
  if (laCodes) {
    if (laCodes.length === 0) return []
    query = query.where('la_code', 'in', laCodes)
  }
  const rows = await query.orderBy('published_on').orderBy('recorded_at').orderBy('source').execute()
  return rows.map((row) => ({
    laCode: row.la_code,
    publishedOn: row.published_on,
    field: row.field as OutcomeReading['field'],
    said: row.said,
    source: row.source,
  }))
}

/** Keep each reading once: importing the same file again adds nothing. */
export async function insertOutcomeReadings(db: Db, readings: readonly OutcomeReading[]): Promise<void> {
  if (readings.length === 0) return
  await db
    .insertInto('register_outcome_readings')
    .values(
      readings.map((reading) => ({
        la_code: reading.laCode,
        published_on: reading.publishedOn,
        field: reading.field,
        said: reading.said,
        source: reading.source,
      })),
    )
    .onConflict((oc) => oc.columns(['la_code', 'published_on', 'field', 'source']).doNothing())
    .execute()
}
