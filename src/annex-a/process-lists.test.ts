import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_3_HEADER, referralRow, writeWorkbook, type TestSheet } from '../test-support/annex-a-workbooks.js'
import { processAnnexA } from './process.js'
import { LISTS } from './spec.js'
import { XlsxWriter } from './xlsx-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-process-'))
const asOf = '2026-03-16'
const workbook = (name: string, sheets: readonly TestSheet[], options: { date1904?: boolean } = {}) =>
  writeWorkbook(join(dir, name), sheets, options)

describe('processAnnexA finds and reads the lists', () => {
  it('finds a list by its headings when the sheet has another name, and reads text dates and bare codes', async () => {
    const path = await workbook('headings.xlsx', [
      {
        name: 'Sheet3',
        rows: [LIST_3_HEADER, ['X1', 'M', 'WBRI', '2015-04-01', 10, '01/03/2026', '6', 'No', 1, 'T', 'W']],
      },
    ])
    const result = await processAnnexA({ path, fileName: 'headings.xlsx' }, { asOf })
    expect(result.lists).toMatchObject([{ list: 3, sheet: 'Sheet3', rows: 1, identifiedBy: 'headings', headerRow: 1 }])
    expect(result.findings.filter((f) => f.list === 3)).toEqual([])
    expect(result.findings.filter((f) => f.rule === 'AA-LIST-MISSING').map((f) => f.list)).toEqual([
      1, 2, 4, 5, 6, 7, 8, 9, 10, 11,
    ])
  })

  it('reports what each heading was matched to', async () => {
    const header = [...LIST_3_HEADER]
    header[7] = 'referral  nfa'
    header[1] = 'Sex'
    const path = await workbook('match.xlsx', [
      { name: 'List_3', rows: [['List 3: Referrals'], header, ['Other'].concat()] },
    ])
    const result = await processAnnexA({ path, fileName: 'match.xlsx' }, { asOf })
    const matched = result.headers[0]!.matched
    expect(matched.find((m) => m.field === 'referralNfa')).toMatchObject({
      header: 'referral nfa',
      how: 'normalised',
      letter: 'H',
    })
    expect(matched.find((m) => m.field === 'gender')).toMatchObject({ header: 'Sex', how: 'alias' })
    expect(matched.find((m) => m.field === 'childId')).toMatchObject({ how: 'exact' })
  })

  it('reads 1904-system dates, notes hidden sheets and warns about merged cells and formulas without results', async () => {
    const rows = [
      LIST_3_HEADER,
      referralRow('A1', { serial: 4000 }, 10, { serial: 44950 }),
      referralRow('A2', { serial: 4000 }, 10, { serial: 44950 }),
    ]
    rows[2]![10] = { formula: 'VLOOKUP(A3,Staff!A:B,2,FALSE)' }
    const path = await workbook('1904.xlsx', [{ name: 'List_3', rows, hidden: true, merges: ['J2:J3'] }], {
      date1904: true,
    })
    const result = await processAnnexA({ path, fileName: '1904.xlsx' }, { asOf })
    // In the 1904 system serial 44950 is 1904-01-01 + 44950 days = 25/01/2027 (after the inspection date).
    const byRule = (rule: string) => result.findings.filter((f) => f.rule === rule)
    expect(byRule('AA-SHEET-HIDDEN')).toHaveLength(1)
    expect(byRule('AA-MERGED-CELLS')[0]).toMatchObject({ row: 2, columnLetter: 'J', column: 'Allocated Team' })
    expect(byRule('AA-FORMULA-NO-VALUE')[0]).toMatchObject({ row: 3, columnLetter: 'K' })
    expect(byRule('AA-DATE-FUTURE')[0]).toMatchObject({
      row: 2,
      column: 'Date of referral',
      value: expect.stringContaining('25/01/2027'),
    })
  })

  it('reports a required cell whose formula has no saved result once, as an error, not also as blank', async () => {
    const rows = [LIST_3_HEADER, referralRow('F1', '01/04/2015', 10, '01/03/2026')]
    rows[1]![1] = { formula: 'VLOOKUP(A2,Genders!A:B,2,FALSE)' }
    const path = await workbook('formula-required.xlsx', [{ name: 'List_3', rows }])
    const result = await processAnnexA({ path, fileName: 'formula-required.xlsx' }, { asOf })
    const onCell = result.findings.filter((f) => f.cell === 'B2')
    expect(onCell).toMatchObject([{ rule: 'AA-FORMULA-NO-VALUE', severity: 'error', column: 'Gender' }])
    expect(onCell[0]!.message).toContain('must be filled in')
  })

  it('reads a CSV per list, saying which encoding it read', async () => {
    const text = `${LIST_3_HEADER.join(',')}\r\n"Z1",b) Female,a) WBRI,01/04/2015,10,01/03/2026,q) 6: Police,b) No,1,"Team, North",Zoë Bråten\r\n`
    const path = join(dir, 'List_3.csv')
    writeFileSync(path, Buffer.from(text, 'latin1'))
    const result = await processAnnexA({ path, fileName: 'List_3.csv' }, { asOf })
    expect(result.files[0]).toMatchObject({ kind: 'csv', encoding: 'Windows-1252', delimiter: ',' })
    expect(result.lists).toMatchObject([{ list: 3, rows: 1, identifiedBy: 'file name' }])
    expect(result.findings.filter((f) => f.list === 3)).toEqual([])
  })

  it('uses a formula’s saved result', async () => {
    const path = join(dir, 'formulas.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_3')
    await writer.row(LIST_3_HEADER)
    await writer.row([
      'F1',
      { formula: 'Lookup!B2', cached: 'a) Male' },
      'a) WBRI',
      '01/04/2015',
      { formula: 'DATEDIF(D2,TODAY(),"y")', cached: 10 },
      '01/03/2026',
      'q) 6: Police',
      'b) No',
      1,
      'T',
      'W',
    ])
    await writer.finish()
    const result = await processAnnexA({ path, fileName: 'formulas.xlsx' }, { asOf })
    expect(result.findings.filter((f) => f.list === 3)).toEqual([])
  })
})

