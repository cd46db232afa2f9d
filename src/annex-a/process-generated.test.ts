import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateAnnexA, type GenerateResult } from './generate.js'
import { processAnnexA, type AnnexAResult } from './process.js'

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

describe('processAnnexA threads', () => {
  it('gives the same answer with the scan on a worker thread', async () => {
    const path = join(dir, 'threads.xlsx')
    await generateAnnexA({ rows: 3000, out: path, asOf, seed: 5, errorRate: 0.02 })
    const one = await processAnnexA({ path, fileName: 'threads.xlsx' }, { asOf, threads: false })
    const two = await processAnnexA({ path, fileName: 'threads.xlsx' }, { asOf, threads: true })
    expect(two.findings).toEqual(one.findings)
    expect(two.profile).toEqual(one.profile)
  })
})
