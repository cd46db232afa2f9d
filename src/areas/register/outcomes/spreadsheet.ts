/**
 * Any of the shapes Ofsted publishes its outcomes in (.ods, .xlsx, .csv) as sheets of text rows
 * (issue 14). The kind is decided from the file's first bytes and its parts, not its name: a zip
 * with `content.xml` is OpenDocument, one with a workbook part is Excel (read with the Annex A
 * reader, ADR 0002), anything else is read as CSV (UTF-8).
 */
import { open, readFile } from 'node:fs/promises'
import { dayFromSerial } from '../../../annex-a/day-numbers.js'
import { CELL_BOOL, CELL_NUMBER, CELL_SHARED } from '../../../annex-a/sheet-scanner.js'
import { openWorkbook, scanSheet } from '../../../annex-a/workbook.js'
import { ZipArchive } from '../../../annex-a/zip.js'
import { fromDayNumber } from '../../../rules/calendar/dates.js'
import { parseCsv } from '../reference-data.js'
import { readOds, type Sheet, type SheetRow } from './ods-reader.js'

export type { Sheet, SheetRow } from './ods-reader.js'

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(4)
    const { bytesRead } = await handle.read(buffer, 0, 4, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** Read every sheet of the file; a CSV file is one sheet named after the file. */
export async function readSpreadsheet(path: string, fileName: string): Promise<Sheet[]> {
  const head = await firstBytes(path)
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const archive = await ZipArchive.open(path)
    const isOds = archive.entries.has('content.xml')
    await archive.close()
    return isOds ? readOds(path) : readXlsx(path)
  }
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  const rows = parseCsv(text).map((cells, index): SheetRow => ({ row: index + 1, cells, links: {} }))
  return [{ name: fileName.replace(/\.[^.]+$/, ''), rows }]
}

/** An Excel date serial as `YYYY-MM-DD`, as the Annex A reader reads one (its phantom 29 February 1900 included); a serial that is no day stays as written. */
function serialDate(serial: number, date1904: boolean): string {
  const day = dayFromSerial(serial, date1904)
  return Number.isNaN(day) ? String(serial) : fromDayNumber(day)
}

async function readXlsx(path: string): Promise<Sheet[]> {
  const workbook = await openWorkbook(path)
  try {
    const sheets: Sheet[] = []
    for (const sheet of workbook.sheets) {
      const rows: SheetRow[] = []
      await scanSheet(workbook, sheet, (row) => {
        const cells: string[] = []
        for (let i = row.start; i < row.start + row.count; i++) {
          const col = row.cols[i]!
          while (cells.length < col) cells.push('')
          const kind = row.kinds[i]
          const num = row.nums[i]!
          cells[col] =
            kind === CELL_SHARED
              ? (workbook.sharedStrings[num] ?? '')
              : kind === CELL_NUMBER
                ? workbook.dateStyles[row.styles[i]!] === 1
                  ? serialDate(num, workbook.date1904)
                  : String(num)
                : kind === CELL_BOOL
                  ? String(num)
                  : (row.texts[i] ?? '')
        }
        if (cells.some((cell) => cell.trim() !== '')) rows.push({ row: row.rowNumber, cells, links: {} })
      })
      sheets.push({ name: sheet.name, rows })
    }
    return sheets
  } finally {
    await workbook.archive.close()
  }
}
