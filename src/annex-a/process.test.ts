import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { childSummary, sampleCoverage } from './case-selection.js'
import { generateAnnexA, type GenerateResult } from './generate.js'
import { processAnnexA, type AnnexAResult } from './process.js'
import { LISTS } from './spec.js'
import { XlsxWriter, type CellValue } from './xlsx-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-process-'))
const asOf = '2026-03-16'
const everything = { findings: { perListRule: 100_000, total: 1_000_000 } }

function key(f: { list: number | null; row: number | null; column: string | null; rule: string }): string {
  return `${f.list}|${f.row}|${f.column}|${f.rule}`
}

describe.each(['template', 'export'] as const)('a generated %s-layout return', (layout) => {
  let clean: AnnexAResult
  let planted: GenerateResult
  let found: AnnexAResult

  beforeAll(async () => {
    const cleanPath = join(dir, `clean-${layout}.xlsx`)
    await generateAnnexA({ rows: 4000, out: cleanPath, asOf, seed: 11, layout })
    clean = await processAnnexA({ path: cleanPath, fileName: 'clean.xlsx' }, { asOf, limits: everything })
    const errorsPath = join(dir, `errors-${layout}.xlsx`)
    planted = await generateAnnexA({ rows: 4000, out: errorsPath, asOf, seed: 12, errorRate: 0.05, layout })
    found = await processAnnexA({ path: errorsPath, fileName: 'errors.xlsx' }, { asOf, limits: everything })
  })

  it('finds all eleven lists with their rows', () => {
    expect(clean.lists.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(clean.lists.every((l) => l.rows > 0)).toBe(true)
    expect(clean.lists.map((l) => l.headerRow)).toEqual(Array(11).fill(layout === 'template' ? 2 : 1))
  })

  it('finds no errors or warnings in clean data', () => {
    expect(clean.findings.filter((f) => f.severity !== 'note')).toEqual([])
    expect(clean.hasErrors).toBe(false)
  })

  it('finds every planted error at its list, row, column and rule', () => {
    expect(planted.planted.length).toBeGreaterThan(100)
    const seen = new Set(found.findings.map(key))
    const missed = planted.planted.filter((p) => !seen.has(key(p)))
    expect(missed).toEqual([])
  })

  it('plants errors of every kind', () => {
    const rules = new Set(planted.planted.map((p) => p.rule))
    for (const rule of [
      'AA-BLANK',
      'AA-CODE',
      'AA-DATE',
      'AA-DATE-FUTURE',
      'AA-DATE-WINDOW',
      'AA-DATE-ORDER',
      'AA-NUMBER',
      'AA-AGE',
      'AA-CHILD-MISMATCH',
      'AA-DUPLICATE-CHILD',
      'AA-CELL-ERROR',
      'AA-FORMULA-NO-VALUE',
      'AA-HEADER-MISSING',
      'AA-HEADER-UNKNOWN',
      'AA-MERGED-CELLS',
      'AA-ID',
    ]) {
      expect([rule, rules.has(rule as never)]).toEqual([rule, true])
    }
  })

  it('gives each finding the header text, the column letter and the cell the analyst sees', () => {
    const date = found.findings.find((f) => f.rule === 'AA-DATE' && f.list === 1)
    expect(date).toBeDefined()
    expect(date!.column).toBe('Date of Contact')
    expect(date!.columnLetter).toBe('F')
    expect(date!.cell).toBe(`F${date!.row}`)
    expect(date!.message).toMatch(/Date of Contact .*14\/03\/2026/)
  })
})

describe('processAnnexA on hand-made workbooks', () => {
  async function workbook(
    name: string,
    sheets: { name: string; rows: CellValue[][]; hidden?: boolean; merges?: string[] }[],
    options: { date1904?: boolean } = {},
  ): Promise<string> {
    const path = join(dir, name)
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
  const list3Header = [
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
  const referral = (id: string, dob: CellValue, age: number, date: CellValue, count = 1): CellValue[] => [
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

  it('finds a list by its headings when the sheet has another name, and reads text dates and bare codes', async () => {
    const path = await workbook('headings.xlsx', [
      {
        name: 'Sheet3',
        rows: [list3Header, ['X1', 'M', 'WBRI', '2015-04-01', 10, '01/03/2026', '6', 'No', 1, 'T', 'W']],
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
    const header = [...list3Header]
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
      list3Header,
      referral('A1', { serial: 4000 }, 10, { serial: 44950 }),
      referral('A2', { serial: 4000 }, 10, { serial: 44950 }),
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

  it('checks one row per child, same-child counts, and the same child across lists (002#250, 002#251)', async () => {
    const list6Header = [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Does the Child have a Disability',
      'CIN Start Date',
      'Primary Need Code',
      'Date Child Was Last Seen',
      'CIN Closure Date',
      'Reason for Closure',
      'Case status',
      'Allocated Team',
      'Allocated Worker',
    ]
    const cin = (id: string, dob: string): CellValue[] => [
      id,
      'a) Male',
      'a) WBRI',
      dob,
      10,
      'b) No',
      '01/01/2025',
      'N1 - Abuse or neglect',
      '01/03/2026',
      null,
      null,
      'c) Child in need plan',
      'T',
      'W',
    ]
    const path = await workbook('children.xlsx', [
      {
        name: 'List_3',
        rows: [
          list3Header,
          referral('C1', '01/04/2015', 10, '01/03/2026', 2),
          referral('C1', '01/04/2015', 10, '02/03/2026', 3),
        ],
      },
      {
        name: 'List_6',
        rows: [
          list6Header,
          cin('C1', '02/04/2015'),
          cin('C2', '01/01/2016'),
          cin('C2', '01/01/2016'),
          cin('C2', '01/01/2016'),
        ],
      },
    ])
    const result = await processAnnexA({ path, fileName: 'children.xlsx' }, { asOf })
    const only = (rule: string) =>
      result.findings.filter((f) => f.rule === rule).map((f) => [f.list, f.row, f.column, f.severity])
    expect(only('AA-DUPLICATE-CHILD')).toEqual([
      [3, 3, 'Child Unique ID', 'warning'],
      [6, 4, 'Child Unique ID', 'error'],
      [6, 5, 'Child Unique ID', 'error'],
    ])
    expect(only('AA-CHILD-CONSTANT')).toEqual([[3, 3, 'Number of Referrals in Last 12 Months', 'error']])
    expect(only('AA-CHILD-MISMATCH')).toEqual([[6, 2, 'Date of Birth', 'error']])
    const mismatch = result.findings.find((f) => f.rule === 'AA-CHILD-MISMATCH')!
    expect(mismatch.message).toBe(
      'Child C1 has date of birth 02/04/2015 here but 01/04/2015 in List 3 row 2. The same child must have the same date of birth in every list (002#250); correct whichever is wrong.',
    )
    const duplicate = result.findings.find((f) => f.rule === 'AA-DUPLICATE-CHILD' && f.list === 6)!
    expect(duplicate.message).toContain('Child C2 appears 3 times in List 6 (Children in need) (rows 3, 4, 5)')
    expect(result.profile.acrossLists.childrenByNumberOfLists).toEqual({ '1': 1, '2': 1 })
  })

  it('caps findings per list and rule, counting the rest', async () => {
    const rows: CellValue[][] = [list3Header]
    for (let i = 0; i < 2000; i++) rows.push(referral(`B${i}`, '01/04/2015', 10, 'not a date'))
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

  it('reads a CSV per list, saying which encoding it read', async () => {
    const text = `${list3Header.join(',')}\r\n"Z1",b) Female,a) WBRI,01/04/2015,10,01/03/2026,q) 6: Police,b) No,1,"Team, North",Zoë Bråten\r\n`
    const path = join(dir, 'List_3.csv')
    writeFileSync(path, Buffer.from(text, 'latin1'))
    const result = await processAnnexA({ path, fileName: 'List_3.csv' }, { asOf })
    expect(result.files[0]).toMatchObject({ kind: 'csv', encoding: 'Windows-1252', delimiter: ',' })
    expect(result.lists).toMatchObject([{ list: 3, rows: 1, identifiedBy: 'file name' }])
    expect(result.findings.filter((f) => f.list === 3)).toEqual([])
  })

  it('gives the same answer with the scan on a worker thread', async () => {
    const path = join(dir, 'threads.xlsx')
    await generateAnnexA({ rows: 3000, out: path, asOf, seed: 5, errorRate: 0.02 })
    const one = await processAnnexA({ path, fileName: 'threads.xlsx' }, { asOf, threads: false })
    const two = await processAnnexA({ path, fileName: 'threads.xlsx' }, { asOf, threads: true })
    expect(two.findings).toEqual(one.findings)
    expect(two.profile).toEqual(one.profile)
  })

  it('builds per-child summaries by Child Unique ID only, and a sample coverage check', async () => {
    const path = join(dir, 'profile.xlsx')
    await generateAnnexA({ rows: 3000, out: path, asOf, seed: 9 })
    const result = await processAnnexA({ path, fileName: 'profile.xlsx' }, { asOf })
    const table = result.profile.children
    expect(table.count).toBe(table.childId.length)
    expect(table.childId.every((id) => id.startsWith('FAKE-'))).toBe(true)
    const inCare = table.childId.findIndex((_, i) => table.lists[i]! & (1 << 8))
    const child = childSummary(table, inCare)
    expect(child.lists).toContain(8)
    expect(child.rows['8']).toBeGreaterThan(2)
    expect(child.thresholds).toContain('children-in-need')
    const coverage = sampleCoverage(table, [child.childId, 'NOPE'])
    expect(coverage.unknownIds).toEqual(['NOPE'])
    expect(coverage.notInAnnexA.map((f) => f.id)).toContain('exploitation')
    expect(coverage.notCovered.length).toBeGreaterThan(0)
    expect(JSON.parse(JSON.stringify(result.profile))).toEqual(result.profile)
    const list8 = result.profile.lists.find((l) => l.list === 8)!
    expect(list8.measures.map((m) => m.id)).toContain('cla-three-placements')
    expect(list8.rows).toBe(list8.children)
  })
})

describe('processAnnexA on hostile and awkward input', () => {
  const header3 = [
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

  it('keeps a 1,000,000-character cell, reporting it with its value cut short', async () => {
    const path = join(dir, 'long-cell.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_3')
    await writer.row(header3)
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

  it('uses a formula’s saved result', async () => {
    const path = join(dir, 'formulas.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_3')
    await writer.row(header3)
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

describe('timeliness measures', () => {
  it('counts assessments authorised within 45 working days on the England-and-Wales calendar', async () => {
    const { addWorkingDays } = await import('../rules/calendar/working-days.js')
    const header = [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Does the Child have a Disability',
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      "Was the child assessed as requiring LA children's social care support",
      'Allocated Team',
      'Allocated Worker',
    ]
    // Started on Monday 1 December 2025: 45 working days later crosses Christmas and New Year.
    const start = '2025-12-01'
    const row = (id: string, authorised: string): CellValue[] => [
      id,
      'a) Male',
      'a) WBRI',
      '01/04/2015',
      10,
      'b) No',
      start,
      'a) Yes',
      authorised,
      'a) Yes',
      'T',
      'W',
    ]
    const uk = (iso: string) => iso.split('-').reverse().join('/')
    const path = join(dir, 'timeliness.xlsx')
    const writer = new XlsxWriter(path)
    await writer.startSheet('List_4')
    await writer.row(header)
    await writer.row(row('T1', uk(addWorkingDays(start, 45))))
    await writer.row(row('T2', uk(addWorkingDays(start, 46))))
    await writer.row(row('T3', uk(addWorkingDays(start, 10))))
    await writer.finish()
    const result = await processAnnexA({ path, fileName: 'timeliness.xlsx' }, { asOf })
    const measure = result.profile.lists.find((l) => l.list === 4)!.measures.find((m) => m.id === 'assessment-45-days')!
    expect(measure).toMatchObject({ count: 2, of: 3, median: 45, unit: 'working days' })
    const table = result.profile.children
    expect(table.delay[table.childId.indexOf('T2')]).toBe(1)
    expect(table.delay[table.childId.indexOf('T1')]).toBe(0)
  })
})
