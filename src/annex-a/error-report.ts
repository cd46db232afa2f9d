/**
 * The LA's workbook back as .xlsx with every finding marked on its cell (a fill by severity and
 * a note with the message), after a Summary sheet that counts the findings by list, rule and
 * severity and lists every one with a link to its cell, so the analyst can fix the return in
 * Excel. The original is read with our streaming reader and the copy written with ExcelJS's
 * streaming writer, so neither is held whole in memory. Formulas come back as their saved
 * values (the report is for finding problems, not a replacement for the original).
 */
import type ExcelJS from 'exceljs'
import { loadExcelJs } from '../lazy-libraries.js'
import { readCsv } from './csv.js'
import { dayFromSerial } from './day-numbers.js'
import { RULES, type Finding, type Severity } from './findings.js'
import type { AnnexAInput, AnnexAResult } from './process.js'
import { CELL_BOOL, CELL_ERROR, CELL_NUMBER, CELL_SHARED, CELL_TEXT, type RowBuffer } from './sheet-scanner.js'
import { sniffFile } from './sniff.js'
import { LISTS } from './spec.js'
import { openWorkbook, type ScanOptions, scanSheet } from './workbook.js'

const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', note: 'FFDDEBF7' }
const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', note: 'Note' }
const SUMMARY_SHEET = 'Annex A check'
// Excel's own limit for a cell note is generous, but a note longer than this is unreadable.
const NOTE_LIMIT = 2000
/**
 * 256 KiB of XML is about a thousand rows, and ExcelJS takes a tenth of a millisecond or more
 * over each: writing a 20,000-row return's marked-up copy held the event loop for 100 to 470 ms
 * at a time on a busy machine, and every page this process served waited (issue 16). 16 KiB at a
 * time (about 70 rows), with a turn of the event loop after each, keeps those waits short.
 */
export const REPORT_SCAN: ScanOptions = { inflateChunk: 16 * 1024, yieldEachChunk: true }

