import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { REPORT_SCAN, writeErrorReport } from './error-report.js'
import { generateAnnexA } from './generate.js'
import { processAnnexA } from './process.js'
import { openWorkbook, type ScanOptions, scanSheet } from './workbook.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-report-'))
const asOf = '2026-03-16'

describe('writeErrorReport', () => {
  it('gives the workbook back with a Summary sheet first and each finding marked on its cell', async () => {
    const path = join(dir, 'in.xlsx')
    await generateAnnexA({ rows: 1500, out: path, asOf, seed: 21, errorRate: 0.04 })
    const input = { path, fileName: 'in.xlsx' }
    const result = await processAnnexA(input, { asOf })
    const out = join(dir, 'report.xlsx')
    const written = await writeErrorReport(input, result, out)

    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Annex A check',
      'Front_Sheet',
      ...Array.from({ length: 11 }, (_, i) => `List_${i + 1}`),
    ])
    const withCell = result.findings.filter((f) => f.cell && f.sheet)
    expect(written.markedCells).toBe(new Set(withCell.map((f) => `${f.sheet}!${f.cell}`)).size)

    // A blank required cell is marked too, with the message in its note.
    const blank = result.findings.find((f) => f.rule === 'AA-BLANK')!
    const blankCell = book.getWorksheet(blank.sheet!)!.getCell(blank.cell!)
    expect(blankCell.value).toBeNull()
    expect((blankCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE')
    expect(JSON.stringify(blankCell.note)).toContain(blank.message.slice(0, 40))

    // A bad value keeps its value and gets its note.
    const bad = result.findings.find((f) => f.rule === 'AA-CODE')!
    const badCell = book.getWorksheet(bad.sheet!)!.getCell(bad.cell!)
    expect(badCell.value).toBe(bad.value)
    expect(JSON.stringify(badCell.note)).toContain('AA-CODE')

    // Dates stay dates; other values are copied.
    const list1 = book.getWorksheet('List_1')!
    expect(list1.getCell('A2').value).toBe('Child Unique ID')
    expect(list1.getCell('F3').numFmt).toBe('dd/mm/yyyy')

    // The summary lists every finding with a link to its cell.
    const summary = book.getWorksheet('Annex A check')!
    const texts: string[] = []
    summary.eachRow((row) => texts.push(row.values!.toString()))
    expect(texts.join('\n')).toContain(`${result.counts.bySeverity.error} errors`)
    const links: string[] = []
    summary.eachRow((row) => {
      const cell = row.getCell(5).value
      if (cell && typeof cell === 'object' && 'formula' in cell && cell.formula) links.push(cell.formula)
    })
    expect(links).toHaveLength(withCell.length)
    expect(links).toContain(`HYPERLINK("#'${bad.sheet}'!${bad.cell}","${bad.cell}")`)
  })

  it('copies a large return a few rows at a time, so the requests of the same process are answered in between', async () => {
    const path = join(dir, 'large.xlsx')
    await generateAnnexA({ rows: 3000, out: path, asOf, seed: 16, errorRate: 0.02 })
    const workbook = await openWorkbook(path)
    /** The most rows copied while another request's work waited for its turn of the event loop. */
    const mostRowsBetweenTurns = async (options: ScanOptions) => {
      let rows = 0
      let most = 0
      let scanning = true
      const waiting = () => {
        rows = 0
        if (scanning) setImmediate(waiting)
      }
      setImmediate(waiting)
      for (const sheet of workbook.sheets)
        await scanSheet(workbook, sheet, () => void (most = Math.max(most, (rows += 1))), options)
      scanning = false
      return most
    }
    try {
      // 256 KiB of XML at a time is about a thousand rows, a tenth of a millisecond each in ExcelJS (issue 16).
      expect(await mostRowsBetweenTurns({})).toBeGreaterThan(500)
      expect(await mostRowsBetweenTurns(REPORT_SCAN)).toBeLessThan(100)
    } finally {
      await workbook.archive.close()
    }
  })

  it('copies a CSV return into a sheet named after its list', async () => {
    const path = join(dir, 'referrals.csv')
    writeFileSync(
      path,
      'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker\nR1,a) Male,a) WBRI,01/04/2015,10,31/02/2026,q) 6: Police,b) No,1,T,W\n',
    )
    const input = { path, fileName: 'List 3.csv' }
    const result = await processAnnexA(input, { asOf })
    await writeErrorReport(input, result, join(dir, 'csv-report.xlsx'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(dir, 'csv-report.xlsx'))
    expect(book.worksheets.map((s) => s.name)).toEqual(['Annex A check', 'List_3'])
    expect(JSON.stringify(book.getWorksheet('List_3')!.getCell('F2').note)).toContain('AA-DATE')
  })
})
