/** What processAnnexA takes and returns (the pipeline's public types), and a sheet to read as the pipeline holds it. */
import type { IsoDate } from '../rules/calendar/dates.js'
import type { CsvEncoding } from './csv.js'
import type { Finding, FindingCounts, FindingLimits } from './findings.js'
import type { ColumnMatch, HeaderMapping, TableId } from './headers.js'
import type { AnnexAProfile, WorkingDaysBetween } from './profile.js'
import type { RowBuffer } from './sheet-scanner.js'
import type { ListNumber } from './spec.js'
import type { ZipLimits } from './zip.js'

export interface AnnexAInput {
  /** Where the uploaded file is on disk. */
  readonly path: string
  /** The name the uploader gave it (used to tell .csv from .xlsx and in messages). */
  readonly fileName: string
}

export interface AnnexAProgress {
  /** Compressed sheet bytes (or CSV bytes) read so far. */
  readonly bytesRead: number
  readonly totalBytes: number
  /** Data rows read so far. */
  readonly rows: number
  readonly sheet: string
}

export interface AnnexALimits {
  readonly zip?: Partial<ZipLimits>
  readonly findings?: Partial<FindingLimits>
  readonly maxCellChars?: number
  readonly maxRowBytes?: number
  readonly maxChildren?: number
  /** Rows in the whole return (2,000,000): far beyond any LA's, and a bound on a check's time. */
  readonly maxRows?: number
}

export interface ProcessOptions {
  /** The inspection (or extract) date the look-back windows and ages are measured from. */
  readonly asOf: IsoDate
  readonly onProgress?: (progress: AnnexAProgress) => void
  readonly signal?: AbortSignal
  readonly limits?: AnnexALimits
  /** Working days between two dates, for the 45- and 15-working-day measures (default: the rules core's England-and-Wales calendar, RULES.md C1). */
  readonly workingDaysBetween?: WorkingDaysBetween
  /**
   * Scan the sheets on a worker thread while this thread validates (default false: measured on
   * the 250,000-row benchmark, handing rows between threads cost more than it saved).
   */
  readonly threads?: boolean
  /**
   * The lists the inspection or visit asks for (default all eleven; a focused visit asks only
   * for those of its topic, 002#242). A list asked for and missing is an error.
   */
  readonly asked?: readonly ListNumber[]
  /** Lists the LA says it has nothing to report for: missing is then fine, and said so. */
  readonly declaredEmpty?: readonly ListNumber[]
}

export interface ListFound {
  readonly list: number
  readonly sheet: string
  /** Data rows (blank rows not counted). */
  readonly rows: number
  readonly fileName: string
  readonly headerRow: number
  readonly identifiedBy: 'sheet name' | 'file name' | 'headings'
  readonly hidden: boolean
  readonly blankRows: number
}

export interface HeaderReport {
  readonly table: TableId
  readonly sheet: string
  readonly fileName: string
  readonly headerRow: number
  readonly matched: readonly ColumnMatch[]
  readonly unknown: HeaderMapping['unknown']
  readonly duplicates: HeaderMapping['duplicates']
  readonly missing: { field: string; header: string; required: boolean }[]
}

export interface FileRead {
  readonly fileName: string
  readonly kind: 'xlsx' | 'csv'
  /** For CSV: what the file was read as. */
  readonly encoding?: CsvEncoding
  readonly delimiter?: string
  readonly date1904?: boolean
  readonly sheets: { name: string; hidden: boolean; table: TableId | null }[]
}

export interface AnnexAResult {
  readonly asOf: IsoDate
  readonly files: FileRead[]
  readonly lists: ListFound[]
  /** What each sheet's headings were matched to. */
  readonly headers: HeaderReport[]
  /** Kept findings (capped per list and rule; `counts` has the totals). */
  readonly findings: Finding[]
  readonly counts: FindingCounts
  readonly hasErrors: boolean
  readonly profile: AnnexAProfile
  /** The lists asked for, and those the LA declared empty. */
  readonly asked: ListNumber[]
  readonly declaredEmpty: ListNumber[]
  /** The lists asked for that the return holds or declares empty, in order. */
  readonly listsCovered: ListNumber[]
}

export interface Source {
  readonly fileName: string
  readonly sheet: string
  readonly hidden: boolean
  readonly bytes: number
  readonly nameTable: TableId | undefined
  readonly identifiedBy: ListFound['identifiedBy']
  readonly templateSheet: boolean
  scan(
    onRow: (row: RowBuffer) => boolean | void,
    onBytes?: (bytes: number) => void,
  ): Promise<{ mergeRefs: readonly string[] }>
  readonly sst: readonly string[]
  readonly date1904: boolean
  readonly dateStyles: Uint8Array
}
