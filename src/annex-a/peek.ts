/**
 * The first rows of each sheet of a spreadsheet (or of a CSV file) as text, for checking that a
 * file is the one asked for before it counts (issue 10: the list of audits, 002#257, was
 * "completed" by any file). Reads no more than `rows` rows of each sheet.
 */
import { readCsv } from './csv.js'
import { AnnexAFileError } from './errors.js'
import { CELL_BOOL, CELL_NUMBER, CELL_SHARED, type RowBuffer } from './sheet-scanner.js'
import { sniffFile } from './sniff.js'
import { openWorkbook, scanSheet } from './workbook.js'

function texts(row: RowBuffer, sst: readonly string[]): string[] {
  const cells: string[] = []
  for (let i = row.start; i < row.start + row.count; i++) {
    const kind = row.kinds[i]
    cells.push(
      kind === CELL_SHARED
        ? (sst[row.nums[i]!] ?? '')
        : kind === CELL_NUMBER || kind === CELL_BOOL
          ? String(row.nums[i])
          : (row.texts[i] ?? ''),
    )
  }
  return cells
}

/** Each sheet's first `rows` rows (cells with a value, as text); undefined when the file is not a spreadsheet. */
export async function peekRows(path: string, fileName: string, rows = 10): Promise<string[][][] | undefined> {
  try {
    const { kind } = await sniffFile(path, fileName)
    if (kind === 'csv') {
      const found: string[][] = []
      await readCsv(path, (row) => {
        found.push(texts(row, []))
        return found.length < rows
      })
      return [found]
    }
    const workbook = await openWorkbook(path)
    try {
      const sheets: string[][][] = []
      for (const sheet of workbook.sheets) {
        const found: string[][] = []
        await scanSheet(workbook, sheet, (row) => {
          found.push(texts(row, workbook.sharedStrings))
          return found.length < rows
        })
        sheets.push(found)
      }
      return sheets
    } finally {
      await workbook.archive.close()
    }
  } catch (error) {
    if (error instanceof AnnexAFileError) return undefined
    throw error
  }
}
