import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  LIST_3_HEADER,
  referralRow,
  writeContactsWorkbook,
  writeHugeSharedString,
  writeWorkbook,
  writeZipBomb,
  type TestSheet,
} from '../test-support/annex-a-workbooks.js'
import { processAnnexA } from './process.js'
import { XlsxWriter, type CellValue } from './xlsx-writer.js'
import { ZipWriter } from './zip-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-process-'))
const asOf = '2026-03-16'
// Ten times the default cap of 500 findings per list and rule (every tenth row has a bad date).
const LARGE_ROWS = 50_000
const workbook = (name: string, sheets: readonly TestSheet[], options: { date1904?: boolean } = {}) =>
  writeWorkbook(join(dir, name), sheets, options)

describe('processAnnexA within its limits', () => {
  // How soon the refusal comes, against reading the whole bomb, is measured in bench/annex-a-limits.bench.ts.
  it('stops unpacking a zip bomb as soon as it passes the limits, with the default limits', async () => {
    const path = await writeZipBomb(join(dir, 'bomb.xlsx'))
    const error = await processAnnexA({ path, fileName: 'bomb.xlsx' }, { asOf }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'ZIP_BOMB' })
    expect((error as Error).message).toContain('unpacks to more data than allowed')
  })

  // How long it takes, against reading the file's bytes, is measured in bench/annex-a-limits.bench.ts.
  it('refuses a small workbook holding one 256 MiB shared string, naming the cell that shows it', async () => {
    const path = await writeHugeSharedString(join(dir, 'huge-string.xlsx'))
    const error = await processAnnexA({ path, fileName: 'huge-string.xlsx' }, { asOf }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'TOO_LARGE' })
    expect((error as Error).message).toContain('Cell J2 on the sheet "List_3" holds more than 16 MB of text')
  })

  it("refuses a sheet with a row past Excel's last row, naming the sheet", async () => {
    const path = join(dir, 'endless.xlsx')
    const zip = new ZipWriter(path)
    await zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="List_3" r:id="rId1"/></sheets></workbook>')
    await zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    )
    await zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Child Unique ID</t></is></c></row><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>',
    )
    zip.finish()
    const error = await processAnnexA({ path, fileName: 'endless.xlsx' }, { asOf }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'TOO_LARGE' })
    expect((error as Error).message).toContain(`The sheet "List_3" has a row 1,048,577, past Excel's last row`)
  })

  it('refuses a return of more rows than the limit, naming the sheet', async () => {
    const path = await writeContactsWorkbook(join(dir, 'many.xlsx'), 2_000, 200)
    const error = await processAnnexA({ path, fileName: 'many.xlsx' }, { asOf, limits: { maxRows: 1_000 } }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'TOO_LARGE' })
    expect((error as Error).message).toContain('more than 1,000 rows')
  })

  it('stops a check at its time limit, saying so', async () => {
    const path = await writeContactsWorkbook(join(dir, 'slow.xlsx'), 20_000, 2_000)
    const error = await processAnnexA({ path, fileName: 'slow.xlsx' }, { asOf, signal: AbortSignal.timeout(1) }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'TIME_LIMIT' })
    expect((error as Error).message).toContain('took longer than a return may take')
  })

  it('caps findings per list and rule, counting the rest', async () => {
    const rows: CellValue[][] = [LIST_3_HEADER]
    for (let i = 0; i < 2000; i++) rows.push(referralRow(`B${i}`, '01/04/2015', 10, 'not a date'))
    const path = await workbook('capped.xlsx', [{ name: 'List_3', rows }])
    const result = await processAnnexA(
      { path, fileName: 'capped.xlsx' },
      { asOf, limits: { findings: { perListRule: 50 } } },
    )
    expect(result.findings.filter((f) => f.rule === 'AA-DATE')).toHaveLength(50)
    expect(result.counts.byRule['AA-DATE']).toBe(2000)
    expect(result.counts.omitted).toContainEqual({ list: 3, rule: 'AA-DATE', count: 1950 })
    expect(result.hasErrors).toBe(true)
  })

  it('keeps a 1,000,000-character cell, reporting it with its value cut short', async () => {
    const path = join(dir, 'long-cell.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_3')
    await writer.row(LIST_3_HEADER)
    await writer.row([
      'L1',
      'a) Male',
      'a) WBRI',
      '01/04/2015',
      10,
      '01/03/2026',
      'q) 6: Police',
      'b) No',
      1,
      { inline: 'x'.repeat(1_000_000) },
      'W',
    ])
    await writer.finish()
    const result = await processAnnexA({ path, fileName: 'long-cell.xlsx' }, { asOf })
    const finding = result.findings.find((f) => f.rule === 'AA-CELL-TOO-LONG')!
    expect(finding).toMatchObject({ list: 3, row: 2, column: 'Allocated Team', columnLetter: 'J' })
    expect(finding.value!.length).toBeLessThan(300)
    expect(finding.value).toContain('1,000,000 characters')
    expect(finding.message).toContain('1,000,000 characters')
  })

  // A million rows in bounded memory, and in time linear in the rows, are measured in
  // bench/annex-a-limits.bench.ts; here a return large enough to pass the findings cap.
  it('reads a large return, counting the findings past the cap', async () => {
    const path = await writeContactsWorkbook(join(dir, 'large.xlsx'), LARGE_ROWS, LARGE_ROWS / 10)
    const result = await processAnnexA({ path, fileName: 'large.xlsx' }, { asOf })
    expect(result.lists).toMatchObject([{ list: 1, rows: LARGE_ROWS }])
    expect(result.counts.byRule['AA-DATE']).toBe(LARGE_ROWS / 10)
    expect(result.findings.filter((f) => f.rule === 'AA-DATE').length).toBeLessThanOrEqual(500)
    expect(result.counts.omitted).toContainEqual({ list: 1, rule: 'AA-DATE', count: LARGE_ROWS / 10 - 500 })
    expect(result.profile.children.count).toBe(LARGE_ROWS / 10)
  })
})
