/**
 * The Annex A pipeline for the CLI and the web layer: sniff each file, find its lists (by sheet
 * name, else by headings), stream every row through validation and the profile, then run the
 * checks that need every list, and return plain JSON. Nothing is written anywhere; a file that
 * cannot be read throws `AnnexAFileError` and produces no result at all.
 */
import { basename, extname } from 'node:path'
import { addMonths, isIsoDate, type IsoDate } from '../rules/calendar/dates.js'
import { listCoversFrom } from '../rules/case-selection.js'
import {
  isWorkingDay,
  workingDaysBetween as englandAndWalesWorkingDaysBetween,
} from '../rules/calendar/working-days.js'
import { ChildRegistry } from './child-registry.js'
import { CODE_SETS } from './code-sets.js'
import type { CodeMatcher } from './code-match.js'
import { readCsv, type CsvEncoding } from './csv.js'
import { AgeTable, dayNumber, isoDate } from './day-numbers.js'
import { AnnexAFileError } from './errors.js'
import {
  DEFAULT_FINDING_LIMITS,
  FindingCollector,
  RULES,
  citationOf,
  type Finding,
  type FindingCounts,
  type FindingLimits,
  type RuleId,
  type Severity,
} from './findings.js'
import {
  findHeaderRow,
  identifyByHeaders,
  matchHeaders,
  tableColumns,
  type ColumnMatch,
  type HeaderMapping,
  type HeaderRowCandidate,
  type TableId,
} from './headers.js'
import { ListProcessor, type RunContext } from './list-processor.js'
import type { WindowDays } from './list-rules.js'
import { truncate } from './normalise.js'
import { ProfileBuilder, type AnnexAProfile, type WorkingDaysBetween } from './profile.js'
import {
  CELL_BOOL,
  CELL_ERROR,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TEXT,
  DEFAULT_SCANNER_OPTIONS,
  RowBuffer,
  type ScannerOptions,
} from './sheet-scanner.js'
import { SheetScanWorker } from './scan-worker.js'
import { sniffFile } from './sniff.js'
import { workingDayCounter, type WorkingDayCount } from './working-day-count.js'
import { LISTS, isTemplateSheet, listFromSheetName, listSpec, type ListNumber, type ListSpec } from './spec.js'
import { openWorkbook, scanSheet, type OpenWorkbook } from './workbook.js'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js'

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

interface Source {
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

const PEEK_ROWS = 10
const CSV_LIST = /(?:^|[^a-z])list\s*[_\-.]?\s*(\d{1,2})(?!\d)/i

function cellText(row: RowBuffer, i: number, sst: readonly string[]): string {
  const kind = row.kinds[i]
  if (kind === CELL_SHARED) return sst[row.nums[i]!] ?? ''
  if (kind === CELL_TEXT || kind === CELL_ERROR) return row.texts[i] ?? ''
  if (kind === CELL_NUMBER) return String(row.nums[i])
  if (kind === CELL_BOOL) return row.nums[i] === 1 ? 'TRUE' : 'FALSE'
  return ''
}

/** Validate and profile an Annex A return (one workbook, or one CSV per list). */
export async function processAnnexA(
  input: AnnexAInput | readonly AnnexAInput[],
  options: ProcessOptions,
): Promise<AnnexAResult> {
  if (!isIsoDate(options.asOf)) throw new TypeError(`asOf must be a YYYY-MM-DD date, not ${options.asOf}`)
  const inputs = Array.isArray(input) ? input : [input as AnnexAInput]
  const limits = options.limits ?? {}
  const zipLimits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits.zip }
  const scannerOptions: ScannerOptions = {
    maxRowBytes: limits.maxRowBytes ?? DEFAULT_SCANNER_OPTIONS.maxRowBytes,
    maxCellChars: limits.maxCellChars ?? DEFAULT_SCANNER_OPTIONS.maxCellChars,
  }
  const findings = new FindingCollector({ ...DEFAULT_FINDING_LIMITS, ...limits.findings })
  const registry = new ChildRegistry(limits.maxChildren)
  const asOfDay = dayNumber(options.asOf)
  const ages = new AgeTable(asOfDay)
  const given = options.workingDaysBetween
  // A return spans a few years before the inspection date: count those working days once.
  const workingDays: WorkingDayCount = given
    ? (from, to) => given(isoDate(from), isoDate(to))
    : workingDayCounter(
        isWorkingDay,
        englandAndWalesWorkingDaysBetween,
        dayNumber(addMonths(options.asOf, -12 * 12)),
        dayNumber(addMonths(options.asOf, 12)),
      )
  const profile = new ProfileBuilder(options.asOf, workingDays, registry, ages)
  const workbooks: OpenWorkbook[] = []
  const files: FileRead[] = []
  const sources: Source[] = []
  const signal = options.signal
  const maxRows = limits.maxRows ?? 2_000_000
  const asked = new Set<ListNumber>(options.asked ?? LISTS.map((spec) => spec.list))
  const declaredEmpty = new Set<ListNumber>((options.declaredEmpty ?? []).filter((list) => asked.has(list)))
  let allRows = 0

