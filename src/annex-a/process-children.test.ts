import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_3_HEADER, referralRow, writeWorkbook, type TestSheet } from '../test-support/annex-a-workbooks.js'
import { childSummary, sampleCoverage } from './child-summary.js'
import { generateAnnexA } from './generate.js'
import { processAnnexA } from './process.js'
import { XlsxWriter, type CellValue } from './xlsx-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-process-'))
const asOf = '2026-03-16'
const workbook = (name: string, sheets: readonly TestSheet[], options: { date1904?: boolean } = {}) =>
  writeWorkbook(join(dir, name), sheets, options)

describe('processAnnexA checks each child across rows and lists (002#250, 002#251)', () => {
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
          LIST_3_HEADER,
          referralRow('C1', '01/04/2015', 10, '01/03/2026', 2),
          referralRow('C1', '01/04/2015', 10, '02/03/2026', 3),
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
})

describe('processAnnexA profiles the children for case selection (002#150-153)', () => {
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
