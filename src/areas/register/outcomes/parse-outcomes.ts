/**
 * Reading Ofsted's published outcomes (issue 14): pure, from the sheets of a workbook to the
 * judgements and visits they hold. Tables are found by their headers, never by sheet name or
 * position, because the files change shape from year to year: a "long" table has one row per
 * inspection or visit (with or without a type column: without one it is a table of each LA's
 * latest judgement), a "wide" table one row per LA with a group of columns per inspection
 * (first SIF, SIF re-inspection, first and second ILACS). A table starts at its header row and
 * ends at the next header row or the end of the sheet; a row of one cell is a title or note.
 */
import type { Framework, Grade, JudgementActivityType } from '../frameworks.js'
import type { VisitType } from '../visits.js'
import type { Sheet, SheetRow } from './ods-reader.js'
import { type EarlierCells, type EarlierColumn, earlierColumn, earlierRecord } from './earlier-columns.js'
import type { OutcomeRecord, ParsedOutcomes, RowLa, RowSource, UnreadRow } from './records.js'

type Role =
  | 'link'
  | 'gss'
  | 'name'
  | 'start'
  | 'published'
  | 'type'
  | 'overall'
  | 'leaders'
  | 'help'
  | 'cic'
  | 'cicAndLeavers'
  | 'leavers'
  | 'theme'
  | 'lookedAfter'
  | 'adoption'
  | 'leadership'

/** What a column holds, from its header text (lower case, spaces collapsed). */
function roleOf(header: string): Role | undefined {
  if (/^web ?link$/.test(header)) return 'link'
  if (/(area|ons|gss|new la) code$/.test(header)) return 'gss'
  if (/^(local authority|la) name$/.test(header)) return 'name'
  if (/(^|\s)(inspection|inspection\/visit|visit) date$/.test(header)) return 'start'
  if (/publication date$/.test(header)) return 'published'
  if (/(inspection|inspection\/visit|visit) type$/.test(header)) return 'type'
  if (/overall (effectiveness|judgement)/.test(header)) return 'overall'
  if (/impact of leaders/.test(header)) return 'leaders'
  if (/leadership, management/.test(header)) return 'leadership'
  if (/need help and protection/.test(header)) return 'help'
  if (/looked after and achieving permanence/.test(header)) return 'lookedAfter'
  if (/adoption performance/.test(header)) return 'adoption'
  if (/children in care and care leavers/.test(header)) return 'cicAndLeavers'
  if (/care leavers$/.test(header)) return 'leavers'
  if (/children in care$/.test(header)) return 'cic'
  if (/(visit )?theme$/.test(header)) return 'theme'
  return undefined
}

/** The inspection a wide table's column belongs to, from its header. */
function groupOf(header: string): 'sif-first' | 'sif-re' | 'ilacs-first' | 'ilacs-second' | undefined {
  if (/sif re-inspection/.test(header)) return 'sif-re'
  if (/first sif/.test(header)) return 'sif-first'
  if (/^first ilacs/.test(header)) return 'ilacs-first'
  if (/^second ilacs/.test(header)) return 'ilacs-second'
  return undefined
}

const GRADE_WORDS: ReadonlyArray<readonly [RegExp, Grade]> = [
  [/^outstanding$/i, 'outstanding'],
  [/^good$/i, 'good'],
  [/^requires improvement( to be good)?$/i, 'requires-improvement'],
  [/^inadequate$/i, 'inadequate'],
]

const ACTIVITY_TYPES: ReadonlyArray<readonly [RegExp, JudgementActivityType]> = [
  [/standard inspection/i, 'standard-inspection'],
  [/short inspection/i, 'short-inspection'],
]
const VISIT_TYPES: ReadonlyArray<readonly [RegExp, VisitType]> = [
  [/focused visit/i, 'focused-visit'],
  [/monitoring visit/i, 'monitoring-visit'],
  [/joint targeted|\bjtai\b/i, 'jtai'],
]

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim()

/** `YYYY-MM-DD` (as ODS dates are read), or `DD/MM/YYYY` (a CSV); null for blank, undefined for unreadable. */
export function readDate(text: string): string | null | undefined {
  const value = text.trim()
  if (value === '') return null
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')] : []
  if (!y || !m || !d) return undefined
  const date = `${y}-${m}-${d}`
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : undefined
}

/** A grade in Ofsted's words; null for a blank cell, undefined for text that is not a grade. */
function readGrade(text: string): Grade | null | undefined {
  const value = text.trim()
  // A dash is Ofsted's "not graded" (City of London and the Isles of Scilly had no care leavers or adoptions to grade).
  if (value === '' || /^[-\u2013\u2014]$/.test(value)) return null
  return GRADE_WORDS.find(([pattern]) => pattern.test(value))?.[1]
}

/**
 * The ILACS framework a judgement was made under (issue 14): no overall grade from April 2026,
 * care leavers a judgement of their own from January 2023 (or wherever the row grades them).
 */