  try {
    // 1. Open every file and list its sheets.
    for (const file of inputs) {
      const { kind, size } = await sniffFile(file.path, file.fileName)
      if (kind === 'xlsx') {
        const workbook = await openWorkbook(file.path, {
          zip: zipLimits,
          maxCellChars: scannerOptions.maxCellChars,
          ...(signal ? { signal } : {}),
        })
        workbooks.push(workbook)
        const fileInfo: FileRead = { fileName: file.fileName, kind, date1904: workbook.date1904, sheets: [] }
        files.push(fileInfo)
        const threaded = options.threads ?? false
        for (const sheet of workbook.sheets) {
          sources.push({
            fileName: file.fileName,
            sheet: sheet.name,
            hidden: sheet.hidden,
            bytes: sheet.entry.compressedSize,
            nameTable: listFromSheetName(sheet.name),
            identifiedBy: 'sheet name',
            templateSheet: isTemplateSheet(sheet.name),
            sst: workbook.sharedStrings,
            date1904: workbook.date1904,
            dateStyles: workbook.dateStyles,
            scan: (onRow, onBytes) => {
              const scanOptions = { ...(signal ? { signal } : {}), ...(onBytes ? { onCompressed: onBytes } : {}) }
              // Peeks (no byte counting) stay on this thread; full passes go to the worker when threaded.
              const worker = threaded && onBytes ? SheetScanWorker.shared() : undefined
              if (worker)
                return worker.scan(
                  {
                    path: file.path,
                    entry: sheet.entry,
                    zip: zipLimits,
                    scanner: { ...scannerOptions, sheet: sheet.name },
                  },
                  onRow,
                  scanOptions,
                )
              return scanSheet(workbook, sheet, onRow, { scanner: scannerOptions, ...scanOptions })
            },
          })
        }
        if (workbook.sheets.length === 0)
          throw new AnnexAFileError('NOT_A_WORKBOOK', `The workbook ${file.fileName} has no worksheets.`)
      } else {
        let encoding: CsvEncoding | undefined
        let delimiter = ','
        const stem = basename(file.fileName, extname(file.fileName))
        const named =
          listFromSheetName(stem) ?? (CSV_LIST.exec(stem) ? (Number(CSV_LIST.exec(stem)![1]) as ListNumber) : undefined)
        const fileInfo = { fileName: file.fileName, kind, sheets: [] } as {
          -readonly [K in keyof FileRead]: FileRead[K]
        }
        files.push(fileInfo)
        sources.push({
          fileName: file.fileName,
          sheet: file.fileName,
          hidden: false,
          bytes: size,
          nameTable: named !== undefined && named >= 1 && named <= 11 ? named : undefined,
          identifiedBy: 'file name',
          templateSheet: false,
          sst: [],
          date1904: false,
          dateStyles: new Uint8Array(0),
          scan: async (onRow, onBytes) => {
            const read = await readCsv(file.path, onRow, {
              ...(signal ? { signal } : {}),
              ...(onBytes ? { onBytes } : {}),
              ...(encoding ? { encoding } : {}),
              maxCellChars: scannerOptions.maxCellChars,
            })
            encoding = read.encoding
            delimiter = read.delimiter
            fileInfo.encoding = encoding
            fileInfo.delimiter = delimiter
            return { mergeRefs: [] }
          },
        })
      }
    }

    // 2. Sheets named as lists are planned at once; other sheets are peeked at to find their list by headings.
    const planned: {
      source: Source
      table: TableId
      header: HeaderRowCandidate | undefined
      identifiedBy: ListFound['identifiedBy']
    }[] = []
    for (const source of sources) {
      const fileInfo = files.find((f) => f.fileName === source.fileName)!
      if (source.nameTable !== undefined) {
        fileInfo.sheets.push({ name: source.sheet, hidden: source.hidden, table: source.nameTable })
        planned.push({ source, table: source.nameTable, header: undefined, identifiedBy: source.identifiedBy })
        continue
      }
      if (source.templateSheet) {
        fileInfo.sheets.push({ name: source.sheet, hidden: source.hidden, table: null })
        continue
      }
      const candidates: HeaderRowCandidate[] = []
      await source.scan((row) => {
        candidates.push(candidateOf(row, source.sst))
        return candidates.length < PEEK_ROWS
      })
      const found = identifyByHeaders(candidates)
      fileInfo.sheets.push({ name: source.sheet, hidden: source.hidden, table: found?.table ?? null })
      if (found) planned.push({ source, table: found.table, header: found.row, identifiedBy: 'headings' })
      else if (candidates.length > 0) {
        sheetFinding(
          findings,
          { list: null, sheet: source.sheet, row: null },
          'AA-SHEET-UNKNOWN',
          () =>
            `The sheet "${source.sheet}" is not one of the Annex A lists (its name and headings match none of them), so it was not read. If it is a list, name the sheet List_1 … List_11 as in the Ofsted template.`,
        )
      }
    }
    planned.sort((a, b) => order(a.table) - order(b.table))

    // 3. Stream every list: the first rows are held until the header row is found, then every row is validated.
    const matchers = new Map<string, CodeMatcher>()
    const sharedCodes = new Map<string, Int16Array>()
    const processors = new Map<number, ListProcessor>()
    const lists: ListFound[] = []
    const headers: HeaderReport[] = []
    const familyLinks = {
      list10: [] as { id: string; row: number; sheet: string; col: string; letter: string }[],
      list11: new Set<string>(),
    }
    const totalBytes = planned.reduce((sum, p) => sum + p.source.bytes, 0)
    let bytesRead = 0
    let rowsRead = 0
    const siblingSheets: string[] = []
    let currentSst: readonly string[] | undefined

    for (const { source, table, header: knownHeader, identifiedBy } of planned) {
      const progress = (bytes: number) => {
        bytesRead += bytes
        options.onProgress?.({ bytesRead, totalBytes, rows: rowsRead, sheet: source.sheet })
      }
      let consumer: Consumer | undefined
      let headerRow = 0
      const early: RowBuffer[] = []
      const begin = (header: HeaderRowCandidate) => {
        headerRow = header.rowNumber
        const mapping = matchHeaders(table, header.cells, header.rowNumber)
        headers.push({
          table,
          sheet: source.sheet,
          fileName: source.fileName,
          headerRow,
          matched: mapping.matched,
          unknown: mapping.unknown,
          duplicates: mapping.duplicates,
          missing: mapping.missing.map((c) => ({ field: c.key, header: c.header, required: c.required })),
        })
        headerFindings(findings, table === 'siblings' ? 8 : table, source.sheet, mapping)
        if (table === 'siblings') {
          siblingSheets.push(source.sheet)
          consumer = siblingsConsumer(source, mapping, registry, findings)
          return
        }
        if (source.sst !== currentSst) {
          // Shared-string indexes are per workbook: the registry's fast id lookup and the code caches start again.
          currentSst = source.sst
          registry.useSharedStrings(currentSst.length)
          sharedCodes.clear()
        }
        const spec = listSpec(table)
        const run: RunContext = {
          asOfDay,
          ages,
          findings,
          registry,
          sst: source.sst,
          date1904: source.date1904,
          dateStyles: source.dateStyles,
          matchers,
          sharedCodes,
          onRow: (_n, view, slot) => profileRow(view, slot),
        }
        const processor = new ListProcessor(spec, source.sheet, mapping, run, windowDays(spec, options.asOf, asOfDay))
        const profileRow = profile.startList(table, processor.fieldIndex, (field) => processor.known(field))
        if (processors.has(table)) {
          const first = processors.get(table)!
          sheetFinding(
            findings,
            { list: table, sheet: source.sheet, row: null },
            'AA-LIST-DUPLICATE',
            () =>
              `The sheets "${first.sheet}" and "${source.sheet}" both hold List ${table}. Both were read; put all of List ${table} on one sheet and delete the other.`,
          )
        } else processors.set(table, processor)
        const familyField = table === 10 || table === 11 ? processor.fieldIndex('familyId') : -1
        const familyColumn = mapping.matched.find((m) => m.field === 'familyId')
        consumer = {
          row: (row) => {
            processor.processRow(row)
            if (familyField >= 0 && processor.has(familyField)) {
              if (table === 11) familyLinks.list11.add(processor.text(familyField))
              else if (familyColumn && familyLinks.list10.length < 100_000)
                familyLinks.list10.push({
                  id: processor.text(familyField),
                  row: row.rowNumber,
                  sheet: source.sheet,
                  col: familyColumn.header,
                  letter: familyColumn.letter,
                })
            }
          },
          finish: (mergeRefs) => {
            processor.finish()
            mergeFindings(findings, table, source.sheet, headerRow, mapping, mergeRefs)
            if (processor.templateZoneRows > 0)
              templateZoneNote(findings, table, source.sheet, processor.templateZoneRows)
            if (processor.rows === 0)
              sheetFinding(
                findings,
                { list: table, sheet: source.sheet, row: null },
                'AA-LIST-EMPTY',
                () =>
                  `List ${table} (${spec.title}) has headings but no rows. That is fine if you have no ${spec.title.toLowerCase()} in scope; otherwise add the rows.`,
              )
            if (source.hidden)
              sheetFinding(
                findings,
                { list: table, sheet: source.sheet, row: null },
                'AA-SHEET-HIDDEN',
                () =>
                  `List ${table} is on the hidden sheet "${source.sheet}". It was read; unhide the sheet (right-click a sheet tab > Unhide) so inspectors can see it too.`,
              )
            lists.push({
              list: table,
              sheet: source.sheet,
              rows: processor.rows,
              fileName: source.fileName,
              headerRow,
              identifiedBy,
              hidden: source.hidden,
              blankRows: processor.blankRows,
            })
          },
        }
      }
      const notFound = () => {
        const columns = tableColumns(table)
        sheetFinding(
          findings,
          { list: table === 'siblings' ? 8 : table, sheet: source.sheet, row: early[0]?.rowNumber ?? null },
          'AA-HEADER-NOT-FOUND',
          () =>
            `The sheet "${source.sheet}" is named as List ${table} but none of its first ${PEEK_ROWS} rows has List ${table}'s column headings, so it was not read. Put the headings (for example "${columns[0]!.header}", "${columns[5]?.header ?? columns[1]!.header}") in row 1 or 2, as in the Ofsted template.`,
        )
      }
      const decide = (): boolean => {
        const header = findHeaderRow(
          table,
          early.map((row) => candidateOf(row, source.sst)),
        )
        if (!header) {
          notFound()
          return false
        }
        begin(header)
        for (const row of early) if (row.rowNumber > headerRow) consumer!.row(row)
        return true
      }
      if (knownHeader) begin(knownHeader)
      const { mergeRefs } = await source.scan((row) => {
        if (++allRows > maxRows)
          throw new AnnexAFileError(
            'TOO_LARGE',
            `The return holds more than ${maxRows.toLocaleString('en-GB')} rows (counted up to row ${row.rowNumber.toLocaleString('en-GB')} of "${source.sheet}"), far more than an Annex A return has.`,
          )
        if (consumer) {
          if (row.rowNumber > headerRow) {
            consumer.row(row)
            rowsRead++
          }
          return
        }
        early.push(cloneRow(row))
        if (early.length >= PEEK_ROWS) return decide()
      }, progress)
      if (!consumer) {
        if (early.length === 0 && table !== 'siblings') {
          lists.push({
            list: table,
            sheet: source.sheet,
            rows: 0,
            fileName: source.fileName,
            headerRow: 0,
            identifiedBy,
            hidden: source.hidden,
            blankRows: 0,
          })
          sheetFinding(
            findings,
            { list: table, sheet: source.sheet, row: null },
            'AA-LIST-EMPTY',
            () =>
              `The sheet "${source.sheet}" (List ${table}) is empty, with no headings or rows. If you have no ${listSpec(table).title.toLowerCase()} in scope, add the headings only; otherwise add the list.`,
          )
          continue
        }
        if (early.length < PEEK_ROWS && !decide()) continue
      }
      ;(consumer as Consumer | undefined)?.finish(mergeRefs)
    }
    // 4. Checks that need every list.
    const found = new Set(lists.map((l) => l.list))
    for (const spec of LISTS) {
      if (found.has(spec.list)) {
        const rows = lists.filter((l) => l.list === spec.list).reduce((n, l) => n + l.rows, 0)
        if (declaredEmpty.has(spec.list) && rows > 0)
          sheetFinding(
            findings,
            { list: spec.list, sheet: null, row: null },
            'AA-LIST-DECLARED-EMPTY',
            () =>
              `You said List ${spec.list} (${spec.title}) has nothing to report, but the return holds ${rows} ${rows === 1 ? 'row' : 'rows'} of it. They were read; untick "nothing to report" for List ${spec.list} if they are meant to be there.`,
            'warning',
          )
        continue
      }
      if (!asked.has(spec.list)) continue
      if (declaredEmpty.has(spec.list)) {
        sheetFinding(
          findings,
          { list: spec.list, sheet: null, row: null },
          'AA-LIST-DECLARED-EMPTY',
          () => `You said List ${spec.list} (${spec.title}) has nothing to report.`,
        )
        continue
      }
      sheetFinding(
        findings,
        { list: spec.list, sheet: null, row: null },
        'AA-LIST-MISSING',
        () =>
          `List ${spec.list} (${spec.title}) is missing. The inspection asks for ${spec.scope.charAt(0).toLowerCase()}${spec.scope.slice(1)}. Add a sheet named List_${spec.list} (or a file List_${spec.list}.csv) with the list's headings and rows, and upload all the lists together. If you have nothing to report for it, say so when you upload.`,
      )
    }
    const list8 = processors.get(8)
    if (list8 && !list8.known(list8.fieldIndex('siblings')) && siblingSheets.length === 0) {
      // Decision A2: 002#253 lets the LA choose how to give brothers and sisters (an extra List 8
      // column or a separate sheet) and the 2019 template has no column, so its absence is a note.
      sheetFinding(
        findings,
        { list: 8, sheet: list8.sheet, row: null },
        'AA-SIBLINGS',
        () =>
          `List 8 does not say how many brothers and sisters each child has. 002#253: it would help inspectors choose children (including one from a large sibling group) if you add a column "Number of brothers and sisters" to List 8, or a separate sheet with each child's Child Unique ID and that number.`,
      )
    }
    caseStatusChecks(findings, registry, processors)
    if (familyLinks.list11.size > 0) {
      for (const link of familyLinks.list10) {
        if (familyLinks.list11.has(link.id)) continue
        sheetFinding(
          findings,
          {
            list: 10,
            sheet: link.sheet,
            row: link.row,
            column: link.col,
            letter: link.letter,
            field: 'familyId',
            value: link.id,
          },
          'AA-FAMILY-LINK',
          () =>
            `Family identifier ${link.id} is not in List 11. If the child was matched or placed with adopters assessed by this agency, use the same family identifier in both lists; leave it blank for an interagency placement.`,
        )
      }
    }

    const profileResult = profile.finish(processors.get(11)?.distinctAdopters ?? 0)
    return {
      asOf: options.asOf,
      files,
      lists: lists.sort((a, b) => a.list - b.list),
      headers,
      findings: findings.findings(),
      counts: findings.counts(),
      hasErrors: findings.errorCount > 0,
      profile: profileResult,
      asked: [...asked].sort((a, b) => a - b),
      declaredEmpty: [...declaredEmpty].sort((a, b) => a - b),
      listsCovered: LISTS.map((spec) => spec.list).filter(
        (list) => asked.has(list) && (found.has(list) || declaredEmpty.has(list)),
      ),
    }
  } finally {
    for (const workbook of workbooks) await workbook.archive.close()
  }
}

