/**
 * Hand-made Annex A workbooks for the pipeline's tests (src/annex-a/process-*.test.ts) and its
 * limits benchmark (bench/annex-a-limits.bench.ts): a writer for sheets of rows, List 3's
 * headings and a referral row to fill them with, a large List 1 and a zip bomb.
 */
import { XlsxWriter, type CellValue } from '../annex-a/xlsx-writer.js'
import { ZipWriter } from '../annex-a/zip-writer.js'

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

/**
 * List 1 (contacts) of `rows` rows about `children` children in turn, every tenth contact with
 * a date that is not a date ("soon"), so `rows / 10` AA-DATE findings are counted. Streams to
 * the file, so a million rows take little memory to write.
 */
export async function writeContactsWorkbook(path: string, rows: number, children: number): Promise<string> {
  const writer = new XlsxWriter(path, { level: 1 })
  await writer.startSheet('List_1')
  await writer.row([
    'Child Unique ID',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    'Date of Contact',
    'Contact Source',
  ])
  for (let i = 0; i < rows; i++) {
    const pending = writer.row([
      `M${i % children}`,
      'a) Male',
      'a) WBRI',
      { serial: 42000 },
      11,
      i % 10 === 0 ? 'soon' : { serial: 46080 },
      'q) 6: Police',
    ])
    if (pending) await pending
  }
  await writer.finish()
  return path
}

/**
 * A workbook whose one sheet unpacks to `mebibytes` MiB of spaces from a few hundred KiB: far
 * past the reader's default ratio limit (200 times, after the first 32 MiB).
 */
export async function writeZipBomb(path: string, mebibytes = 400): Promise<string> {
  const zip = new ZipWriter(path, 9)
  await zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="List_1" r:id="rId1"/></sheets></workbook>')
  await zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  )
  const sheet = zip.entry('xl/worksheets/sheet1.xml')
  await sheet.write('<worksheet><sheetData>')
  const spaces = Buffer.alloc(1024 * 1024, 0x20)
  for (let i = 0; i < mebibytes; i++) await sheet.write(spaces)
  await sheet.end()
  zip.finish()
  return path
}
