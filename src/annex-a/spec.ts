/**
 * The Annex A child-level lists 1–11 (002#249) as data: columns with their header text and
 * known variants, types, mandatory flags and code sets; each list's look-back window; how
 * many rows a child may have; and the sheet names LAs use. Built from SPEC.md §1 (the Aug
 * 2019 Ofsted template, liia-tools' configs and D2I's 2024 extract); departures are marked
 * "Departs from SPEC".
 */
import type { CodeSetName } from './code-sets.js'
import { normaliseHeader } from './normalise.js'
import { CARE_LISTS } from './spec/care.js'
import { childId } from './spec/columns.js'
import { HELP_AND_PROTECTION_LISTS } from './spec/help-and-protection.js'

export type ListNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11

export type ColumnType = 'id' | 'date' | 'int' | 'age' | 'code' | 'text' | 'postcode'

export interface ColumnSpec {
  /** Stable field key used in code, the profile and findings (`field`). */
  readonly key: string
  /** The header as the 2019 template writes it (trailing spaces and curly quotes normalised). */
  readonly header: string
  /** Other headers seen for the same column (liia-tools, later templates, LA exports). */
  readonly aliases?: readonly string[]
  readonly type: ColumnType
  readonly codeSet?: CodeSetName
  /** A blank cell is an error (liia-tools `canbeblank: false`, SPEC §1 "Req"). */
  readonly required: boolean
  /** Smallest whole number allowed (`int` columns). */
  readonly min?: number
  /**
   * The column is not in the 2019 template (a later version or an extension such as 002#253's
   * siblings column): its absence is not reported as a missing column.
   */
  readonly optionalColumn?: boolean
}

/**
 * How far back a list looks (002#249). `months: null` means "at the point of inspection".
 * `templateMonths` is the 2019 template's (longer) window, where it differs: rows between the
 * two are in the template's scope but not 002#249's, so they are summarised as a note rather
 * than flagged row by row.
 */
export interface WindowSpec {
  readonly months: number | null
  readonly templateMonths?: number
  readonly describe: string
}

/**
 * How many rows a child may have in a list.
 * Decision A1 (002#251 vs SPEC §3.4): 002#251 asks for "only one row for each unique child ID
 * where possible" in lists 3 to 10; the 2019 template asks for one row per referral,
 * assessment and s47 enquiry in lists 3–5 (its FAQ has a worked example of a child with two
 * s47s). So a repeated child is a warning in lists 3–5 ("where possible", and the template
 * allows it) and an error in lists 6–10, where both sources say one row per child.
 * List 11 is one row per adopter (error on a repeated adopter identifier).
 */
export type Cardinality = 'repeats' | 'one-per-child-where-possible' | 'one-per-child' | 'one-per-adopter'

export interface ListSpec {
  readonly list: ListNumber
  readonly title: string
  /** What the list holds, in 002#249's words (shortened). */
  readonly scope: string
  readonly window: WindowSpec
  readonly cardinality: Cardinality
  /** Descriptive sheet names LAs and tools use for this list (SPEC §0). */
  readonly sheetNames: readonly string[]
  readonly columns: readonly ColumnSpec[]
}

/** Every list, 1 to 11, in order. */
export const LISTS: readonly ListSpec[] = [...HELP_AND_PROTECTION_LISTS, ...CARE_LISTS]

/** The spec of list `n`. */
export function listSpec(n: ListNumber): ListSpec {
  const spec = LISTS[n - 1]
  if (!spec || spec.list !== n) throw new Error(`No Annex A list ${n}`)
  return spec
}

/** The column of `spec` with field key `key` (a bug if absent). */
export function columnOf(spec: ListSpec, key: string): ColumnSpec {
  const column = spec.columns.find((c) => c.key === key)
  if (!column) throw new Error(`List ${spec.list} has no column ${key}`)
  return column
}

/**
 * The separate siblings sheet 002#253 allows instead of a list 8 column: each child in list 8
 * with their Child Unique ID and the number of brothers and sisters.
 */
export const SIBLINGS_SHEET_COLUMNS: readonly ColumnSpec[] = [
  childId,
  { ...columnOf(listSpec(8), 'siblings'), required: true, optionalColumn: false },
]

/** Sheets of the Ofsted template that are not lists; they are expected and skipped quietly. */
export const TEMPLATE_SHEETS: readonly string[] = [
  'Front_Sheet',
  'Front Sheet',
  'FAQ_and_changes',
  'FAQ',
  'Guidance',
  'Codes_used',
  'Codes used',
  'Codes',
  'Notes',
  'Contents',
  'Cover',
]

// "List_1", "List 1", "List1", "list-1", "List 1 - Contacts"; the (?!\d) keeps List 1 off List 11.
const LIST_SHEET = /^list\s*[_\-.]?\s*(\d{1,2})(?!\d)/i

function compact(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

const DESCRIPTIVE = new Map<string, ListNumber>(
  LISTS.flatMap((spec) => spec.sheetNames.map((name) => [compact(name), spec.list] as const)),
)

/** The list a sheet name names, if it names one. */
export function listFromSheetName(name: string): ListNumber | undefined {
  const numbered = LIST_SHEET.exec(name.trim())
  if (numbered) {
    const n = Number(numbered[1])
    return n >= 1 && n <= 11 ? (n as ListNumber) : undefined
  }
  return DESCRIPTIVE.get(compact(name))
}

/** True for the template's own non-list sheets (Front_Sheet, Guidance, Codes_used …). */
export function isTemplateSheet(name: string): boolean {
  const key = compact(name)
  return TEMPLATE_SHEETS.some((sheet) => compact(sheet) === key)
}

/** Normalised header → column, for one list's columns (header and every alias). */
export function headerIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>()
  for (const column of columns) {
    for (const text of [column.header, ...(column.aliases ?? [])]) {
      const key = normaliseHeader(text)
      const existing = index.get(key)
      if (existing && existing !== column)
        throw new Error(`Header ${text} names two columns: ${existing.key} and ${column.key}`)
      index.set(key, column)
    }
  }
  return index
}