function ilacsFramework(date: string | null, caresLeaversGraded: boolean): Framework {
  if (date && date >= '2026-04-01') return 'ilacs-2026'
  if (caresLeaversGraded || (date !== null && date >= '2023-01-01')) return 'ilacs-2023'
  return 'ilacs-2018'
}

/** Area keys of each framework for the columns that grade them. */
const ILACS_AREAS: Partial<Record<Role, string>> = {
  overall: 'overall',
  leaders: 'leaders',
  help: 'help-and-protection',
  cic: 'children-in-care',
  cicAndLeavers: 'children-in-care',
  leavers: 'care-leavers',
}
const SIF_AREAS: Partial<Record<Role, string>> = {
  overall: 'overall',
  help: 'help-and-protection',
  lookedAfter: 'looked-after',
  adoption: 'adoption',
  leavers: 'care-leavers',
  leadership: 'leadership',
}

interface Table {
  readonly kind: 'long' | 'wide'
  readonly headerRow: number
  readonly columns: ReadonlyMap<number, { role: Role; group?: string | undefined }>
  /** A wide table's columns of the frameworks before the SIF (2009–2013), history only. */
  readonly earlier?: ReadonlyMap<number, EarlierColumn>
}

function tableAt(row: SheetRow): Table | undefined {
  const headers = row.cells.map(normalise)
  if (headers.some((header) => /first sif .*publication date/.test(header))) {
    const columns = new Map<number, { role: Role; group?: string }>()
    const earlier = new Map<number, EarlierColumn>()
    headers.forEach((header, index) => {
      const before = earlierColumn(header)
      if (before) return void earlier.set(index, before)
      const role = roleOf(header)
      const group = groupOf(header)
      if (role && (group || role === 'name' || role === 'link' || role === 'gss'))
        columns.set(index, group ? { role, group } : { role })
    })
    return { kind: 'wide', headerRow: row.row, columns, earlier }
  }
  // A table of providers (children's homes and the like) is keyed by URN: not the register's.
  if (headers.includes('urn')) return undefined
  const columns = new Map<number, { role: Role }>()
  headers.forEach((header, index) => {
    const role = roleOf(header)
    if (role && ![...columns.values()].some((column) => column.role === role)) columns.set(index, { role })
  })
  const roles = new Set([...columns.values()].map((column) => column.role))
  const names = roles.has('name') || roles.has('gss')
  const dated = roles.has('start') || roles.has('published')
  const judged = roles.has('overall') || roles.has('type')
  return names && dated && judged ? { kind: 'long', headerRow: row.row, columns } : undefined
}