interface Consumer {
  row(row: RowBuffer): void
  finish(mergeRefs: readonly string[]): void
}

function candidateOf(row: RowBuffer, sst: readonly string[]): HeaderRowCandidate {
  const cells = []
  for (let i = row.start; i < row.start + row.count; i++) cells.push({ col: row.cols[i]!, text: cellText(row, i, sst) })
  return { rowNumber: row.rowNumber, cells }
}

/** A copy of a (reused) row buffer, for the few rows held while the header row is found. */
function cloneRow(row: RowBuffer): RowBuffer {
  const copy = new RowBuffer()
  while (copy.cols.length < row.count) copy.grow()
  copy.rowNumber = row.rowNumber
  copy.count = row.count
  const end = row.start + row.count
  copy.cols.set(row.cols.subarray(row.start, end))
  copy.kinds.set(row.kinds.subarray(row.start, end))
  copy.nums.set(row.nums.subarray(row.start, end))
  copy.styles.set(row.styles.subarray(row.start, end))
  copy.formulas.set(row.formulas.subarray(row.start, end))
  copy.texts = row.texts.slice(row.start, end)
  return copy
}

/** A list's window (S9, 002#249): the rules core's look-back; a list with none (List 9) has no start. */
function windowDays(spec: ListSpec, asOf: IsoDate, asOfDay: number): WindowDays {
  const start = spec.window.months === null ? NaN : dayNumber(listCoversFrom(spec.list, asOf))
  return {
    asOfDay,
    start,
    templateStart: spec.window.templateMonths ? dayNumber(addMonths(asOf, -spec.window.templateMonths)) : start,
  }
}

