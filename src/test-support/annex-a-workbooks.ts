/**
 * Small hand-made Annex A workbooks for the pipeline's tests (src/annex-a/process-*.test.ts):
 * a writer for sheets of rows, and List 3's headings and a referral row to fill them with.
 */
import { XlsxWriter, type CellValue } from '../annex-a/xlsx-writer.js'

export interface TestSheet {
  readonly name: string
  readonly rows: CellValue[][]
  readonly hidden?: boolean
  readonly merges?: string[]
}

/** Write `sheets` as a workbook at `path` and return the path. */
export async function writeWorkbook(
  path: string,
  sheets: readonly TestSheet[],
  options: { date1904?: boolean } = {},
): Promise<string> {
  const writer = new XlsxWriter(path, options)
  for (const sheet of sheets) {
    await writer.startSheet(sheet.name, {
      ...(sheet.hidden ? { hidden: true } : {}),
      ...(sheet.merges ? { merges: sheet.merges } : {}),
    })
    for (const row of sheet.rows) await writer.row(row)
    await writer.endSheet()
  }
  await writer.finish()
  return path
}

/** The template's headings of List 3, referrals (002#249). */
export const LIST_3_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Date of referral',
  'Referral Source',
  'Referral NFA?',
  'Number of Referrals in Last 12 Months',
  'Allocated Team',
  'Allocated Worker',
]

/** A valid List 3 row: a referral of child `id` from the police, not NFA. */
export const referralRow = (id: string, dob: CellValue, age: number, date: CellValue, count = 1): CellValue[] => [
  id,
  'a) Male',
  'a) WBRI',
  dob,
  age,
  date,
  'q) 6: Police',
  'b) No',
  count,
  'Team A',
  'Worker 1',
]
