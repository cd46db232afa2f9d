/**
 * Hand-made Annex A workbooks for the pipeline's tests (src/annex-a/process-*.test.ts) and its
 * limits benchmark (bench/annex-a-limits.bench.ts): a writer for sheets of rows, List 3's
 * headings and a referral row to fill them with, a large List 1 and a zip bomb.
 */
import { XlsxWriter, type CellValue } from '../annex-a/xlsx-writer.js'
import { ZipWriter } from '../annex-a/zip-writer.js'
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib'

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

/**
 * The probe's workbook (issue 10): a List_3 sheet whose cell J2 shows shared string 0, which is
 * one string of `mebibytes` MiB (a 30,000-byte block of letters repeated, so it packs about 100
 * to 1, under the zip-bomb ratio of 200). About 2.6 MB on disk for 256 MiB; the deflated bytes of one MiB
 * are made once and repeated.
 */
export async function writeHugeSharedString(path: string, mebibytes = 256): Promise<string> {
  const zip = new ZipWriter(path, 6)
  await zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="List_3" r:id="rId1"/></sheets></workbook>')
  await zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  )
  const header = LIST_3_HEADER.map(
    (text, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${String(text)}</t></is></c>`,
  ).join('')
  await zip.file(
    'xl/worksheets/sheet1.xml',
    `<worksheet><sheetData><row r="1">${header}</row><row r="2"><c r="A2" t="inlineStr"><is><t>L1</t></is></c><c r="J2" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  )
  const block = Buffer.alloc(30_000)
  for (let i = 0, x = 7; i < block.length; i++) block[i] = 97 + ((x = (x * 1103515245 + 12345) >>> 0) % 26)
  const piece = Buffer.alloc(1024 * 1024)
  for (let i = 0; i < piece.length; i += block.length) block.copy(piece, i)
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH }
  const head = Buffer.from('<sst count="1" uniqueCount="1"><si><t>')
  const tail = Buffer.from('</t></si></sst>')
  const deflatedPiece = deflateRawSync(piece, flush)
  let crc = crc32(head)
  for (let i = 0; i < mebibytes; i++) crc = crc32(piece, crc)
  crc = crc32(tail, crc)
  const parts = function* () {
    yield deflateRawSync(head, flush)
    for (let i = 0; i < mebibytes; i++) yield deflatedPiece
    yield deflateRawSync(tail)
  }
  zip.rawEntry('xl/sharedStrings.xml', parts(), crc, head.length + mebibytes * piece.length + tail.length)
  zip.finish()
  return path
}
