/**
 * Finding a list's header row and matching its headings to the template's columns
 * (SPEC §3.1): normalised exact comparison against the template header and a per-column
 * alias table, never a broad regex; ambiguity is reported, never fatal.
 */
import { cleanText, normaliseHeader } from './normalise.js'
import { LISTS, SIBLINGS_SHEET_COLUMNS, headerIndex, type ColumnSpec, type ListNumber } from './spec.js'
import { columnLetter } from './xlsx-writer.js'

/** The lists plus 002#253's separate siblings sheet. */
export type TableId = ListNumber | 'siblings'

export interface HeaderCell {
  /** 0-based column index. */
  readonly col: number
  readonly text: string
}

export interface ColumnMatch {
  readonly col: number
  readonly letter: string
  /** The heading as written in the sheet. */
  readonly header: string
  readonly field: string
  /** The template's heading for the column. */
  readonly expected: string
  /** exact: as the template writes it; normalised: after trimming, case, quotes and spacing; alias: a known variant. */
  readonly how: 'exact' | 'normalised' | 'alias'
}

export interface HeaderMapping {
  readonly table: TableId
  readonly headerRow: number
  readonly matched: readonly ColumnMatch[]
  /** Headings that are not columns of the list. */
  readonly unknown: readonly { col: number; letter: string; header: string }[]
  /** A heading that repeats a column already matched (the first copy is read). */
  readonly duplicates: readonly { col: number; letter: string; header: string; field: string }[]
  /** Template columns the sheet does not have. */
  readonly missing: readonly ColumnSpec[]
}

const INDEXES = new Map<TableId, Map<string, ColumnSpec>>([
  ...LISTS.map((spec) => [spec.list, headerIndex(spec.columns)] as const),
  ['siblings', headerIndex(SIBLINGS_SHEET_COLUMNS)],
])
const NORMALISED_TEMPLATE = new Map<ColumnSpec, string>()
for (const spec of [...LISTS.flatMap((l) => l.columns), ...SIBLINGS_SHEET_COLUMNS])
  NORMALISED_TEMPLATE.set(spec, normaliseHeader(spec.header))

/** The columns of a table. */
export function tableColumns(table: TableId): readonly ColumnSpec[] {
  return table === 'siblings' ? SIBLINGS_SHEET_COLUMNS : LISTS[table - 1]!.columns
}

/** Match one row of headings against a table's columns. */
export function matchHeaders(table: TableId, cells: readonly HeaderCell[], headerRow: number): HeaderMapping {
  const index = INDEXES.get(table)!
  const matched: ColumnMatch[] = []
  const unknown: HeaderMapping['unknown'][number][] = []
  const duplicates: HeaderMapping['duplicates'][number][] = []
  const seen = new Set<ColumnSpec>()
  for (const { col, text } of cells) {
    const header = cleanText(text)
    if (header === '') continue
    const letter = columnLetter(col)
    const normalised = normaliseHeader(header)
    const column = index.get(normalised)
    if (!column) {
      unknown.push({ col, letter, header })
      continue
    }
    if (seen.has(column)) {
      duplicates.push({ col, letter, header, field: column.key })
      continue
    }
    seen.add(column)
    const how =
      text.trim() === column.header ? 'exact' : normalised === NORMALISED_TEMPLATE.get(column) ? 'normalised' : 'alias'
    matched.push({ col, letter, header, field: column.key, expected: column.header, how })
  }
  const missing = tableColumns(table).filter((c) => !seen.has(c) && !c.optionalColumn)
  return { table, headerRow, matched, unknown, duplicates, missing }
}

/** How well a row of headings fits a table: matched columns over the table's template columns. */
function fit(table: TableId, cells: readonly HeaderCell[]): { matched: number; share: number } {
  const index = INDEXES.get(table)!
  const found = new Set<ColumnSpec>()
  for (const { text } of cells) {
    const column = index.get(normaliseHeader(text))
    if (column) found.add(column)
  }
  const template = tableColumns(table).filter((c) => !c.optionalColumn).length
  return { matched: found.size, share: found.size / template }
}

export interface HeaderRowCandidate {
  readonly rowNumber: number
  readonly cells: readonly HeaderCell[]
}

/**
 * The header row of a sheet known to hold `table`: among the first rows read, the one that
 * matches most columns (at least two), earliest on a tie. The template puts a title in row 1
 * and headings in row 2; many LA exports put headings in row 1 (SPEC §0).
 */
export function findHeaderRow(table: TableId, rows: readonly HeaderRowCandidate[]): HeaderRowCandidate | undefined {
  let best: HeaderRowCandidate | undefined
  let bestMatched = 1
  for (const row of rows) {
    const { matched } = fit(table, row.cells)
    if (matched > bestMatched) {
      best = row
      bestMatched = matched
    }
  }
  return best
}

/**
 * Which table a sheet with an unrecognised name holds, judged by its headings (as
 * liia-tools does): the table with the largest share of its template columns present,
 * needing at least three columns and half the template (both columns for the siblings sheet).
 */
export function identifyByHeaders(
  rows: readonly HeaderRowCandidate[],
): { table: TableId; row: HeaderRowCandidate } | undefined {
  let best: { table: TableId; row: HeaderRowCandidate; share: number; matched: number } | undefined
  // Lists first; the two-column siblings sheet only when no list fits (a list 8 sheet with
  // the siblings column also has both of its headings).
  for (const tables of [LISTS.map((l) => l.list as TableId), ['siblings' as const]]) {
    for (const row of rows) {
      for (const table of tables) {
        const { matched, share } = fit(table, row.cells)
        const enough = table === 'siblings' ? share === 1 : matched >= 3 && share >= 0.5
        if (!enough) continue
        if (!best || share > best.share || (share === best.share && matched > best.matched))
          best = { table, row, share, matched }
      }
    }
    if (best) return { table: best.table, row: best.row }
  }
  return undefined
}