function order(table: TableId): number {
  return table === 'siblings' ? 12 : table
}

interface Where {
  list: number | null
  sheet: string | null
  row: number | null
  column?: string
  letter?: string
  field?: string
  value?: string
}

function sheetFinding(
  findings: FindingCollector,
  where: Where,
  rule: RuleId,
  message: () => string,
  severity: Severity = RULES[rule].severity,
): void {
  if (!findings.wants(where.list, rule, severity)) return
  findings.add({
    list: where.list,
    sheet: where.sheet,
    row: where.row,
    column: where.column ?? null,
    columnLetter: where.letter ?? null,
    cell: where.letter && where.row ? `${where.letter}${where.row}` : null,
    field: where.field ?? null,
    value: where.value === undefined ? null : truncate(where.value),
    rule,
    severity,
    message: message(),
    citation: citationOf(rule),
  })
}

function headerFindings(findings: FindingCollector, list: number, sheet: string, mapping: HeaderMapping): void {
  const row = mapping.headerRow
  const columns = tableColumns(mapping.table)
  for (const column of mapping.missing) {
    const position = columns.indexOf(column)
    const before = columns
      .slice(0, position)
      .reverse()
      .find((c) => mapping.matched.some((m) => m.field === c.key))
    const matchBefore = before && mapping.matched.find((m) => m.field === before.key)
    sheetFinding(
      findings,
      { list, sheet, row, column: column.header, field: column.key },
      'AA-HEADER-MISSING',
      () =>
        `List ${list} has no "${column.header}" column${column.required ? ', which must be filled in for every row' : ''}. Add a column headed "${column.header}"${matchBefore ? ` after "${matchBefore.header}" (column ${matchBefore.letter})` : ''}, or correct the heading if the column is there under another name.`,
      column.required ? 'error' : 'warning',
    )
  }
  for (const extra of mapping.unknown) {
    sheetFinding(
      findings,
      { list, sheet, row, column: extra.header, letter: extra.letter, value: extra.header },
      'AA-HEADER-UNKNOWN',
      () =>
        `The column "${extra.header}" (column ${extra.letter}) is not one of List ${list}'s columns, so it was not read. If it is one of them under another name, use the template's heading.`,
    )
  }
  for (const duplicate of mapping.duplicates) {
    const first = mapping.matched.find((m) => m.field === duplicate.field)!
    sheetFinding(
      findings,
      {
        list,
        sheet,
        row,
        column: duplicate.header,
        letter: duplicate.letter,
        field: duplicate.field,
        value: duplicate.header,
      },
      'AA-HEADER-DUPLICATE',
      () =>
        `"${duplicate.header}" (column ${duplicate.letter}) repeats column ${first.letter}. Only column ${first.letter} was read; delete the extra column or merge the two.`,
    )
  }
}