/** Every judgement and visit in the sheets, and each row that holds data but cannot be read. */
export function parseOutcomes(file: string, sheets: readonly Sheet[]): ParsedOutcomes {
  const records: OutcomeRecord[] = []
  const unread: UnreadRow[] = []
  const tables: Array<{ sheet: string; row: number; kind: string; rows: number }> = []
  for (const sheet of sheets) {
    let table: Table | undefined
    let summary: { sheet: string; row: number; kind: string; rows: number } | undefined
    for (const row of sheet.rows) {
      const found = tableAt(row)
      if (found) {
        table = found
        const kind =
          found.kind === 'wide'
            ? 'inspections by LA (wide)'
            : [...found.columns.values()].some((c) => c.role === 'type')
              ? 'inspections and visits'
              : 'latest judgements'
        summary = { sheet: sheet.name, row: row.row, kind, rows: 0 }
        tables.push(summary)
        continue
      }
      if (!table || !summary) continue
      if (row.cells.filter((cell) => cell.trim() !== '').length <= 1) continue
      summary.rows++
      const source = { file, sheet: sheet.name, row: row.row }
      const read = table.kind === 'wide' ? wideRow(table, row, source) : longRow(table, row, source)
      records.push(...read.records)
      unread.push(...read.unread)
    }
  }
  return {
    records,
    unread,
    tables,
    asAt: asAtDate([file, ...sheets.flatMap((sheet) => [sheet.name, sheet.rows[0]?.cells[0] ?? ''])]),
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** "as at 31 March 2025", "LA_level_at_31_Mar_2023": the latest such date among the texts. */
function asAtDate(texts: readonly string[]): string | null {
  let latest: string | null = null
  for (const text of texts)
    for (const match of text.matchAll(/\bat[\s_]+(\d{1,2})[\s_]+([a-z]{3})[a-z]*[\s_]+(\d{4})/gi)) {
      const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1
      if (month === 0) continue
      const date = `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
      if (readDate(date) && (!latest || date > latest)) latest = date
    }
  return latest
}

interface RowRead {
  records: OutcomeRecord[]
  unread: UnreadRow[]
}

function identity(table: Table, row: SheetRow): RowLa {
  const la: { gssCode?: string; name?: string; link?: string } = {}
  for (const [index, column] of table.columns) {
    const text = row.cells[index]?.trim() ?? ''
    if (column.role === 'gss' && /^E\d{8}$/i.test(text)) la.gssCode = text
    if (column.role === 'name' && text) la.name = text
    if (column.role === 'link') {
      const link = row.links[index] ?? (/^https?:/i.test(text) ? text : undefined)
      if (link) la.link = link
    }
  }
  return la
}

function longRow(table: Table, row: SheetRow, source: RowSource): RowRead {
  const unread: UnreadRow[] = []
  const fail = (reason: string): RowRead => ({
    records: [],
    unread: [{ sheet: source.sheet, row: source.row, reason }],
  })
  const la = identity(table, row)
  if (!la.gssCode && !la.name && !la.link) return fail('No local authority is named')
  const cell = (role: Role) => {
    for (const [index, column] of table.columns) if (column.role === role) return row.cells[index]?.trim() ?? ''
    return undefined
  }
  const start = readDate(cell('start') ?? '')
  const published = readDate(cell('published') ?? '')
  if (start === undefined) return fail(`The inspection date "${cell('start')}" is not a date`)
  if (published === undefined) return fail(`The publication date "${cell('published')}" is not a date`)
  const typeText = cell('type')
  if (typeText !== undefined) {
    const visitType = VISIT_TYPES.find(([pattern]) => pattern.test(typeText))?.[1]
    if (visitType) {
      if (!start) return fail('The visit has no date')
      const theme = cell('theme') || null
      return { records: [{ kind: 'visit', la, visitType, start, published, theme, source }], unread }
    }
  }
  const activityType = typeText === undefined ? null : ACTIVITY_TYPES.find(([p]) => p.test(typeText))?.[1]
  if (activityType === undefined) return fail(`"${typeText}" is not an inspection or visit type the register holds`)
  if (!start && !published) return fail('The inspection has no dates')
  const grades: Record<string, Grade> = {}
  let leavers = false
  for (const [index, column] of table.columns) {
    const area = ILACS_AREAS[column.role]
    if (!area) continue
    const text = row.cells[index] ?? ''
    const grade = readGrade(text)
    if (grade === undefined) return fail(`"${text}" is not a grade`)
    if (grade) {
      grades[area] = grade
      if (column.role === 'leavers') leavers = true
    }
  }
  if (Object.keys(grades).length === 0) return fail('The inspection has no judgements')
  const framework = ilacsFramework(start ?? published, leavers)
  return {
    records: [{ kind: 'judgement', la, framework, activityType, start, published, grades, source }],
    unread,
  }
}

/**
 * One row of a wide table: up to four SIF and ILACS inspections, each from its group of columns,
 * by publication date only, and the inspections under the frameworks before them.
 */
function wideRow(table: Table, row: SheetRow, source: RowSource): RowRead {
  const la = identity(table, row)
  const records: OutcomeRecord[] = []
  const unread: UnreadRow[] = []
  const earlier = new Map<string, EarlierCells>()
  for (const [index, column] of table.earlier ?? []) {
    const cells = earlier.get(column.type) ?? { grades: [] }
    const text = row.cells[index]?.trim() ?? ''
    if (column.holds === 'grade') cells.grades.push([column.area, text])
    else cells[column.holds] = text
    earlier.set(column.type, cells)
  }
  for (const [type, cells] of earlier) {
    const read = earlierRecord(type as EarlierColumn['type'], cells, la, source, readDate)
    if (read && 'kind' in read) records.push(read)
    else if (read) unread.push(read)
  }
  const groups = new Map<string, Map<Role, string>>()
  for (const [index, column] of table.columns) {
    if (!column.group) continue
    const cells = groups.get(column.group) ?? new Map<Role, string>()
    cells.set(column.role, row.cells[index]?.trim() ?? '')
    groups.set(column.group, cells)
  }
  for (const [group, cells] of groups) {
    const published = readDate(cells.get('published') ?? '')
    if (published === null) continue
    const what = group.replace('-', ' ')
    if (published === undefined) {
      unread.push({ sheet: source.sheet, row: source.row, reason: `The ${what} publication date is not a date` })
      continue
    }
    const sif = group.startsWith('sif')
    const areas = sif ? SIF_AREAS : ILACS_AREAS
    const grades: Record<string, Grade> = {}
    let bad: string | undefined
    for (const [role, text] of cells) {
      const area = areas[role]
      if (!area) continue
      const grade = readGrade(text)
      if (grade === undefined) bad = text
      else if (grade) grades[area] = grade
    }
    if (bad !== undefined) {
      unread.push({ sheet: source.sheet, row: source.row, reason: `"${bad}" in the ${what} columns is not a grade` })
      continue
    }
    const typeText = cells.get('type') ?? ''
    const activityType: JudgementActivityType = sif
      ? 'sif-inspection'
      : (ACTIVITY_TYPES.find(([pattern]) => pattern.test(typeText))?.[1] ?? 'standard-inspection')
    const framework = sif ? 'sif' : ilacsFramework(null, grades['care-leavers'] !== undefined)
    records.push({ kind: 'judgement', la, framework, activityType, start: null, published, grades, source })
  }
  return { records, unread }
}
