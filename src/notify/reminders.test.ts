import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reminderSources } from '../areas/index.js'
import { principalFor } from '../auth/users.js'
import { systemClock } from '../clock.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { inadequateJudgement } from '../test-support/factories/intervention.js'
import { plannedActivity } from '../test-support/factories/activities.js'
import { createUser } from '../test-support/factories/users.js'
import { startSmtpSink } from '../test-support/smtp-sink.js'
import { createDispatcher } from './dispatcher.js'
import { createReminderJob, reminderPhase, setReminderStopped } from './reminders.js'

describe('reminderPhase: before, on the day, overdue (issue 13)', () => {
  it.each([
    ['a week before a report due Monday 30 November 2026', 'intervention-report', '2026-11-30', '2026-11-23', 'before'],
    ['eight days before', 'intervention-report', '2026-11-30', '2026-11-22', undefined],
    ['on the day', 'intervention-report', '2026-11-30', '2026-11-30', 'on-the-day'],
    ['the day after', 'intervention-report', '2026-11-30', '2026-12-01', 'overdue'],
    ['a board meeting on its last day (no on-the-day reminder)', 'board-meeting', '2026-11-30', '2026-11-30', 'before'],
    ['an alert, any day after the judgement', 'intervention-alert', '2026-11-06', '2026-11-23', 'on-the-day'],
  ] as const)('%s', (_case, kind, due, today, phase) => expect(reminderPhase(kind, due, today)).toBe(phase))
})

// Monday 23 November 2026 (TEST_NOW).
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('the reminder job', () => {
  it('sends each reminder once, even with two instances running it at once on one database', async () => {
    const laCode = '340' // Knowsley
    await inadequateJudgement(t.db, laCode, '2026-09-14', '2026-11-06')
    const lead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const caseLead = (await principalFor(t.db, lead.id))!
    const context = { requestId: 'test' }
    const services = t.app.services
    const interventionId = await services.intervention.open(
      caseLead,
      laCode,
      { dfeToldOn: '2026-10-28', note: '' },
      context,
    )
    await services.intervention.scheduleReport(
      caseLead,
      interventionId,
      {
        title: 'Knowsley adviser report',
        dueFrom: 'adviser',
        ownerEmail: 'knowsley.adviser@example.gov.uk',
        dueOn: '2026-11-27',
      },
      context,
    )
    await services.intervention.scheduleReport(
      caseLead,
      interventionId,
      { title: 'Knowsley chair report', dueFrom: 'board-chair', ownerEmail: '', dueOn: '2026-11-20' },
      context,
    )
    const instance = () =>
      createReminderJob({
        db: t.db,
        clock: t.clock,
        baseUrl: 'https://ilacs.example',
        sources: reminderSources(services),
      })
    await Promise.all([instance().runOnce(), instance().runOnce()])
    await instance().runOnce()
    const emails = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'subject', 'body_text'])
      .where('subject', 'like', '%Knowsley%')
      .orderBy('subject')
      .execute()
    expect(emails.map((email) => [email.recipient, email.subject])).toEqual([
      [
        'knowsley.adviser@example.gov.uk',
        'Coming up: Knowsley adviser report (DfE social care adviser) for Knowsley (due Friday 27 November 2026)',
      ],
      [
        lead.email,
        'Overdue: Knowsley chair report (Improvement board chair) for Knowsley (due Friday 20 November 2026)',
      ],
    ])
    expect(emails[0]!.body_text).toContain(`https://ilacs.example/interventions/${interventionId}#reports`)
  })

  it('alerts the LA’s DfE case leads to a new inadequate judgement once, and not someone who stopped them', async () => {
    const laCode = '341' // Liverpool
    await inadequateJudgement(t.db, laCode, '2026-09-21', '2026-11-13')
    const lead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const stopped = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    await setReminderStopped(t.db, stopped.id, 'intervention-alert', true)
    const job = createReminderJob({ db: t.db, clock: t.clock, baseUrl: '', sources: reminderSources(t.app.services) })
    await job.runOnce()
    await job.runOnce()
    const alerts = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'kind'])
      .where('subject', '=', 'New inadequate judgement: Liverpool')
      .execute()
    expect(alerts).toEqual([{ recipient: lead.email, kind: 'intervention-alert' }])
  })

  it('emails the lead inspector that notice is due today through SMTP, and nobody who stopped that kind', async () => {
    const lead = await createUser(t.db, 'hmi')
    const stoppedLead = await createUser(t.db, 'hmi')
    await setReminderStopped(t.db, stoppedLead.id, 'inspection-step', true)
    // Fieldwork from Monday 30 November: notice on Monday 23 November (002#73), today.
    for (const [laCode, user] of [
      ['935', lead], // Suffolk
      ['936', stoppedLead], // Surrey
    ] as const)
      await plannedActivity(t.db, t.config, {
        laCode,
        onsiteStart: '2026-11-30',
        plannedAt: '2026-10-01T10:00:00Z',
        team: [{ userId: user.id, teamRole: 'lead-inspector' }],
      })
    const job = createReminderJob({
      db: t.db,
      clock: t.clock,
      baseUrl: 'https://ilacs.example',
      sources: reminderSources(t.app.services),
    })
    await job.runOnce()
    const sink = await startSmtpSink()
    // The outbox dates what it queues by the database's clock: the dispatcher sends by real time.
    const dispatcher = createDispatcher({
      db: t.db,
      clock: systemClock,
      smtpUrl: sink.url,
      from: 'ILACS <no-reply@ilacs.test>',
    })
    try {
      while ((await dispatcher.runOnce()) > 0);
      const toLead = sink.messages.filter((message) => message.to.includes(lead.email))
      expect(toLead).toHaveLength(1)
      expect(toLead[0]!.raw).toContain('Subject: Due today: Give notice: Standard inspection of Suffolk')
      expect(sink.messages.filter((message) => message.to.includes(stoppedLead.email))).toEqual([])
    } finally {
      await dispatcher.stop()
      await sink.close()
    }
  })
})
