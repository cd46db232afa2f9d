import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

// These tests run the real command, `node bin/ilacs.js`, as a user or a script would.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const work = mkdtempSync(join(tmpdir(), 'ilacs-rules-cli-'))

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function ilacs(...args: string[]): Run {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'ilacs.js'), ...args], { cwd: root, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Run with --json, expect success and exactly one JSON value on stdout. */
function json(...args: string[]): unknown {
  const run = ilacs(...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
  return JSON.parse(run.stdout)
}

/** Expect a usage error: exit 2, nothing on stdout, one line on stderr starting `ilacs: `. */
function usageError(...args: string[]): string {
  const run = ilacs(...args)
  expect(run.status).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^ilacs: /)
  return lines[0]!
}

function historyFile(name: string, entries: unknown): string {
  const path = join(work, name)
  writeFileSync(path, JSON.stringify(entries))
  return path
}

type Milestones = { milestones: { key: string; label: string; date: string; rule: string; citation: string }[] }

function dates(value: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  for (const item of (value as Milestones).milestones) result[item.key] ??= item.date
  return result
}

beforeAll(() => {
  // The first call builds the CLI bundle; do it once before the timed and parallel calls.
  expect(ilacs('--help').status).toBe(0)
}, 60_000)

describe('ilacs rules', () => {
  it('lists every rule with id, title and citation', () => {
    const list = json('rules', 'list') as { id: string; title: string; citation: string }[]
    expect(list).toHaveLength(57)
    expect(list[0]).toMatchObject({ id: 'C1', title: expect.any(String), citation: expect.any(String) })
    expect(list.find((rule) => rule.id === 'C2')?.citation).toBe('002#73 fn18')
  })

  it('shows one rule in full, and refuses an unknown id', () => {
    expect(json('rules', 'show', 'e9')).toMatchObject({
      id: 'E9',
      quote: expect.stringContaining('Vast/overwhelming majority'),
    })
    expect(usageError('rules', 'show', 'Z9')).toMatch(/ID Z9 is not a rule id/)
  })
})

describe('ilacs calendar', () => {
  it.each([
    ['2022-06-03', false, /Jubilee/],
    ['2022-06-04', false, /Saturday/],
    ['2020-12-28', false, /substitute/],
    ['2022-06-06', true, /working day/],
  ])('working-day %s → %s', (date, workingDay, reason) => {
    expect(json('calendar', 'working-day', date)).toMatchObject({
      date,
      workingDay,
      reason: expect.stringMatching(reason),
    })
  })

  it.each([
    ['2022-06-06', '-5', '2022-05-26'],
    ['2022-05-26', '5', '2022-06-06'],
    ['2024-03-28', '1', '2024-04-02'],
    ['2022-06-04', '0', '2022-06-04'],
  ])('add %s %s → %s', (date, n, expected) => {
    expect(json('calendar', 'add', date, n)).toMatchObject({ date: expected })
  })

  it.each([
    ['2022-05-26', '2022-06-06', 5],
    ['2022-06-06', '2022-05-26', -5],
    ['2022-06-06', '2022-06-06', 0],
    ['2021-12-24', '2022-01-04', 4],
  ])('between %s %s → %i', (from, to, workingDays) => {
    expect(json('calendar', 'between', from, to)).toMatchObject({ workingDays })
  })

  it('answers in words without --json', () => {
    const run = ilacs('calendar', 'add', '2022-06-06', '-5')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Thursday 26 May 2022/)
  })

  it.each([
    [['calendar', 'working-day', '2022-02-30'], /^ilacs: DATE 2022-02-30 is not a calendar date/],
    [['calendar', 'add', '2022-06-06', 'five'], /^ilacs: N five is not a whole number/],
    [['calendar', 'between', '2022-06-06', '06/06/2022'], /^ilacs: TO 06\/06\/2022/],
    [['calendar', 'add', '2022-06-06'], /^ilacs: missing required argument 'n' \(C1\)$/],
    [['calendar', 'working-day', '2022-06-06', '--jsn'], /^ilacs: unknown option '--jsn'.*\(C1\)$/],
  ])('refuses bad arguments: %j', (args, message) => {
    expect(usageError(...args, '--json')).toMatch(message)
  })
})