export interface ErrorReportResult {
  /** Cells given a fill and a note. */
  readonly markedCells: number
  readonly sheets: number
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`
}

/** Findings by sheet, then by row, then by cell reference. */
function findingsByCell(findings: readonly Finding[]): Map<string, Map<number, Map<string, Finding[]>>> {
  const bySheet = new Map<string, Map<number, Map<string, Finding[]>>>()
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell || finding.row === null) continue
    let rows = bySheet.get(finding.sheet)
    if (!rows) bySheet.set(finding.sheet, (rows = new Map()))
    let cells = rows.get(finding.row)
    if (!cells) rows.set(finding.row, (cells = new Map()))
    const list = cells.get(finding.cell)
    if (list) list.push(finding)
    else cells.set(finding.cell, [finding])
  }
  return bySheet
}

function worst(findings: readonly Finding[]): Severity {
  return findings.some((f) => f.severity === 'error')
    ? 'error'
    : findings.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'note'
}

function noteText(findings: readonly Finding[]): string {
  const text = findings.map((f) => `${SEVERITY_WORD[f.severity]} (${f.rule}): ${f.message}`).join('\n\n')
  return text.length > NOTE_LIMIT ? `${text.slice(0, NOTE_LIMIT)}…` : text
}

/**
 * Write the marked-up copy of the return to `outPath`. `input` is what `processAnnexA` read and
 * `result` what it returned.
 */
export async function writeErrorReport(
  input: AnnexAInput | readonly AnnexAInput[],
  result: AnnexAResult,
  outPath: string,
): Promise<ErrorReportResult> {
  const inputs = Array.isArray(input) ? input : [input as AnnexAInput]
  const Excel = await loadExcelJs()
  const book = new Excel.stream.xlsx.WorkbookWriter({ filename: outPath, useStyles: true, useSharedStrings: true })
  book.creator = 'ilacs annex-a'
  const byCell = findingsByCell(result.findings)
  let markedCells = 0
  let sheets = 0

  writeSummary(book.addWorksheet(SUMMARY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] }), result)

  const copyRows = async (
    sheet: ExcelJS.Worksheet,
    sheetName: string,
    scan: (onRow: (row: RowBuffer) => void) => Promise<unknown>,
    toValue: (row: RowBuffer, i: number) => ExcelJS.CellValue,
    isDate: (row: RowBuffer, i: number) => boolean,
  ) => {
    const marksByRow = byCell.get(sheetName) ?? new Map<number, Map<string, Finding[]>>()
    await scan((row) => {
      const out = sheet.getRow(row.rowNumber)
      for (let i = row.start; i < row.start + row.count; i++) {
        const cell = out.getCell(row.cols[i]! + 1)
        cell.value = toValue(row, i)
        if (isDate(row, i)) cell.numFmt = 'dd/mm/yyyy'
      }
      // Mark this row's findings, including those on blank cells (a required cell left empty).
      const marks = marksByRow.get(row.rowNumber)
      if (marks) {
        for (const [ref, found] of marks) {
          const cell = out.getCell(columnIndex(ref) + 1)
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst(found)] } }
          cell.note = noteText(found)
          markedCells++
        }
      }
      out.commit()
    })
    await sheet.commit()
    sheets++
  }

  for (const file of inputs) {
    const { kind } = await sniffFile(file.path, file.fileName)
    if (kind === 'csv') {
      const name = sheetNameForCsv(file.fileName, result)
      const sheet = book.addWorksheet(name)
      await copyRows(
        sheet,
        file.fileName,
        (onRow) => readCsv(file.path, onRow),
        (row, i) => row.texts[i] ?? null,
        () => false,
      )
      continue
    }
    const workbook = await openWorkbook(file.path)
    try {
      for (const source of workbook.sheets) {
        const sheet = book.addWorksheet(source.name === SUMMARY_SHEET ? `${SUMMARY_SHEET} (original)` : source.name, {
          state: source.hidden ? 'hidden' : 'visible',
        })
        await copyRows(
          sheet,
          source.name,
          (onRow) => scanSheet(workbook, source, onRow, REPORT_SCAN),
          (row, i) => {
            const kind = row.kinds[i]
            if (kind === CELL_SHARED) return workbook.sharedStrings[row.nums[i]!] ?? ''
            if (kind === CELL_TEXT) return row.texts[i] ?? ''
            if (kind === CELL_BOOL) return row.nums[i] === 1
            if (kind === CELL_ERROR) return { error: (row.texts[i] ?? '#N/A') as ExcelJS.CellErrorValue['error'] }
            if (kind === CELL_NUMBER) return row.nums[i]!
            return null
          },
          (row, i) =>
            row.kinds[i] === CELL_NUMBER &&
            workbook.dateStyles[row.styles[i]!] === 1 &&
            !Number.isNaN(dayFromSerial(row.nums[i]!, workbook.date1904)),
        )
      }
    } finally {
      await workbook.archive.close()
    }
  }
  await book.commit()
  return { markedCells, sheets }
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A'
  let n = 0
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

function sheetNameForCsv(fileName: string, result: AnnexAResult): string {
  const list = result.lists.find((l) => l.fileName === fileName)?.list
  const base = list ? `List_${list}` : fileName.replace(/\.[^.]*$/, '')
  return base.replace(/[[\]:*?/\\]/g, '_').slice(0, 31)
}

function writeSummary(sheet: ExcelJS.Worksheet, result: AnnexAResult): void {
  sheet.columns = [
    { header: 'List', key: 'list', width: 8 },
    { header: 'Sheet', key: 'sheet', width: 16 },
    { header: 'Row', key: 'row', width: 8 },
    { header: 'Column', key: 'column', width: 36 },
    { header: 'Cell', key: 'cell', width: 9 },
    { header: 'Value', key: 'value', width: 24 },
    { header: 'Rule', key: 'rule', width: 22 },
    { header: 'Severity', key: 'severity', width: 10 },
    { header: 'What to change', key: 'message', width: 100 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  const counts = result.counts
  const lines: (string | number)[][] = [
    [
      `Annex A check for the inspection date ${result.asOf}: ${count(counts.bySeverity.error, 'error')}, ${count(counts.bySeverity.warning, 'warning')}, ${count(counts.bySeverity.note, 'note')}. Each is marked on its cell in the sheets that follow (red: error, amber: warning, blue: note); hover over a cell to read its note.`,
    ],
  ]
  if (counts.omitted.length > 0)
    lines.push([
      `Only the first findings of each kind are listed and marked; ${counts.omitted.reduce((n, o) => n + o.count, 0)} more of the same kinds are counted but not listed.`,
    ])
  lines.push([], ['By list', 'Errors', 'Warnings', 'Notes'])
  for (const [list, c] of Object.entries(counts.byList)) {
    const title = list === 'workbook' ? 'Whole workbook' : `List ${list}: ${LISTS[Number(list) - 1]?.title ?? ''}`
    lines.push([title, c.error, c.warning, c.note])
  }
  lines.push([], ['By rule', 'Count', 'What it means'])
  for (const [rule, n] of Object.entries(counts.byRule)) lines.push([rule, n!, RULES[rule as keyof typeof RULES].title])
  lines.push([], ['Every finding'])
  for (const line of lines) sheet.addRow(line).commit()
  const headerRow = sheet.addRow([
    'List',
    'Sheet',
    'Row',
    'Column',
    'Cell',
    'Value',
    'Rule',
    'Severity',
    'What to change',
  ])
  headerRow.font = { bold: true }
  headerRow.commit()
  for (const f of result.findings) {
    const row = sheet.addRow([
      f.list ?? '',
      f.sheet ?? '',
      f.row ?? '',
      f.column ? `${f.column}${f.columnLetter ? ` (${f.columnLetter})` : ''}` : '',
      // A HYPERLINK formula: ExcelJS's streaming writer turns hyperlink cells into external links.
      f.cell && f.sheet
        ? { formula: `HYPERLINK("#${quoteSheet(f.sheet).replace(/"/g, '""')}!${f.cell}","${f.cell}")`, result: f.cell }
        : '',
      f.value ?? '',
      f.rule,
      SEVERITY_WORD[f.severity],
      f.message,
    ])
    row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } }
    row.commit()
  }
  sheet.commit()
}
