import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../notify/dispatcher.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { startSmtpSink } from '../../test-support/smtp-sink.js'

// Monday 23 November 2026, 10:00: plan for fieldwork on Monday 25 January 2027. The notice call
// sends the only email of this file's database, so the dispatcher's counts are this test's own.
const TODAY = '2026-11-23T10:00:00Z'
const clock = settableClock(TODAY)
let t: TestApp
let regional: TestUser
let lead: TestUser
let analyst: TestUser
let otherAnalyst: TestUser

beforeAll(async () => {
  t = await buildTestApp({ clock })
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  lead = await createUser(t.db, 'hmi')
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
  otherAnalyst = await createUser(t.db, 'la-analyst', { laCode: '887' })
})
afterAll(async () => t.close())
afterEach(() => clock.set(TODAY))

describe('from plan to notice', () => {
  it('records the notice call, emails the DCS through the outbox, and shows the request to the LA', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await agent.get('/activities/new')
    const planned = await agent.post('/activities/new', {
      laCode: '886',
      type: 'standard-inspection',
      'onsiteStart-day': '25',
      'onsiteStart-month': '1',
      'onsiteStart-year': '2027',
    })
    expect(planned.statusCode).toBe(303)
    const id = planned.headers.location!.split('/').pop()!
    // S3: the team a standard inspection usually has (002#52, #79).
    const team = page(await agent.get(`/activities/${id}/team`))
    expect(team.$('#usual-team').text()).toContain('Usually 4 social care inspectors')
    expect(
      (await agent.post(`/activities/${id}/team`, { userId: lead.id, teamRole: 'lead-inspector' })).statusCode,
    ).toBe(303)
    await agent.post(`/activities/${id}/contacts`, {
      contactRole: 'dcs',
      name: 'Sam Director',
      email: 'sam.director@kent.gov.uk',
    })
    const version = String(
      (await t.db.selectFrom('activities').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    )

    const call = {
      'calledAt-day': '18',
      'calledAt-month': '1',
      'calledAt-year': '2027',
      'calledAt-hour': '9',
      'calledAt-minute': '10',
      spokeToRole: 'dcs',
      spokeToName: 'Sam Director',
      version,
    }
    // Recording the call emails the DCS at once, so a call not yet made is refused.
    const early = await new TestAgent(t.app).signIn(lead.email, lead.password)
    // S1: the call is due by 9.30am on Monday 18 January 2027, five working days before fieldwork (002#73).
    const due = page(await early.get(`/activities/${id}/notice`))
      .$('#notice-due')
      .text()
    expect(due).toContain('9.30am on Monday 18 January 2027')
    expect(due).toContain('will not delay the start of the inspection (002#75)')
    const refused = await early.post(`/activities/${id}/notice`, call)
    expect(refused.statusCode).toBe(400)
    expect(page(refused).$('.govuk-error-summary').text()).toContain('The call must be today or in the past')

    // 9.20am on the notice day, Monday 18 January 2027.
    clock.set('2027-01-18T09:20:00Z')
    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    await leadAgent.get(`/activities/${id}/notice`)
    const recorded = await leadAgent.post(`/activities/${id}/notice`, call)
    expect(recorded.statusCode).toBe(303)
    const activity = await t.db
      .selectFrom('activities')
      .select(['status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(activity.status).toBe('notified')
    // Who was spoken to is in words, on the page and in the audit log, never the raw code "dcs".
    const notice = page(await leadAgent.get(`/activities/${id}/notice`))
    expect(notice.$('main').text()).toContain('Sam Director, Director of children’s services (DCS)')
    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'activity.notice')
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(audit.summary).toContain('spoke to: Director of children’s services (DCS)')
    expect(audit.summary).not.toContain('(spoke to the dcs)')

    const sink = await startSmtpSink()
    try {
      const dispatcher = createDispatcher({
        db: t.db,
        clock: t.clock,
        smtpUrl: sink.url,
        from: 'ILACS <no-reply@ilacs.test>',
      })
      expect(await dispatcher.runOnce()).toBe(1)
      expect(await dispatcher.runOnce()).toBe(0)
      await dispatcher.stop()
      expect(sink.messages).toHaveLength(1)
      expect(sink.messages[0]!.to).toEqual(['sam.director@kent.gov.uk'])
      expect(sink.messages[0]!.raw).toContain('Annex A')
      expect(sink.messages[0]!.raw).toContain('Tuesday 19 January 2027')
    } finally {
      await sink.close()
    }

    const la = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const seen = page(await la.get(`/activities/${id}`))
    expect(seen.heading).toBe('Standard inspection of Kent')
    expect(
      page(await la.get('/activities'))
        .$('tbody')
        .text(),
    ).toContain('Kent')
    const other = await new TestAgent(t.app).signIn(otherAnalyst.email, otherAnalyst.password)
    expect((await other.get(`/activities/${id}`)).statusCode).toBe(404)
  })
})