/** Merged cells in the data area read as blank except their top-left cell. */
function mergeFindings(
  findings: FindingCollector,
  list: number,
  sheet: string,
  headerRow: number,
  mapping: HeaderMapping,
  refs: readonly string[],
): void {
  for (const ref of refs) {
    const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref)
    if (!match) continue
    const top = Number(match[2])
    const bottom = Number(match[4] ?? match[2])
    if (bottom <= headerRow) continue
    const letter = match[1]!.toUpperCase()
    const column = mapping.matched.find((m) => m.letter === letter)
    sheetFinding(
      findings,
      {
        list,
        sheet,
        row: Math.max(top, headerRow + 1),
        ...(column ? { column: column.header, field: column.field } : {}),
        letter,
      },
      'AA-MERGED-CELLS',
      () =>
        `Cells ${ref.toUpperCase()} are merged. Only the top-left cell holds a value, so the other cells read as blank. Unmerge them (Home > Merge & Center > Unmerge Cells) and enter the value on every row.`,
    )
  }
}

function templateZoneNote(findings: FindingCollector, list: ListNumber, sheet: string, rows: number): void {
  const spec = listSpec(list)
  sheetFinding(
    findings,
    { list, sheet, row: null },
    'AA-DATE-WINDOW',
    () =>
      `${rows} row${rows === 1 ? ' is' : 's are'} dated between ${spec.window.months} and ${spec.window.templateMonths} months before the inspection date. 002#249 asks List ${list} for ${spec.window.describe.replace(/ \(002#249\)$/, '')}; the 2019 template asked for ${spec.window.templateMonths} months. You may leave these rows in: inspectors will look at the last ${spec.window.months} months.`,
    'note',
  )
}