describe('ilacs timeline', () => {
  const required = [
    'notice',
    'annex-a.request',
    'annex-a.child-level-data',
    'annex-a.audits',
    'annex-a.management-information',
    'annex-a.case-information',
    'onsite.start',
    'onsite.end',
    'feedback',
    'report.to-la-for-factual-accuracy',
    'report.factual-accuracy-due',
    'report.final-to-la',
    'report.published',
  ]

  it.each([
    ['standard-inspection', '2022-06-06', required],
    ['short-inspection', '2023-06-12', required],
    ['focused-visit', '2023-06-13', required],
    ['monitoring-visit', '2023-06-20', required],
    [
      'post-monitoring-inspection',
      '2023-06-05',
      ['notice', 'annex-a.request', 'onsite.start', 'onsite.end', 'feedback'],
    ],
    [
      'progress-inspection-2015',
      '2015-06-08',
      [
        'notice',
        'annex-a.request',
        'annex-a.child-level-data',
        'onsite.start',
        'onsite.end',
        'feedback',
        'report.to-la-for-factual-accuracy',
        'report.factual-accuracy-due',
        'report.final-to-la',
        'report.published',
      ],
    ],
  ])('%s --onsite %s has the contract’s milestone keys, each with a date, rule and citation', (type, onsite, keys) => {
    const value = json('timeline', type, '--onsite', onsite) as Milestones & { type: string }
    expect(value.type).toBe(type)
    expect(Object.keys(dates(value))).toEqual(expect.arrayContaining(keys))
    for (const item of value.milestones) {
      expect(item).toEqual(
        expect.objectContaining({
          key: expect.any(String),
          label: expect.any(String),
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          rule: expect.stringMatching(/^[A-Z]\d+$/),
          citation: expect.stringMatching(/00\d/),
        }),
      )
    }
  })

  it('gives the Jubilee standard inspection its dates (C2 example)', () => {
    expect(dates(json('timeline', 'standard-inspection', '--onsite', '2022-06-06'))).toMatchObject({
      notice: '2022-05-26',
      'annex-a.case-information': '2022-05-31',
      'onsite.end': '2022-06-17',
      feedback: '2022-06-17',
      'report.to-la-for-factual-accuracy': '2022-07-01',
      'report.factual-accuracy-due': '2022-07-06',
      'report.final-to-la': '2022-07-13',
      'report.published': '2022-07-18',
    })
  })

  it('runs the Wednesday–Thursday variants (002 fn20, fn22) and the 2017 monitoring handbook', () => {
    expect(dates(json('timeline', 'focused-visit', '--onsite', '2023-06-14', '--variant', 'wed-thu'))).toMatchObject({
      notice: '2023-06-07',
      'onsite.end': '2023-06-15',
    })
    expect(dates(json('timeline', 'monitoring-visit', '--onsite', '2023-06-21', '--variant', 'wed-thu'))).toMatchObject(
      { notice: '2023-06-06', 'onsite.end': '2023-06-22' },
    )
    expect(dates(json('timeline', 'monitoring-visit', '--onsite', '2023-06-20', '--handbook', '2017'))).toMatchObject({
      'report.published': '2023-07-20',
    })
    expect(
      dates(json('timeline', 'monitoring-visit', '--onsite', '2023-06-20', '--visit', '1'))['report.published'],
    ).toBeUndefined()
  })

  it('gives the progress inspection’s day 36 reading beside day 35 (I6)', () => {
    const value = json('timeline', 'progress-inspection-2015', '--onsite', '2015-06-08') as {
      milestones: { key: string; alternatives?: { date: string }[] }[]
    }
    expect(value.milestones.find((item) => item.key === 'report.published')?.alternatives?.[0]?.date).toBe('2015-07-20')
  })

  it('prints a readable timeline without --json', () => {
    const run = ilacs('timeline', 'standard-inspection', '--onsite', '2022-06-06')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/Thursday 26 May 2022 +Lead inspector telephones the DCS/)
    expect(run.stdout).toMatch(/Check:\n {2}! Notice falls on Thursday 26 May 2022/)
  })

  it.each([
    [
      ['standard-inspection', '--onsite', '2022-06-04'],
      "ilacs: --onsite 2022-06-04 is a Saturday; a standard inspection's fieldwork starts on a Monday (C5, 002#52-53)",
    ],
    [
      ['standard-inspection', '--onsite', '2022-05-02'],
      /^ilacs: --onsite 2022-05-02 is a bank holiday in England and Wales: Early May bank holiday; .*\(C5, 002#52-53\)$/,
    ],
    [
      ['focused-visit', '--onsite', '2023-06-14'],
      /^ilacs: --onsite 2023-06-14 is a Wednesday; .*starts on a Tuesday \(C5, 002#103\)$/,
    ],
    [
      ['monitoring-visit', '--onsite', '2023-06-20', '--variant', 'wed-thu'],
      /^ilacs: --onsite 2023-06-20 is a Tuesday; .*\(C5, 002#129 fn22\)$/,
    ],
    [['post-monitoring-inspection', '--onsite', '2023-06-06'], /\(C5, 001#60-62\)$/],
    [['progress-inspection-2015', '--onsite', '2015-06-09'], /\(C5, 000#42, #Annex H\/A\)$/],
    [['inspection', '--onsite', '2022-06-06'], /^ilacs: TYPE inspection is not one of standard-inspection/],
    [['standard-inspection'], /^ilacs: --onsite is required/],
    [['standard-inspection', '--onsite', '2022-06-31'], /^ilacs: --onsite 2022-06-31 is not a calendar date/],
    [
      ['focused-visit', '--onsite', '2023-06-13', '--variant', 'thu-fri'],
      /^ilacs: --variant thu-fri is not one of tue-wed, wed-thu/,
    ],
    [
      ['standard-inspection', '--onsite', '2022-06-06', '--variant', 'wed-thu'],
      /apply only to focused and monitoring visits/,
    ],
  ])('refuses %j with a one-line reason, exit 2', (args, message) => {
    const line = usageError('timeline', ...args, '--json')
    if (typeof message === 'string') expect(line).toBe(message)
    else expect(line).toMatch(message)
  })
})

describe('ilacs after-inadequate', () => {
  it('gives the contract’s shape for the 2017 arrangements', () => {
    expect(json('after-inadequate', '--report-received', '2023-03-01')).toMatchObject({
      actionPlanningVisit: { earliest: '2023-04-05', latest: '2023-04-21' },
      actionPlanDue: '2023-06-14',
      firstMonitoringVisitBy: '2023-07-12',
      reinspection: { earliest: '2024-06-14', latest: '2025-06-14', minimumMonitoringVisits: 4 },
    })
  })

  it('adds the 2015 offer with --offer-2015', () => {
    const value = json('after-inadequate', '--report-received', '2015-03-02', '--offer-2015') as {
      offer2015: unknown
      actionPlanDue: string
    }
    expect(value.offer2015).toMatchObject({
      seminar: { earliest: '2015-04-08', latest: '2015-04-22' },
      planChase: '2015-05-14',
      improvementPlanDue: '2015-06-12',
    })
    expect(value.actionPlanDue).toBe('2015-06-12')
  })

  it('refuses a missing or bad date', () => {
    expect(usageError('after-inadequate', '--json')).toMatch(/^ilacs: --report-received is required.*\(M3\)$/)
    expect(usageError('after-inadequate', '--report-received', 'yesterday')).toMatch(
      /--report-received yesterday is not a calendar date/,
    )
  })
})

describe('ilacs pathway and intervention', () => {
  const history = historyFile('history.json', [
    { published: '2017-05-01', type: 'sif-inspection', overall: 'inadequate' },
    { published: '2018-09-01', type: 'post-monitoring-inspection', overall: 'requires-improvement' },
    { published: '2019-06-01', type: 'focused-visit', overall: null },
    { published: '2021-11-15', type: 'standard-inspection', overall: 'inadequate' },
  ])

  it.each([
    ['2019-07-01', 2, 'standard-inspection', '2021-03-01', '2022-03-01', 2],
    ['2022-01-01', 3, 'standard-inspection', '2023-02-24', '2024-02-24', 0],
  ])('on %s → pathway %i, next %s %s to %s, up to %i focused visits', (on, pathway, type, from, to, max) => {
    expect(json('pathway', '--history', history, '--on', on)).toMatchObject({
      pathway,
      next: { type, from, to },
      focusedVisits: { max },
    })
  })

  it.each([
    ['2019-07-01', false],
    ['2022-01-01', true],
  ])(
    'intervention on %s → commissioner required %s (two inadequate judgements within five years, G2)',
    (on, required) => {
      expect(json('intervention', '--history', history, '--on', on)).toMatchObject({
        commissionerRequired: required,
        reason: expect.any(String),
        citation: expect.stringMatching(/^004#/),
      })
    },
  )

  it('refuses a bad history file with the entry and the rule', () => {
    const bad = historyFile('bad.json', [
      { published: '2021-11-15', type: 'standard-inspection', overall: 'excellent' },
    ])
    expect(usageError('pathway', '--history', bad, '--on', '2022-01-01', '--json')).toMatch(
      /^ilacs: --history .*bad\.json at \[0\]\.overall: overall must be one of .*\(P5\)$/,
    )
    expect(usageError('intervention', '--history', join(work, 'missing.json'), '--on', '2022-01-01')).toMatch(
      /cannot be read \(G2\)$/,
    )
    expect(usageError('pathway', '--history', history, '--on', '2010-01-01')).toMatch(
      /no graded judgement was published on or before 2010-01-01 \(P5/,
    )
  })
})

describe('ilacs descriptor and judgements check', () => {
  it.each([
    ['65', { percent: 65, words: 'Large majority' }],
    ['50', { percent: 50, words: null, gap: true }],
    ['96.7', { words: null, gap: true }],
    ['29/30', { words: null, gap: true }],
    ['100%', { words: 'Vast/overwhelming majority or almost all' }],
  ])('descriptor %s', (percent, expected) => {
    expect(json('descriptor', percent)).toMatchObject(expected)
  })

  it('refuses a percentage out of range', () => {
    expect(usageError('descriptor', '101', '--json')).toMatch(/^ilacs: PERCENT 101 is not a percentage.*\(E9\)$/)
  })

  it.each([
    [['good', 'good', 'good'], [], true, 'good'],
    [
      ['inadequate', 'good', 'good', '--overall', 'good', '--leaders-understand-failure', 'yes'],
      ['002#100-101'],
      false,
      'good',
    ],
    [['good', 'inadequate', 'requires-improvement', '--leaders-understand-failure', 'yes'], [], true, 'inadequate'],
    [['inadequate', 'good', 'good', '--leaders-understand-failure', 'no'], ['002#241'], false, 'inadequate'],
  ])('judgements check %j', (grades, citations, consistent, overall) => {
    const [helpAndProtection, childrenInCare, leaders, ...rest] = grades
    const value = json(
      'judgements',
      'check',
      '--help-and-protection',
      helpAndProtection!,
      '--children-in-care',
      childrenInCare!,
      '--leaders',
      leaders!,
      ...rest,
    ) as {
      consistent: boolean
      overall: string
      problems: { rule: string; citation: string; message: string }[]
    }
    expect(value).toMatchObject({ consistent, overall })
    expect(value.problems.map((problem) => problem.citation)).toEqual(citations)
  })

  it('refuses an unknown grade, naming the argument and the rule', () => {
    expect(
      usageError(
        'judgements',
        'check',
        '--help-and-protection',
        'satisfactory',
        '--children-in-care',
        'good',
        '--leaders',
        'good',
      ),
    ).toMatch(
      /^ilacs: --help-and-protection satisfactory is not one of outstanding, good, requires-improvement, inadequate \(S6, 002#97\)$/,
    )
  })
})
