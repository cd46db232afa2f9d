import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, usageError } from '../test-support/cli.js'

/** `ilacs register import | export` against an embedded database of the test's own (DATA_DIR). */
describe('ilacs register', () => {
  const file = join('data', 'ofsted-outcomes', 'LA_Inspection_Outcomes_as_at_31_March_2025.ods')
  const file2023 = join('data', 'ofsted-outcomes', 'Childrens_social_care_in_England_2023_underlying_data.ods')
  let dataDir: string
  const saved = { dataDir: process.env.DATA_DIR, url: process.env.DATABASE_URL }
  const runs: unknown[] = []
  // A dry run, then the import, into a new embedded database; the tests read what they printed and the database.
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ilacs-register-cli-'))
    process.env.DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    runs.push(json('register', 'import', file, '--dry-run'), json('register', 'import', file))
    // Then the 2023 file's older history, the frameworks of 2009–2013 with it.
    runs.push(json('register', 'import', file2023))
  }, 180_000)
  afterAll(() => {
    if (saved.dataDir === undefined) delete process.env.DATA_DIR
    else process.env.DATA_DIR = saved.dataDir
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('imports a file: a dry run first, then the import, then again with nothing to change', () => {
    const [dry, imported] = runs as Array<Record<string, unknown>>
    // The keys, and one more where Ofsted's files disagree (ADR 0030).
    expect(Object.keys(dry!)).toEqual(['created', 'updated', 'unchanged', 'conflicts', 'unread', 'disagreements'])
    const none = { conflicts: [], unread: [], disagreements: [] }
    expect(dry).toEqual({ created: 333, updated: 0, unchanged: 0, ...none })
    expect(imported).toEqual({ created: 333, updated: 0, unchanged: 0, ...none })
    const again = json('register', 'import', file)
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 333, ...none })
  }, 120_000)

  it('exports every LA with its history, pathway and next window in the agreed shape', () => {
    const las = json('register', 'export') as Array<Record<string, unknown>>
    expect(las).toHaveLength(153)
    for (const la of las) expect(Object.keys(la)).toEqual(['laCode', 'gssCode', 'name', 'history', 'pathway', 'next'])
    const york = las.find((la) => la.laCode === '816') as { history: Array<Record<string, unknown>> }
    const entry = york.history.at(-1)!
    expect(Object.keys(entry)).toEqual([
      'kind',
      'type',
      'framework',
      'start',
      'end',
      'published',
      'theme',
      'grades',
      'source',
    ])
    expect(entry).toMatchObject({
      kind: 'judgement',
      type: 'standard-inspection',
      framework: 'ilacs-2023',
      start: '2025-02-24',
      end: null,
      published: '2025-04-15',
      grades: {
        overall: 'outstanding',
        leaders: 'outstanding',
        helpAndProtection: 'outstanding',
        childrenInCare: 'outstanding',
        careLeavers: 'outstanding',
      },
    })
    const bradford = las.find((la) => la.laCode === '380') as { history: Array<Record<string, unknown>> }
    expect(bradford.history).toContainEqual(
      expect.objectContaining({
        kind: 'visit',
        type: 'monitoring-visit',
        start: '2025-02-11',
        theme: 'Children in care',
      }),
    )
  }, 120_000)

  it('exports an inspection of 2009–2013 with its framework, adequate null in the grades and in its own word beside', () => {
    expect(runs[2]).toMatchObject({ conflicts: [], unread: [] })
    // The older file says otherwise of Merton's inspection of May 2022: listed, the newer kept.
    expect(runs[2]).toMatchObject({
      disagreements: expect.arrayContaining([
        {
          sheet: 'LA_level_in_year_2022-23',
          row: 57,
          laCode: '315',
          field: 'type',
          kept: 'short-inspection',
          fileSays: 'standard-inspection',
        },
      ]),
    })
    const las = json('register', 'export') as Array<{ laCode: string; history: Array<Record<string, unknown>> }>
    // Barking and Dagenham, LA_inspections_2009-2023 row 6.
    const barking = las.find((la) => la.laCode === '301')!
    expect(barking.history[0]).toEqual({
      kind: 'judgement',
      type: 'slac-inspection',
      framework: 'slac',
      start: null,
      end: null,
      published: '2012-07-27',
      theme: null,
      grades: { overall: null, leaders: null, helpAndProtection: 'good', childrenInCare: null, careLeavers: null },
      source: 'Childrens_social_care_in_England_2023_underlying_data.ods, LA_inspections_2009-2023 row 6',
      frameworkGrades: { safeguarding: 'good', lookedAfterChildren: 'adequate' },
    })
  }, 120_000)

  it('refuses a file that does not exist', () => {
    expect(usageError('register', 'import', 'no-such-file.ods')).toMatch(/FILE must be a file that exists/)
  })

  it('refuses, in a line, while another process (the server) has the embedded database open', () => {
    const server = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(join(dataDir, 'pglite.lock'), `${server.pid}\n`)
      expect(usageError('register', 'export')).toContain(
        `The embedded database in ${join(dataDir, 'pglite')} is in use by another process (process ${server.pid})`,
      )
    } finally {
      server.kill()
      rmSync(join(dataDir, 'pglite.lock'))
    }
  })
})
