import { type Kysely, type Selectable, type Transaction, sql } from 'kysely'
import type { PublicationsTable } from '../../db/register-tables.js'
import type { Database } from '../../db/tables.js'
import type { PublishedKind } from './kinds.js'

/**
 * Every query of the publications table (ADR 0007). The public pages read through
 * `publicQuery` only: rows that are public and whose publication time has come, so nothing
 * unpublished, and no first monitoring letter, can be reached from them.
 */
type Db = Kysely<Database> | Transaction<Database>
export type PublicationRow = Selectable<PublicationsTable>

export interface NewPublication {
  readonly activityId: string | null
  /** A 2015 offer's letter: its offer and step instead of an activity (ADR 0028). */
  readonly offer?: { readonly id: string; readonly step: string }
  readonly laCode: string
  readonly kind: PublishedKind
  readonly activityType: PublicationsTable['activity_type']
  readonly title: string
  readonly fieldworkStart: string
  readonly fieldworkEnd: string
  readonly statutoryPublicationDate: string
  readonly publishedAt: Date
  readonly public: boolean
  readonly judgements: { framework: NonNullable<PublicationsTable['framework']>; grades: Record<string, string> } | null
  readonly pdf: { hash: string; size: number }
  readonly summaryPdf: { hash: string; size: number } | null
  readonly recordedBy: string | null
}

export async function insertPublication(db: Db, publication: NewPublication): Promise<string> {
  const { id } = await db
    .insertInto('publications')
    .values({
      activity_id: publication.activityId,
      offer_id: publication.offer?.id ?? null,
      offer_step: publication.offer?.step ?? null,
      la_code: publication.laCode,
      kind: publication.kind,
      activity_type: publication.activityType,
      title: publication.title,
      fieldwork_start: publication.fieldworkStart,
      fieldwork_end: publication.fieldworkEnd,
      statutory_publication_date: publication.statutoryPublicationDate,
      published_at: publication.publishedAt,
      public: publication.public,
      framework: publication.judgements?.framework ?? null,
      grades: publication.judgements ? JSON.stringify(publication.judgements.grades) : null,
      pdf_hash: publication.pdf.hash,
      pdf_size: publication.pdf.size,
      summary_pdf_hash: publication.summaryPdf?.hash ?? null,
      summary_pdf_size: publication.summaryPdf?.size ?? null,
      recorded_by: publication.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Has the activity a publication of this kind already (partner letters aside)? */
export async function publicationOfKind(db: Db, activityId: string, kind: PublishedKind): Promise<string | undefined> {
  const row = await db
    .selectFrom('publications')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return row?.id
}

/** Every publication of an activity, public or not (for the activity's own page, signed in). */
export async function publicationsOfActivity(db: Db, activityId: string): Promise<PublicationRow[]> {
  return db
    .selectFrom('publications')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('published_at')
    .execute()
}

/** Every publication of a 2015 offer, public or not (for the offer's own page, signed in). */
export async function publicationsOfOffer(db: Db, offerId: string): Promise<PublicationRow[]> {
  return db.selectFrom('publications').selectAll().where('offer_id', '=', offerId).orderBy('published_at').execute()
}

/** Has the offer's step a publication already? */
export async function publicationOfOfferStep(db: Db, offerId: string, step: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('publications')
    .select('id')
    .where('offer_id', '=', offerId)
    .where('offer_step', '=', step)
    .executeTakeFirst()
  return row?.id
}

/** Filters of the public list, with the LAs of a region already resolved. */
export interface PublicFilter {
  readonly kind?: PublishedKind | undefined
  readonly laCodes?: readonly string[] | undefined
  /** Instants: published at or after `from`, before `until`. */
  readonly from?: Date | undefined
  readonly until?: Date | undefined
}

/** The only way the public pages read: public rows published by `now`. */
function publicQuery(db: Db, now: Date, filter: PublicFilter = {}) {
  let query = db.selectFrom('publications').where('public', '=', true).where('published_at', '<=', now)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  if (filter.laCodes)
    query =
      filter.laCodes.length === 0 ? query.where(sql<boolean>`false`) : query.where('la_code', 'in', [...filter.laCodes])
  if (filter.from) query = query.where('published_at', '>=', filter.from)
  if (filter.until) query = query.where('published_at', '<', filter.until)
  return query
}

/** One page of the public list, newest first, and how many there are in all. */
export async function listPublic(
  db: Db,
  now: Date,
  filter: PublicFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PublicationRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    publicQuery(db, now, filter)
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    publicQuery(db, now, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Every public publication matching the filter, newest first (the feed, an LA's page, the timeliness figures). */
export async function allPublic(
  db: Db,
  now: Date,
  filter: PublicFilter = {},
  limit?: number,
): Promise<PublicationRow[]> {
  let query = publicQuery(db, now, filter).selectAll().orderBy('published_at', 'desc').orderBy('id')
  if (limit !== undefined) query = query.limit(limit)
  return query.execute()
}

/** One public publication, or undefined: an unpublished, private or unknown id all read the same. */
export async function findPublic(db: Db, now: Date, id: string): Promise<PublicationRow | undefined> {
  return publicQuery(db, now).selectAll().where('id', '=', id).executeTakeFirst()
}
