import { beforeAll, describe, expect, it } from 'vitest'
import { buildCliFirst, dates, ilacs, json, usageError, type Milestones } from '../test-support/cli.js'

// These tests run the real command, `node bin/ilacs.js`, as a user or a script would.
// The first call builds the CLI bundle; do it once before the timed and parallel calls.
beforeAll(buildCliFirst, 60_000)

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
      "ilacs: --onsite 4 June 2022 is a Saturday; a standard inspection's fieldwork starts on a Monday (C5, 002#52-53)",
    ],
    [
      ['standard-inspection', '--onsite', '2022-05-02'],
      /^ilacs: --onsite 2 May 2022 is a bank holiday in England and Wales: Early May bank holiday; .*\(C5, 002#52-53\)$/,
    ],
    [
      ['focused-visit', '--onsite', '2023-06-15'],
      /^ilacs: --onsite 15 June 2023 is a Thursday; .*starts on a Tuesday \(C5, 002#103\)$/,
    ],
    [
      ['monitoring-visit', '--onsite', '2023-06-20', '--variant', 'wed-thu'],
      /^ilacs: --onsite 20 June 2023 is a Tuesday; .*\(C5, 002#129 fn22\)$/,
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
