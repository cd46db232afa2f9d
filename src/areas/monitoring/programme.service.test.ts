import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { createServices } from '../index.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { createMonitoringService } from './service.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA.
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const context = { requestId: 'test' }
const director = async () => (await principalFor(t.db, (await createUser(t.db, 'national-director')).id))!

describe('opening a monitoring programme (001#4, #67)', () => {
  it('opens one per inadequate judgement, and a second set closes the first', async () => {
    const laCode = '202' // Camden
    const principal = await director()
    await inadequateJudgement(t.db, laCode, '2024-01-08', '2024-03-04')
    const first = await t.app.services.monitoring.open(principal, laCode, { dates: {} }, context)
    await expect(t.app.services.monitoring.open(principal, laCode, { dates: {} }, context)).rejects.toMatchObject({
      fieldErrors: { prePublication: 'This judgement already has its monitoring programme' },
    })
    // Publication is taken from the register when not given.
    expect((await t.app.services.monitoring.record(first)).programme.dates.publication).toBe('2024-03-04')

    // Re-inspected and still inadequate (001#67): monitoring starts again.
    await inadequateJudgement(t.db, laCode, '2026-06-08', '2026-07-27')
    const second = await t.app.services.monitoring.open(
      principal,
      laCode,
      { dates: { 'pre-publication': '2026-07-20' } },
      context,
    )
    const records = await t.app.services.monitoring.ofLa(laCode)
    // The first closed on the day the second inadequate judgement was published (M9).
    expect(records.map((record) => [record.programme.setNumber, record.programme.closedOn])).toEqual([
      [2, null],
      [1, '2026-07-27'],
    ])
    expect(records[0]!.programme.id).toBe(second)
    expect(records[1]!.outcome).toMatchObject({
      publishedOn: '2026-07-27',
      grade: 'inadequate',
      monitoringRestarts: true,
    })
  })

  it('closes by itself when a re-inspection judged better than inadequate is published (M9, 002#23)', async () => {
    const laCode = '204' // Hackney
    await inadequateJudgement(t.db, laCode, '2024-02-05', '2024-04-08')
    const id = await t.app.services.monitoring.open(await director(), laCode, { dates: {} }, context)
    expect((await t.app.services.monitoring.record(id)).outcome).toBeNull()
    await publishedJudgement(t.db, {
      laCode,
      inspectionStart: '2026-03-02',
      inspectionEnd: '2026-03-13',
      publishedOn: '2026-04-27',
      grades: {
        overall: 'requires-improvement',
        'help-and-protection': 'requires-improvement',
        'children-in-care': 'good',
        leaders: 'requires-improvement',
      },
    })
    const { programme, outcome } = await t.app.services.monitoring.record(id)
    expect(programme.closedOn).toBe('2026-04-27')
    expect(outcome).toMatchObject({
      grade: 'requires-improvement',
      monitoringRestarts: false,
      message: 'The authority enters the pathway of its new overall grade',
    })
  })

  it('refuses an LA whose latest judgement is not inadequate', async () => {
    const laCode = '203' // Greenwich
    await publishedJudgement(t.db, {
      laCode,
      inspectionStart: '2025-05-05',
      inspectionEnd: '2025-05-16',
      publishedOn: '2025-06-30',
      grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
    })
    await expect(
      t.app.services.monitoring.open(await director(), laCode, { dates: {} }, context),
    ).rejects.toMatchObject({
      fieldErrors: { prePublication: 'The LA’s latest judgement is not inadequate (001#4)' },
    })
  })
})

describe('the items of the report the service published (issue 12)', () => {
  it('takes the recommendations and areas for priority action in order, once each', async () => {
    const laCode = '205' // Hammersmith and Fulham
    const activityId = await plannedActivity(t.db, t.config, {
      laCode,
      onsiteStart: '2026-03-02',
      plannedAt: '2026-01-05T09:00:00Z',
    })
    await publishedJudgement(t.db, {
      laCode,
      inspectionStart: '2026-03-02',
      inspectionEnd: '2026-03-13',
      publishedOn: '2026-04-27',
      grades: {
        overall: 'inadequate',
        'help-and-protection': 'inadequate',
        'children-in-care': 'inadequate',
        leaders: 'inadequate',
      },
      activityId,
      source: 'service',
    })
    const services = createServices({ db: t.db, clock: t.clock, config: t.config })
    const asked: string[] = []
    const monitoring = createMonitoringService({
      db: t.db,
      clock: t.clock,
      config: t.config,
      register: services.register,
      people: services.people,
      blobs: services.blobs,
      reportItems: async (id) => {
        asked.push(id)
        return [
          { kind: 'recommendation', text: 'Improve supervision' },
          { kind: 'recommendation', text: 'Reduce drift' },
          { kind: 'priority-action', text: 'Act on risk at the front door' },
        ]
      },
    })
    const principal = await director()
    const id = await monitoring.open(principal, laCode, { dates: {} }, context)
    await monitoring.addRecommendation(principal, id, { kind: 'recommendation', text: 'Improve supervision' }, context)
    expect(await monitoring.recommendationsFromReport(principal, id, context)).toBe(2)
    expect(asked).toEqual([activityId])
    expect((await monitoring.record(id)).recommendations.map((item) => `${item.ref} ${item.text}`).sort()).toEqual([
      'P1 Act on risk at the front door',
      'R1 Improve supervision',
      'R2 Reduce drift',
    ])
  })
})

describe('two people at once', () => {
  it('opens one programme when two directors open it together, and numbers items added together one after the other', async () => {
    const laCode = '210' // Southwark
    const principal = await director()
    await inadequateJudgement(t.db, laCode, '2024-05-13', '2024-07-08')
    const opened = await Promise.allSettled([
      t.app.services.monitoring.open(principal, laCode, { dates: {} }, context),
      t.app.services.monitoring.open(principal, laCode, { dates: {} }, context),
    ])
    expect(opened.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1)
    const refused = opened.find((outcome) => outcome.status === 'rejected')
    expect(refused?.reason).toMatchObject({
      fieldErrors: { prePublication: 'This judgement already has its monitoring programme' },
    })
    const [record] = await t.app.services.monitoring.ofLa(laCode)
    const id = record!.programme.id
    await Promise.all(
      ['Improve supervision', 'Reduce drift', 'Hear children'].map((text) =>
        t.app.services.monitoring.addRecommendation(principal, id, { kind: 'recommendation', text }, context),
      ),
    )
    const refs = (await t.app.services.monitoring.record(id)).recommendations.map((item) => item.ref)
    expect([...refs].sort()).toEqual(['R1', 'R2', 'R3'])
  })
})
