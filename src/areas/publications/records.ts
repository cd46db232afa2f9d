import type { Readable } from 'node:stream'
import { londonIsoDate } from '../../clock.js'
import { NotFoundError } from '../../errors.js'
import type { BlobStore } from '../../files/blob-store.js'
import type { ActivitiesService } from '../activities/index.js'
import type { ServiceDeps } from '../deps.js'
import type { RegisterService } from '../register/index.js'
import {
  allPublic,
  findPublic,
  listPublic,
  type PublicationRow,
  type PublicFilter,
  publicationsOfActivity,
  publicationsOfOffer,
} from './repository.js'
import type { Publication, PublicationPage, PublicationQuery } from './types.js'

/** What the publications area is built from: the register (LAs, and what it learns), activities, the file store. */
export interface PublicationsDeps extends ServiceDeps {
  readonly blobs: BlobStore
  readonly register: Pick<
    RegisterService,
    'localAuthorities' | 'regions' | 'recordPublishedJudgement' | 'recordVisit' | 'findLocalAuthority'
  >
  readonly activities: Pick<ActivitiesService, 'find'>
}

export const PAGE_SIZE = 20

/** The first instant of a date in England (midnight in London, GMT or BST). */
export function startOfLondonDay(date: string): Date {
  const midnightUtc = new Date(`${date}T00:00:00Z`)
  const anHourBefore = new Date(midnightUtc.getTime() - 3_600_000)
  return londonIsoDate(anHourBefore) === date ? anHourBefore : midnightUtc
}

/**
 * Reading publications: each with its LA's name and region (from the register, read once). The
 * public reads go through the repository's public query only.
 */
export function publicationRecords({ db, clock, blobs, register }: PublicationsDeps) {
  async function laIndex() {
    return new Map((await register.localAuthorities()).map((la) => [la.laCode, la]))
  }

  async function withLas(rows: readonly PublicationRow[]): Promise<Publication[]> {
    const las = await laIndex()
    return rows.map((row) => toPublication(row, las.get(row.la_code)))
  }

  async function filterOf(query: PublicationQuery): Promise<PublicFilter> {
    const laCodes = query.regionCode
      ? (await register.localAuthorities()).filter((la) => la.regionCode === query.regionCode).map((la) => la.laCode)
      : undefined
    return {
      kind: query.kind,
      laCodes,
      from: query.from ? startOfLondonDay(query.from) : undefined,
      until: query.to ? startOfLondonDay(nextDate(query.to)) : undefined,
    }
  }

  async function publicOne(id: string): Promise<Publication> {
    const row = await findPublic(db, clock.now(), id)
    if (!row) throw new NotFoundError()
    return (await withLas([row]))[0]!
  }

  return {
    /** One page of the national list, newest first. */
    async listPublic(query: PublicationQuery): Promise<PublicationPage> {
      const page = Math.max(1, Math.floor(query.page ?? 1))
      const { rows, total } = await listPublic(db, clock.now(), await filterOf(query), {
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      return { items: await withLas(rows), total, page, pageSize: PAGE_SIZE }
    },

    /** Every public publication of one LA, newest first. */
    async publicOfLa(laCode: string): Promise<Publication[]> {
      return withLas(await allPublic(db, clock.now(), { laCodes: [laCode] }))
    },

    /** The latest public publications, for the feed. */
    async latestPublic(limit: number): Promise<Publication[]> {
      return withLas(await allPublic(db, clock.now(), {}, limit))
    },

    /** Every public publication (the timeliness figures are of published facts only). */
    async allPublic(): Promise<Publication[]> {
      return withLas(await allPublic(db, clock.now()))
    },

    /** One public publication; NotFoundError for anything else, whatever the reason. */
    publicOne,

    /** A public publication's PDF (or its summary for children) to stream. */
    async publicFile(
      id: string,
      which: 'report' | 'children-summary',
    ): Promise<{ stream: Readable; size: number; publication: Publication }> {
      const publication = await publicOne(id)
      const file = which === 'report' ? publication.pdf : publication.childrenSummaryPdf
      if (!file) throw new NotFoundError()
      return { stream: blobs.open(file.hash), size: file.size, publication }
    },

    /** Every publication of an activity, public or not, for its page (the caller checks who may see it). */
    async ofActivity(activityId: string): Promise<Publication[]> {
      return withLas(await publicationsOfActivity(db, activityId))
    },

    /** Every publication of a 2015 offer, public or not, for its page (the caller checks who may see it). */
    async ofOffer(offerId: string): Promise<Publication[]> {
      return withLas(await publicationsOfOffer(db, offerId))
    },
  }
}

function nextDate(date: string): string {
  const next = new Date(`${date}T12:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

function toPublication(
  row: PublicationRow,
  la: { name: string; regionCode: string; regionName: string } | undefined,
): Publication {
  const publishedAt = new Date(row.published_at)
  return {
    id: row.id,
    activityId: row.activity_id,
    activityType: row.activity_type,
    offerId: row.offer_id,
    offerStep: row.offer_step,
    laCode: row.la_code,
    laName: la?.name ?? row.la_code,
    regionCode: la?.regionCode ?? '',
    regionName: la?.regionName ?? '',
    kind: row.kind,
    title: row.title,
    fieldworkStart: row.fieldwork_start,
    fieldworkEnd: row.fieldwork_end,
    statutoryPublicationDate: row.statutory_publication_date,
    publishedAt,
    publishedOn: londonIsoDate(publishedAt),
    public: row.public,
    framework: row.framework,
    grades: row.grades,
    pdf: { hash: row.pdf_hash, size: row.pdf_size },
    childrenSummaryPdf:
      row.summary_pdf_hash !== null && row.summary_pdf_size !== null
        ? { hash: row.summary_pdf_hash, size: row.summary_pdf_size }
        : null,
  }
}