describe('processAnnexA on workbooks that are not quite Annex A', () => {
  it('reports a workbook whose sheets are not lists, without refusing it', async () => {
    const path = join(dir, 'wrong-sheets.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('Guidance')
    await writer.row(['How to fill in Annex A'])
    await writer.endSheet()
    await writer.startSheet('Pivot')
    await writer.row(['Team', 'Count', 'Average', 'Max'])
    await writer.row(['North', 1, 2, 3])
    await writer.finish()
    const result = await processAnnexA({ path, fileName: 'wrong-sheets.xlsx' }, { asOf })
    expect(result.lists).toEqual([])
    expect(result.findings.filter((f) => f.rule === 'AA-LIST-MISSING')).toHaveLength(11)
    expect(result.findings.filter((f) => f.rule === 'AA-SHEET-UNKNOWN').map((f) => f.sheet)).toEqual(['Pivot'])
  })

  it('says when a sheet named as a list has no headings in its first rows', async () => {
    const path = join(dir, 'no-headings.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_4')
    for (let i = 0; i < 12; i++) await writer.row(['x', 'y', 'z', 'w'])
    await writer.finish()
    const result = await processAnnexA({ path, fileName: 'no-headings.xlsx' }, { asOf })
    expect(result.findings.find((f) => f.rule === 'AA-HEADER-NOT-FOUND')).toMatchObject({
      list: 4,
      sheet: 'List_4',
      severity: 'error',
    })
    expect(result.findings.find((f) => f.rule === 'AA-LIST-MISSING' && f.list === 4)).toBeDefined()
  })
})

describe('processAnnexA and brothers and sisters (002#253)', () => {
  it('takes a separate brothers and sisters sheet for List 8 (002#253)', async () => {
    const list8 = LISTS[7]!.columns.filter((c) => !c.optionalColumn).map((c) => c.header)
    const path = await workbook('siblings.xlsx', [
      { name: 'List_8', rows: [list8] },
      {
        name: 'Brothers and sisters',
        rows: [
          ['Child Unique ID', 'Number of siblings'],
          ['NOT-IN-8', 2],
        ],
      },
    ])
    const result = await processAnnexA({ path, fileName: 'siblings.xlsx' }, { asOf })
    expect(result.files[0]!.sheets).toContainEqual({ name: 'Brothers and sisters', hidden: false, table: 'siblings' })
    expect(result.findings.filter((f) => f.rule === 'AA-SIBLINGS')).toMatchObject([
      { list: 8, row: 2, severity: 'warning', value: 'NOT-IN-8' },
    ])
  })

  it('notes when List 8 has no brothers and sisters information (Decision A2, 002#253)', async () => {
    const list8 = LISTS[7]!.columns.filter((c) => !c.optionalColumn).map((c) => c.header)
    const path = await workbook('no-siblings.xlsx', [{ name: 'List_8', rows: [list8] }])
    const result = await processAnnexA({ path, fileName: 'no-siblings.xlsx' }, { asOf })
    expect(result.findings.filter((f) => f.rule === 'AA-SIBLINGS')).toMatchObject([
      { list: 8, severity: 'note', citation: '002#253' },
    ])
  })
})
