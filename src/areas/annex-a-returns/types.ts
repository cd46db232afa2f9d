import type { AnnexAProfile, AnnexAResult, ChildSummary, Finding, SampleCoverage } from '../../annex-a/index.js'

export type ReturnStatus = 'processing' | 'valid' | 'errors' | 'unreadable' | 'failed'

/** One version of an activity's Annex A return (re-uploads keep every version, issue 5). */
export interface AnnexAReturn {
  readonly id: string
  readonly activityId: string
  readonly version: number
  readonly fileName: string
  readonly fileSize: number
  readonly asOf: string
  readonly status: ReturnStatus
  /** The uploader's name (from auth's people directory), or null. */
  readonly uploadedBy: string | null
  readonly uploadedAt: Date
  readonly processedAt: Date | null
  readonly processingMs: number | null
  readonly errorCode: string | null
  readonly errorMessage: string | null
  readonly errorCount: number | null
  readonly warningCount: number | null
  readonly rows: number | null
  readonly hasReport: boolean
  /** The files of the return, in upload order. */
  readonly files: readonly ReturnFile[]
  readonly listsAsked: readonly number[]
  readonly declaredEmpty: readonly number[]
  /** The lists asked for that the checked return holds or declares empty; null before it is checked. */
  readonly listsCovered: readonly number[] | null
  /** When the retention job deleted its files (ARCHITECTURE "Data rules"). */
  readonly filesDeletedAt: Date | null
}

/** One file of a return, stored under its content hash. */
export interface ReturnFile {
  readonly fileName: string
  readonly hash: string
  readonly size: number
}

/** A return's result as stored: everything but the profile, which is read on its own. */
export type StoredResult = Omit<AnnexAResult, 'profile'>

/** A return's profile as stored: counts and measures, never the per-child table (a blob). */
export type StoredProfile = Omit<AnnexAProfile, 'children'>

export interface FindingsFilter {
  readonly list?: number | undefined
  readonly severity?: string | undefined
  readonly rule?: string | undefined
}

/** The findings of a return matching a filter, with the whole result for its counts and lists. */
export interface ReturnFindings {
  readonly result: StoredResult
  readonly findings: Finding[]
}

/** A document the LA sent (1.01–3.11, the list of audits, or a requested case's audit). */
export interface AnnexADocument {
  readonly id: string
  readonly item: string
  readonly fileName: string
  readonly fileSize: number
  readonly uploadedAt: Date
  readonly uploadedBy: string | null
}

/** A child in the case sample (002#150-153), by the LA's child ID only. */
export interface SampleEntry {
  readonly childId: string
  readonly reason: string | null
  /** The lead asked the LA for the audit of this already-audited case (002#258). */
  readonly auditedCaseRequested: boolean
  readonly addedAt: Date
  readonly addedBy: string | null
}

export interface ChildFilter {
  readonly factor?: string | undefined
  readonly threshold?: string | undefined
  readonly list?: number | undefined
  readonly childId?: string | undefined
  readonly limit?: number
}

/** Children of the current return matching a filter, and how far the sample covers the factors. */
export interface ChildrenFound {
  readonly current: AnnexAReturn
  readonly children: ChildSummary[]
  readonly total: number
  readonly coverage: SampleCoverage
}
