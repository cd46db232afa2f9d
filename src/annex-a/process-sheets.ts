/**
 * The pipeline's sheets (process.ts): every file opened and its sheets listed (step 1), the sheets
 * planned as lists by name or headings (step 2), and what reads a sheet's rows.
 */
import { basename, extname } from 'node:path'
import { addMonths, type IsoDate } from '../rules/calendar/dates.js'
import { listCoversFrom } from '../rules/case-selection.js'
import type { ChildRegistry } from './child-registry.js'
import { readCsv, type CsvEncoding } from './csv.js'
import { dayNumber } from './day-numbers.js'
import { AnnexAFileError } from './errors.js'
import type { FindingCollector } from './findings.js'
import { identifyByHeaders, type HeaderMapping, type HeaderRowCandidate, type TableId } from './headers.js'
import type { WindowDays } from './list-rules.js'
import { sheetFinding } from './process-findings.js'
import type { AnnexAInput, FileRead, ListFound, Source } from './process-types.js'
import { SheetScanWorker } from './scan-worker.js'
import {
  CELL_BOOL,
  CELL_ERROR,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TEXT,
  RowBuffer,
  type ScannerOptions,
} from './sheet-scanner.js'
import { sniffFile } from './sniff.js'
import { isTemplateSheet, listFromSheetName, type ListNumber, type ListSpec } from './spec.js'
import { openWorkbook, scanSheet, type OpenWorkbook } from './workbook.js'
import type { ZipLimits } from './zip.js'

export const PEEK_ROWS = 10
const CSV_LIST = /(?:^|[^a-z])list\s*[_\-.]?\s*(\d{1,2})(?!\d)/i

function cellText(row: RowBuffer, i: number, sst: readonly string[]): string {
  const kind = row.kinds[i]
  if (kind === CELL_SHARED) return sst[row.nums[i]!] ?? ''
  if (kind === CELL_TEXT || kind === CELL_ERROR) return row.texts[i] ?? ''
  if (kind === CELL_NUMBER) return String(row.nums[i])
  if (kind === CELL_BOOL) return row.nums[i] === 1 ? 'TRUE' : 'FALSE'
  return ''
}

/** Step 1: open every file and list its sheets, into the arrays the pipeline holds (it closes the workbooks). */
export async function openSources(
  inputs: readonly AnnexAInput[],
  options: {
    zipLimits: ZipLimits
    scannerOptions: ScannerOptions
    signal: AbortSignal | undefined
    threads: boolean | undefined
  },
  into: { workbooks: OpenWorkbook[]; files: FileRead[]; sources: Source[] },
): Promise<void> {
  const { zipLimits, scannerOptions, signal } = options
  const { workbooks, files, sources } = into
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
}

/** A sheet planned as a list: the list it holds, its header row when headings found it, and how it was found. */
export interface PlannedSheet {
  source: Source
  table: TableId
  header: HeaderRowCandidate | undefined
  identifiedBy: ListFound['identifiedBy']
}

/** Step 2: sheets named as lists are planned at once; other sheets are peeked at to find their list by headings. */
export async function planSheets(
  sources: readonly Source[],
  files: FileRead[],
  findings: FindingCollector,
): Promise<PlannedSheet[]> {
  const planned: PlannedSheet[] = []
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
  return planned
}

export interface Consumer {
  row(row: RowBuffer): void
  finish(mergeRefs: readonly string[]): void
}

export function candidateOf(row: RowBuffer, sst: readonly string[]): HeaderRowCandidate {
  const cells = []
  for (let i = row.start; i < row.start + row.count; i++) cells.push({ col: row.cols[i]!, text: cellText(row, i, sst) })
  return { rowNumber: row.rowNumber, cells }
}

/** A copy of a (reused) row buffer, for the few rows held while the header row is found. */
export function cloneRow(row: RowBuffer): RowBuffer {
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
export function windowDays(spec: ListSpec, asOf: IsoDate, asOfDay: number): WindowDays {
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

/** 002#253's separate sheet: each List 8 child's Child Unique ID and number of brothers and sisters. */
export function siblingsConsumer(
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