const CASE_STATUS = CODE_SETS.CASESTATUS.codes.map((c) => c.code)
const LOOKED_AFTER = CASE_STATUS.indexOf('Looked after child')
const CP_PLAN = CASE_STATUS.indexOf('Child Protection plan')

/** SPEC §3.4: List 6's case status should agree with Lists 7 and 8, and every open CP or CLA child should be in List 6. */
function caseStatusChecks(
  findings: FindingCollector,
  registry: ChildRegistry,
  processors: Map<number, ListProcessor>,
): void {
  const list6 = processors.get(6)
  if (!list6) return
  const status6 = list6.mapping.matched.find((m) => m.field === 'caseStatus')
  for (let slot = 0; slot < registry.size; slot++) {
    const inCare = registry.inCareOpen[slot] === 1 && registry.on(slot, 8)
    const onPlan = registry.cpPlanOpen[slot] === 1 && registry.on(slot, 7)
    if (!inCare && !onPlan) continue
    const id = registry.ids[slot]!
    const expected = inCare ? LOOKED_AFTER : CP_PLAN
    const from = inCare ? 8 : 7
    const status = registry.caseStatus[slot]!
    if (!registry.on(slot, 6)) {
      const source = processors.get(from)
      const row = registry.firstRow[slot * 12 + from]!
      const idColumn = source?.mapping.matched.find((m) => m.field === 'childId')
      sheetFinding(
        findings,
        {
          list: from,
          sheet: source?.sheet ?? null,
          row,
          ...(idColumn ? { column: idColumn.header, letter: idColumn.letter, field: 'childId' } : {}),
          value: id,
        },
        'AA-CASE-STATUS',
        () =>
          `Child ${id} is ${inCare ? 'in care (List 8)' : 'on a child protection plan (List 7)'} but not in List 6. List 6 includes every child on a CP plan or looked after at the inspection; add the child to List 6 with case status "${inCare ? 'a)' : 'b)'} ${CASE_STATUS[expected]}".`,
      )
    } else if (status6 && status >= 0 && status !== expected && !(onPlan && status === LOOKED_AFTER)) {
      const row = registry.firstRow[slot * 12 + 6]!
      sheetFinding(
        findings,
        {
          list: 6,
          sheet: list6.sheet,
          row,
          column: status6.header,
          letter: status6.letter,
          field: 'caseStatus',
          value: CASE_STATUS[status]!,
        },
        'AA-CASE-STATUS',
        () =>
          `Child ${id} has case status "${CASE_STATUS[status]}" but is ${inCare ? 'in care in List 8' : 'on an open child protection plan in List 7'}. Case status is the first that applies of looked after, CP plan, CIN plan, open assessment; change it to "${inCare ? 'a)' : 'b)'} ${CASE_STATUS[expected]}".`,
      )
    }
  }
}

