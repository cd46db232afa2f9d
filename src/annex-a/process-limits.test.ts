import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_3_HEADER, referralRow, writeWorkbook, type TestSheet } from '../test-support/annex-a-workbooks.js'
import { processAnnexA } from './process.js'
import { XlsxWriter, type CellValue } from './xlsx-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-process-'))
const asOf = '2026-03-16'
const workbook = (name: string, sheets: readonly TestSheet[], options: { date1904?: boolean } = {}) =>
  writeWorkbook(join(dir, name), sheets, options)

describe('processAnnexA within its limits', () => {
  it('stops unpacking a zip bomb as soon as it passes the limits, with the default limits', async () => {
    const path = join(dir, 'bomb.xlsx')
    const { ZipWriter } = await import('./zip-writer.js')
    const zip = new ZipWriter(path, 9)
    await zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="List_1" r:id="rId1"/></sheets></workbook>')
    await zip.file(
      'xl/_rels/workbook.xml.rels',
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    )
    const sheet = zip.entry('xl/worksheets/sheet1.xml')
    await sheet.write('<worksheet><sheetData>')
    const spaces = Buffer.alloc(1024 * 1024, 0x20)
    for (let i = 0; i < 400; i++) await sheet.write(spaces)
    await sheet.end()
    zip.finish()
    const started = Date.now()
    const error = await processAnnexA({ path, fileName: 'bomb.xlsx' }, { asOf }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'ZIP_BOMB' })
    expect((error as Error).message).toContain('unpacks to more data than allowed')
    expect(Date.now() - started).toBeLessThan(10_000)
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

  it('reads 1,000,000 rows in bounded memory, counting the findings past the cap', { timeout: 180_000 }, async () => {
    const path = join(dir, 'million.xlsx')
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
    for (let i = 0; i < 1_000_000; i++) {
      const pending = writer.row([
        `M${i % 100_000}`,
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
    let peakHeap = 0
    const result = await processAnnexA(
      { path, fileName: 'million.xlsx' },
      { asOf, onProgress: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)) },
    )
    expect(result.lists).toMatchObject([{ list: 1, rows: 1_000_000 }])
    expect(result.counts.byRule['AA-DATE']).toBe(100_000)
    expect(result.findings.filter((f) => f.rule === 'AA-DATE').length).toBeLessThanOrEqual(500)
    expect(result.profile.children.count).toBe(100_000)
    expect(peakHeap).toBeLessThan(400 * 1024 * 1024)
  })
})
