import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  CELL_BOOL,
  CELL_ERROR,
  CELL_NO_VALUE,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TEXT,
  type RowBuffer,
} from './sheet-scanner.js'
import { dateStylesOf, isDateFormat, openWorkbook, scanSheet, type OpenWorkbook } from './workbook.js'
import { XlsxWriter } from './xlsx-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-workbook-'))

type Plain = string | number | boolean | { error: string } | { noValue: true }

function plain(workbook: OpenWorkbook, row: RowBuffer): Record<string, Plain> {
  const out: Record<string, Plain> = {}
  for (let i = 0; i < row.count; i++) {
    const kind = row.kinds[i]
    const value =
      kind === CELL_NUMBER
        ? row.nums[i]!
        : kind === CELL_SHARED
          ? workbook.sharedStrings[row.nums[i]!]!
          : kind === CELL_TEXT
            ? row.texts[i]!
            : kind === CELL_BOOL
              ? row.nums[i] === 1
              : kind === CELL_ERROR
                ? { error: row.texts[i]! }
                : kind === CELL_NO_VALUE
                  ? ({ noValue: true } as const)
                  : 'unexpected'
    out[`${row.cols[i]}`] = value
  }
  return out
}

async function readAll(
  path: string,
): Promise<{ workbook: OpenWorkbook; sheets: Record<string, Record<number, Record<string, Plain>>> }> {
  const workbook = await openWorkbook(path)
  const sheets: Record<string, Record<number, Record<string, Plain>>> = {}
  for (const sheet of workbook.sheets) {
    const rows: Record<number, Record<string, Plain>> = {}
    await scanSheet(workbook, sheet, (row) => void (rows[row.rowNumber] = plain(workbook, row)))
    sheets[sheet.name] = rows
  }
  await workbook.archive.close()
  return { workbook, sheets }
}

