import type { Principal } from '../../auth/policy.js'
import type { IsoDate } from '../../rules/calendar/dates.js'
import type { ActivityType } from '../../rules/types.js'
import type { Framework, Grade } from '../register/index.js'
import type { PublishedKind } from './kinds.js'

/** The publications area's domain types (issue 11). */

/**
 * A report or letter to publish, as the reports workflow gives it at publication time. The
 * judgements are the graded judgements the judgements area agreed (its `publishedJudgementFor`
 * gives them); a letter has none (002#108-110: no grade, ever).
 */
export interface PublishInput {
  readonly activityId: string
  /** The register's LA code (DfE LA number), which must be the activity's. */
  readonly laId: string
  readonly kind: PublishedKind
  readonly title: string
  /** First and last day of fieldwork (the last is the day 002#216 counts from). */
  readonly fieldworkStart: IsoDate
  readonly fieldworkEnd: IsoDate
  /** The date 002#216 sets (21 working days for reports, 16 for letters), shown beside the actual one. */
  readonly statutoryPublicationDate: IsoDate
  /** When it is published: now, or earlier today (never in the future). */
  readonly publishedAt: Date
  readonly judgements?: { readonly framework: Framework; readonly grades: Readonly<Record<string, Grade>> }
  /** The published PDF (what the page limit was checked on). */
  readonly pdf: Uint8Array
  /** The summary for children and young people (002#202), published with an inspection report. */
  readonly childrenSummaryPdf?: Uint8Array
  /** The first monitoring letter of a set: recorded, never public (001#41, 002#202 fn 28). */
  readonly firstMonitoringLetter?: boolean
}

/** A 2015 offer's letter to publish (000#38, #42; ADR 0028): from an offer's step, with no activity. */
export interface PublishOfferLetterInput {
  readonly offerId: string
  /** The offer's step the letter is of: `review.2` to `review.4`, or `pi.report.published`. */
  readonly step: string
  readonly laCode: string
  readonly title: string
  /** The review's day, or the progress inspection's days on site. */
  readonly fieldworkStart: IsoDate
  readonly fieldworkEnd: IsoDate
  /** The offer's own statutory date for it (the review's due date; day 35, 000#42). */
  readonly statutoryPublicationDate: IsoDate
  readonly publishedAt: Date
  readonly pdf: Uint8Array
}

/** Who publishes: the person who pressed the button, or nobody (the system at the embargo time). */
export interface PublishContext {
  readonly requestId: string
  readonly actor?: Principal | null
}

/** What `publish` did: the publication, and what the register recorded from it. */
export interface PublishResult {
  readonly publicationId: string
  readonly public: boolean
  readonly judgementRecordId: string | null
  readonly visitId: string | null
}

/** A stored file of a publication. */
export interface PublishedFile {
  readonly hash: string
  readonly size: number
}

/** A report or letter as stored, with its LA's name and region. */
export interface Publication {
  readonly id: string
  /** The activity it came from; null for a 2015 offer's letter, which has its offer instead (ADR 0028). */
  readonly activityId: string | null
  readonly activityType: ActivityType | null
  readonly offerId: string | null
  readonly offerStep: string | null
  readonly laCode: string
  readonly laName: string
  readonly regionCode: string
  readonly regionName: string
  readonly kind: PublishedKind
  readonly title: string
  readonly fieldworkStart: IsoDate
  readonly fieldworkEnd: IsoDate
  readonly statutoryPublicationDate: IsoDate
  readonly publishedAt: Date
  /** The date of publication in England. */
  readonly publishedOn: IsoDate
  readonly public: boolean
  readonly framework: Framework | null
  readonly grades: Readonly<Record<string, Grade>> | null
  readonly pdf: PublishedFile
  readonly childrenSummaryPdf: PublishedFile | null
}

/** The public list's filters (all optional) and page. */
export interface PublicationQuery {
  readonly kind?: PublishedKind | undefined
  readonly regionCode?: string | undefined
  /** Published on or after / on or before (dates in England). */
  readonly from?: IsoDate | undefined
  readonly to?: IsoDate | undefined
  readonly page?: number | undefined
}

export interface PublicationPage {
  readonly items: Publication[]
  readonly total: number
  readonly page: number
  readonly pageSize: number
}
