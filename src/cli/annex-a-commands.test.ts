import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-cli-'))
const bin = join(import.meta.dirname, '..', '..', 'bin', 'ilacs.js')

function ilacs(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

const clean = join(dir, 'clean.xlsx')
const withErrors = join(dir, 'errors.xlsx')
const manifest = join(dir, 'manifest.json')

beforeAll(() => {
  expect(
    ilacs('annex-a', 'generate', '--rows', '2000', '--seed', '3', '--as-of', '2026-03-16', '--out', clean).status,
  ).toBe(0)
  expect(
    ilacs(
      'annex-a',
      'generate',
      '--rows',
      '2000',
      '--seed',
      '4',
      '--errors',
      '0.05',
      '--as-of',
      '2026-03-16',
      '--out',
      withErrors,
      '--manifest',
      manifest,
    ).status,
  ).toBe(0)
}, 120_000)

describe('ilacs annex-a validate', () => {
  it('exits 0 and prints a summary when there are no errors', () => {
    const run = ilacs('annex-a', 'validate', clean, '--as-of', '2026-03-16')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('List 8   Children in care: sheet "List_8"')
    expect(run.stdout).toContain('Findings: 0 errors, 0 warnings')
  })

  it('prints the contract JSON and exits 1 when there are errors; every planted error is in it', () => {
    const run = ilacs('annex-a', 'validate', withErrors, '--as-of', '2026-03-16', '--json')
    expect(run.status).toBe(1)
    const json = JSON.parse(run.stdout) as {
      lists: { list: number; sheet: string; rows: number }[]
      findings: Record<string, unknown>[]
    }
    expect(json.lists[0]).toMatchObject({ list: 1, sheet: 'List_1', rows: expect.any(Number) })
    for (const finding of json.findings)
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(['list', 'row', 'column', 'value', 'rule', 'severity', 'message']),
      )
    const planted = (
      JSON.parse(readFileSync(manifest, 'utf8')) as {
        planted: { list: number; row: number; column: string; rule: string }[]
      }
    ).planted
    const seen = new Set(json.findings.map((f) => `${f.list}|${f.row}|${f.column}|${f.rule}`))
    expect(planted.filter((p) => !seen.has(`${p.list}|${p.row}|${p.column}|${p.rule}`))).toEqual([])
  })

  it('writes the marked-up workbook with --report', () => {
    const report = join(dir, 'report.xlsx')
    const run = ilacs('annex-a', 'validate', withErrors, '--as-of', '2026-03-16', '--report', report)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Marked-up workbook written to .*report\.xlsx \(\d+ cells marked\)/)
    expect(readFileSync(report).subarray(0, 2).toString()).toBe('PK')
  })

  it('exits 2 with what is wrong and what to do when the file cannot be read', () => {
    const fake = join(dir, 'letter.xlsx')
    writeFileSync(fake, '%PDF-1.4 not a workbook')
    const run = ilacs('annex-a', 'validate', fake, '--as-of', '2026-03-16', '--json')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('The file letter.xlsx is a PDF, not a spreadsheet.')
    expect(run.stderr).toContain('Save As')
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NOT_A_SPREADSHEET' } })
  })

  it.each([
    [['annex-a', 'validate', 'x.xlsx', '--as-of', '16/03/2026'], '--as-of must be a real date written YYYY-MM-DD'],
    [['annex-a', 'validate', 'x.xlsx', '--as-of', '2026-02-30'], '--as-of must be a real date'],
    [['annex-a', 'validate', 'x.xlsx'], "required option '--as-of <date>' not specified"],
    [['annex-a', 'generate', '--rows', 'ten', '--out', 'x.xlsx'], '--rows must be a whole number'],
    [
      ['annex-a', 'generate', '--rows', '10', '--errors', '2', '--out', 'x.xlsx'],
      '--errors must be a number from 0 to 1',
    ],
  ])('refuses bad arguments with exit 2: %j', (args, message) => {
    const run = ilacs(...args)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(message)
  })
})

describe('ilacs annex-a profile', () => {
  it('prints the profile as JSON with per-list counts and every child by id', () => {
    const run = ilacs('annex-a', 'profile', clean, '--as-of', '2026-03-16', '--json')
    expect(run.status).toBe(0)
    const profile = JSON.parse(run.stdout) as {
      lists: { list: number; rows: number; ageBands: Record<string, number> }[]
      children: { count: number; childId: string[] }
      caseSelection: { factors: unknown[] }
    }
    expect(profile.lists.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(profile.children.count).toBe(profile.children.childId.length)
    expect(profile.caseSelection.factors.length).toBeGreaterThan(5)
  })
})
