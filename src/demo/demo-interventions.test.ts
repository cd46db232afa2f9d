import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { nextBoardMeetingBy } from '../rules/intervention-record.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { DEMO_DELIVERY_LA } from './demo-delivery.js'
import { loadDemoInterventions } from './demo-interventions.js'
import { loadDemoPublications } from './demo-publications.js'
import { demoPrincipal } from './demo-steps.js'
import { DEMO_LA_CODE, DEMO_OTHER_LA_CODE, loadDemoData } from './load-demo-data.js'

// Monday 23 November 2026, loaded in the order `npm start` loads it (publications first).
const TODAY = '2026-11-23'
let database: DatabaseHandle
let dataDir: string
let services: ReturnType<typeof createServices>
beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = await mkdtemp(join(tmpdir(), 'demo-interventions-'))
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
  await loadDemoData(database.db, TODAY)
  await loadDemoPublications(database.db, config, TODAY)
  expect(await loadDemoInterventions(database.db, config, TODAY)).toBe(true)
  expect(await loadDemoInterventions(database.db, config, TODAY)).toBe(false)
  services = createServices({ db: database.db, clock: fixedClock(`${TODAY}T12:00:00Z`), config })
}, 120_000)
afterAll(async () => {
  await database.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('demo interventions and engagement (issue 13)', () => {
  it('holds the case lead’s LAs in intervention at different steps, with no inadequate judgement left unopened', async () => {
    const caseLead = await demoPrincipal(database.db, 'dfe-case-lead')
    const records = await services.intervention.inScope(caseLead)
    const summary = records.map((record) => ({
      step: record.intervention.step,
      forms: record.instruments.map((instrument) => instrument.form),
      adviser: record.board?.adviserKind ?? null,
      late: record.reports.filter((report) => !report.receivedOn && report.dueOn < TODAY).length,
      minutes: record.meetings.filter((meeting) => meeting.minutes).length,
    }))
    // A direction, a notice, a notice with late reports, a lifted one, and Knowsley's notice (340:
    // inadequate, published Monday 20 January 2025).
    expect(summary).toHaveLength(5)
    expect(summary).toContainEqual({
      step: 'in-force',
      forms: ['statutory-direction'],
      adviser: 'commissioner',
      late: 0,
      minutes: 1,
    })
    expect(summary).toContainEqual({
      step: 'in-force',
      forms: ['improvement-notice'],
      adviser: 'adviser',
      late: 0,
      minutes: expect.any(Number),
    })
    // Each board in force has met within six weeks (G3): the case lead's first task is not a
    // meeting long overdue; the improvement notice's board last met about a month ago.
    for (const record of records.filter((item) => item.intervention.step === 'in-force')) {
      const next = nextBoardMeetingBy(record.meetings.at(-1)?.metOn, record.board!.setUpOn, TODAY)
      expect(next.late).toBe(false)
    }
    expect(
      records.some(
        (record) =>
          record.instruments[0]?.form === 'improvement-notice' && record.meetings.at(-1)?.metOn === '2026-10-24',
      ),
    ).toBe(true)
    expect(summary).toContainEqual({
      step: 'in-force',
      forms: ['improvement-notice'],
      adviser: 'adviser',
      late: 2,
      minutes: 2,
    })
    const lifted = records.find((record) => record.intervention.step === 'lifted')!
    // Lifted after a re-inspection judged requires improvement or better (G4), on a day gone by.
    expect(lifted.intervention.closedOn! <= TODAY).toBe(true)
    // Ofsted's real register: requires improvement brings 12 months of support (G4), good none.
    const supportUntil = lifted.intervention.supportUntil
    expect(supportUntil === null || supportUntil > lifted.intervention.closedOn!).toBe(true)
    expect(lifted.steps.map((step) => step.step)).toEqual([
      'dfe-told',
      'case-lead-named',
      'instrument-drafted',
      'issued-published',
      'in-force',
      'reinspection',
      'lifted',
    ])
    for (const record of records) {
      const days = record.steps.map((step) => step.happenedOn)
      expect(days).toEqual([...days].sort())
      expect(days.every((day) => day <= TODAY)).toBe(true)
    }
    const knowsley = records.find((record) => record.intervention.laCode === '340')!
    expect(knowsley.steps.map((step) => [step.step, step.happenedOn])).toEqual([
      // Friday 3 January, 11 working days before (past New Year's Day), as the draft went to the council.
      ['dfe-told', '2025-01-03'],
      ['case-lead-named', '2025-01-06'],
      ['instrument-drafted', '2025-01-08'],
      ['issued-published', '2025-01-20'],
      ['in-force', '2025-01-20'],
    ])
    expect(knowsley.board).toMatchObject({ setUpOn: '2025-02-17', adviserKind: 'adviser' })
    // Every inadequate judgement in the case lead's LAs was published long ago: no alert is news.
    expect(await services.intervention.alerts(caseLead.laCodes)).toEqual([])
  })

  it('holds the case lead’s answers to the notice LA’s checklists, one signature answered twice (G6)', async () => {
    const caseLead = await demoPrincipal(database.db, 'dfe-case-lead')
    const records = await services.intervention.inScope(caseLead)
    const notice = records.find((record) => record.board?.adviserKind === 'adviser')!
    const [risks, , reflective] = await services.intervention.checklistsOf(notice.intervention.laCode)
    expect(risks!.standing.answered).toBe(4)
    expect(risks!.standing.seen).toEqual([0, 4, 10])
    expect(risks!.items[10]!.earlier).toHaveLength(1)
    expect(risks!.standing.lastAnsweredOn! < TODAY).toBe(true)
    expect(reflective!.standing.answered).toBe(1)
  })

  it('gives the commissioner only the LA whose direction names them', async () => {
    const commissioner = await demoPrincipal(database.db, 'commissioner')
    const records = await services.intervention.inScope(commissioner)
    expect(records.map((record) => record.board?.adviserKind)).toEqual(['commissioner'])
  })

  it('holds Kent’s meeting with its letter sent and a self-evaluation shared, and Medway’s meeting to come', async () => {
    const kent = await services.engagement.ofLa(DEMO_LA_CODE)
    expect(kent.meetings.map((meeting) => meeting.status)).toEqual(['letter-sent'])
    expect(kent.selfEvaluations).toHaveLength(2)
    const medway = await services.engagement.ofLa(DEMO_OTHER_LA_CODE)
    expect(medway.meetings.map((meeting) => meeting.status)).toEqual(['scheduled'])
    expect(medway.meetings[0]!.meetingOn > TODAY).toBe(true)
  })

  it('holds Slough’s children’s services trust, running them today (002#227-237)', async () => {
    const bodies = await services.register.deliveryOn(DEMO_DELIVERY_LA, TODAY)
    expect(bodies.map((body) => [body.name, body.kind, body.basis, body.since])).toEqual([
      ['Slough Children First', 'trust', 's497A(4)', '2015-10-01'],
    ])
  })
})