describe('XlsxWriter → openWorkbook/scanSheet', () => {
  it('reads back every kind of cell, hidden sheets, merges and the sheet order', async () => {
    const path = join(dir, 'kinds.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_1', { merges: ['A3:A4'] })
    await writer.row(['List 1: Contacts'])
    await writer.row(['Child Unique ID', 'Gender', 'Date of Contact', 'Note'])
    await writer.row(['007', 'a) Male', { serial: 45000 }, { inline: 'Tom & “Jerry” <b>' }])
    await writer.row([12.5, -3, true, { formula: 'A1&"x"', cached: 'ok' }], { rowNumber: 6 })
    await writer.row([{ formula: 'NOW()' }, 1.5e-7, 123456789012345680])
    await writer.endSheet()
    await writer.startSheet('Notes', { hidden: true })
    await writer.row(['hidden text'])
    await writer.finish()

    const { workbook, sheets } = await readAll(path)
    expect(workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['List_1', false],
      ['Notes', true],
    ])
    expect(sheets.List_1![3]).toEqual({ 0: '007', 1: 'a) Male', 2: 45000, 3: 'Tom & “Jerry” <b>' })
    expect(sheets.List_1![6]).toEqual({ 0: 12.5, 1: -3, 2: true, 3: 'ok' })
    expect(sheets.List_1![7]).toEqual({ 0: { noValue: true }, 1: 1.5e-7, 2: 123456789012345680 })
    expect(sheets.Notes![1]).toEqual({ 0: 'hidden text' })
    expect(workbook.dateStyles[1]).toBe(1)
    expect(workbook.dateStyles[0]).toBe(0)
  })

  it('writes files that ExcelJS reads (so Excel will too)', async () => {
    const path = join(dir, 'exceljs.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_3')
    await writer.row(['Child Unique ID', 'Date of referral'])
    await writer.row(['C1', { serial: 45000 }])
    await writer.finish()
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path)
    const sheet = book.getWorksheet('List_3')!
    expect(sheet.getCell('A2').value).toBe('C1')
    expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2023, 2, 15)))
  })

  it('reads a sheet written with a namespace prefix, rich text and phonetic runs, and shared strings stored before the sheets', async () => {
    const path = join(dir, 'prefixed.xlsx')
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    const files = {
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': strToU8(
        `<x:sst xmlns:x="${ns}"><x:si><x:r><x:t>Child </x:t></x:r><x:r><x:rPr/><x:t xml:space="preserve">Unique ID</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si><x:si/><x:si><x:t>a_x000D_b &amp; c</x:t></x:si></x:sst>`,
      ),
      'xl/workbook.xml': strToU8(
        `<x:workbook xmlns:x="${ns}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="List 1" sheetId="3" rel:id="R9"/></x:sheets></x:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="R9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>',
      ),
      'xl/worksheets/data.xml': strToU8(
        `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s"><x:v>2</x:v></x:c><x:c r="D2" t="s"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c t="inlineStr"><x:is><x:t>first</x:t></x:is></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="B2:C2"/></x:mergeCells></x:worksheet>`,
      ),
    }
    writeFileSync(path, zipSync(files))
    const { workbook, sheets } = await readAll(path)
    expect(workbook.date1904).toBe(true)
    expect(sheets['List 1']).toEqual({
      2: { 1: 'Child Unique ID', 2: 'a\rb & c', 3: '' },
      3: { 0: 'first', 1: { error: '#N/A' } },
    })
  })

  it('keeps reading across chunk boundaries and reports merged ranges', async () => {
    const path = join(dir, 'many.xlsx')
    const writer = new XlsxWriter(path)
    const merges = Array.from({ length: 300 }, (_, i) => `B${i + 2}:C${i + 2}`)
    await writer.startSheet('Big', { merges })
    for (let i = 0; i < 30_000; i++) await writer.row([`id-${i}`, i, { inline: `row ${i} ${'x'.repeat(i % 50)}` }])
    await writer.finish()
    const workbook = await openWorkbook(path)
    let count = 0
    let bad = 0
    const result = await scanSheet(workbook, workbook.sheets[0]!, (row) => {
      count++
      if (
        row.nums[1] !== row.rowNumber - 1 ||
        row.texts[2] !== `row ${row.rowNumber - 1} ${'x'.repeat((row.rowNumber - 1) % 50)}`
      )
        bad++
    })
    await workbook.archive.close()
    expect([count, bad]).toEqual([30_000, 0])
    expect(result.mergeRefs).toEqual(merges)
  })

  it('stops when the row handler says so', async () => {
    const path = join(dir, 'stop.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('S')
    for (let i = 0; i < 50_000; i++) await writer.row([i])
    await writer.finish()
    const workbook = await openWorkbook(path)
    let count = 0
    await scanSheet(workbook, workbook.sheets[0]!, () => ++count < 3)
    await workbook.archive.close()
    expect(count).toBe(3)
  })

  it('keeps a 1,000,000-character cell, cutting it only past the reader limit', async () => {
    const path = join(dir, 'long.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('S')
    await writer.row([{ inline: 'é'.repeat(1_000_000) }, 'after'])
    await writer.row(['next'])
    await writer.finish()
    const workbook = await openWorkbook(path)
    const lengths: number[] = []
    await scanSheet(
      workbook,
      workbook.sheets[0]!,
      (row) => void lengths.push(row.kinds[0] === CELL_TEXT ? row.texts[0]!.length : -1),
    )
    const cut: number[] = []
    const result = await scanSheet(workbook, workbook.sheets[0]!, (row) => void cut.push(row.texts[0]?.length ?? -1), {
      scanner: { maxRowBytes: 1e9, maxCellChars: 1000 },
    })
    await workbook.archive.close()
    expect(lengths).toEqual([1_000_000, -1])
    expect(cut[0]).toBe(1000)
    expect(result.cutCells).toBe(1)
  })
})

describe('date formats', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['d-mmm-yy', true],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true],
    ['0.00', false],
    ['"Day "0', false],
    ['General', false],
    ['@', false],
    ['[Red]#,##0', false],
  ])('%s is a date format: %s', (code, expected) => expect(isDateFormat(code)).toBe(expected))

  it('reads only cellXfs, with built-in and custom formats', () => {
    const xml =
      '<styleSheet><numFmts><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>'
    expect([...dateStylesOf(xml)]).toEqual([0, 1, 1, 0])
  })
})