/** 002#253's separate sheet: each List 8 child's Child Unique ID and number of brothers and sisters. */
function siblingsConsumer(
  source: Source,
  mapping: HeaderMapping,
  registry: ChildRegistry,
  findings: FindingCollector,
): Consumer {
  const idMatch = mapping.matched.find((m) => m.field === 'childId')
  const countMatch = mapping.matched.find((m) => m.field === 'siblings')
  return {
    finish: () => undefined,
    row: (row) => {
      if (!idMatch || !countMatch) return
      let id = ''
      let countText = ''
      let countNumber = NaN
      for (let i = row.start; i < row.start + row.count; i++) {
        if (row.cols[i] === idMatch.col) id = cellText(row, i, source.sst).trim()
        else if (row.cols[i] === countMatch.col) {
          countText = cellText(row, i, source.sst).trim()
          countNumber = row.kinds[i] === CELL_NUMBER ? row.nums[i]! : /^\d+$/.test(countText) ? Number(countText) : NaN
        }
      }
      if (!id && !countText) return
      const where = {
        list: 8,
        sheet: source.sheet,
        row: row.rowNumber,
        column: countMatch.header,
        letter: countMatch.letter,
        field: 'siblings',
        value: countText,
      }
      if (!Number.isInteger(countNumber) || countNumber < 0) {
        sheetFinding(
          findings,
          where,
          countText ? 'AA-NUMBER' : 'AA-BLANK',
          () => `Enter the number of brothers and sisters as a whole number (0 if none).`,
        )
        return
      }
      const slot = registry.find(id)
      if (slot < 0 || !registry.on(slot, 8)) {
        sheetFinding(
          findings,
          { ...where, column: idMatch.header, letter: idMatch.letter, field: 'childId', value: id },
          'AA-SIBLINGS',
          () =>
            `Child ${id} is on the brothers and sisters sheet but not in List 8. 002#253 asks for this number for the children in List 8; check the Child Unique ID.`,
          'warning',
        )
        return
      }
      registry.siblings[slot] = countNumber
    },
  }
}
