import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCliFirst, historyFile, json, usageError, workFolder } from '../test-support/cli.js'

// These tests run the real command, `node bin/ilacs.js`, as a user or a script would.
const work = workFolder()

// The first call builds the CLI bundle; do it once before the timed and parallel calls.
beforeAll(buildCliFirst, 60_000)

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

describe('ilacs pathway and intervention', () => {
  const history = historyFile(work, 'history.json', [
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

  it('reads a judgement with no overall grade (from April 2026) from its area grades (issue 14)', () => {
    // Published Friday 3 July 2026 under the 2026 framework: help and protection and leaders good,
    // care leavers inadequate. The derived grade (S6) is inadequate, so pathway 3.
    const noOverall = historyFile(work, 'no-overall.json', [
      { published: '2022-07-05', type: 'standard-inspection', overall: 'good' },
      {
        published: '2026-07-03',
        type: 'standard-inspection',
        grades: { helpAndProtection: 'good', childrenInCare: 'good', careLeavers: 'inadequate', leaders: 'good' },
      },
    ])
    expect(json('pathway', '--history', noOverall, '--on', '2026-09-01')).toMatchObject({ pathway: 3 })
    expect(json('intervention', '--history', noOverall, '--on', '2026-09-01')).toMatchObject({
      citation: expect.stringMatching(/^004#/),
    })
  })

  it('refuses a bad history file with the entry and the rule', () => {
    const bad = historyFile(work, 'bad.json', [
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
