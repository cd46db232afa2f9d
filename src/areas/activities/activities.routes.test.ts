import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00: plan for fieldwork on Monday 11 January 2027.
const TODAY = '2026-11-23T10:00:00Z'
const clock = settableClock(TODAY)
let t: TestApp
let regional: TestUser
let lead: TestUser
let analyst: TestUser

beforeAll(async () => {
  t = await buildTestApp({ clock })
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  lead = await createUser(t.db, 'hmi')
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
})
afterAll(async () => t.close())
afterEach(() => clock.set(TODAY))

async function planKent(agent: TestAgent, onsite: [string, string, string] = ['11', '1', '2027']): Promise<string> {
  await agent.get('/activities/new')
  const response = await agent.post('/activities/new', {
    laCode: '886',
    type: 'standard-inspection',
    'onsiteStart-day': onsite[0],
    'onsiteStart-month': onsite[1],
    'onsiteStart-year': onsite[2],
  })
  expect(response.statusCode).toBe(303)
  return response.headers.location!.split('/').pop()!
}

describe('planning an activity', () => {
  it('refuses a first day on site that is not the weekday the schedule needs, with the rule', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await agent.get('/activities/new')
    const response = await agent.post('/activities/new', {
      laCode: '886',
      type: 'standard-inspection',
      'onsiteStart-day': '12',
      'onsiteStart-month': '1',
      'onsiteStart-year': '2027',
    })
    expect(response.statusCode).toBe(400)
    const refused = page(response)
    // Plain words in the summary; the rule and its citation linked after them (issue 10).
    expect(refused.errorSummary[0]!.text).toBe(
      "12 January 2027 is a Tuesday; a standard inspection's fieldwork starts on a Monday",
    )
    expect(refused.$('.govuk-error-summary + p a').attr('href')).toBe('/rules/C5')
    expect(refused.$('.govuk-error-summary + p').text()).toContain('(rule C5, 002#52-53)')
  })

  it('plans a standard inspection and shows its timeline with each date’s rule', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const id = await planKent(agent, ['18', '1', '2027'])
    const show = page(await agent.get(`/activities/${id}`))
    expect(show.heading).toBe('Standard inspection of Kent')
    expect(show.$('.govuk-task-list').length).toBeGreaterThan(0)
    const timeline = page(await agent.get(`/activities/${id}/timeline`))
    const table = timeline.$('#table tbody').text()
    // Notice five working days before Monday 18 January 2027: Monday 11 January (S1, 002#73).
    expect(table).toContain('11 January 2027')
    expect(timeline.$('#table a[href="/rules/S4"]').length).toBeGreaterThan(0)
    // C1: the bank holidays' source is named.
    expect(timeline.$('#bank-holiday-source').text()).toMatch(/^date-holidays [\d.]+ \(GB, region ENG\)$/)
  })
})

describe('from plan to notice', () => {
  it('keeps a planned inspection hidden from the LA until notice is given (002#73)', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const id = await planKent(agent)
    const la = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    expect((await la.get(`/activities/${id}`)).statusCode).toBe(404)
    expect(
      page(await la.get('/activities'))
        .$('main')
        .text(),
    ).not.toContain('Kent')
  })

  it('moves the date with a reason, and recomputes every milestone', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    // Planned for Monday 1 March 2027, then moved to Monday 25 January.
    const id = await planKent(agent, ['1', '3', '2027'])
    await agent.get(`/activities/${id}/timeline`)
    const noReason = await agent.post(`/activities/${id}/timeline`, {
      'onsiteStart-day': '25',
      'onsiteStart-month': '1',
      'onsiteStart-year': '2027',
      version: '1',
    })
    expect(page(noReason).errorSummary.map((e) => e.text)).toContain('Enter why the date is changing')
    const moved = await agent.post(`/activities/${id}/timeline`, {
      'onsiteStart-day': '25',
      'onsiteStart-month': '1',
      'onsiteStart-year': '2027',
      reason: 'Clash with a JTAI',
      version: '1',
    })
    expect(moved.statusCode).toBe(303)
    const timeline = page(await agent.get(`/activities/${id}/timeline`))
    expect(timeline.$('main').text()).toContain('Clash with a JTAI')
    const notice = await t.db
      .selectFrom('activity_milestones')
      .select('date')
      .where('activity_id', '=', id)
      .where('key', '=', 'notice')
      .executeTakeFirstOrThrow()
    expect(notice.date).toBe('2027-01-18')
    // A second submit of the same form, built from the old version, is refused, not applied twice.
    const stale = await agent.post(`/activities/${id}/timeline`, {
      'onsiteStart-day': '1',
      'onsiteStart-month': '2',
      'onsiteStart-year': '2027',
      reason: 'Again',
      version: '1',
    })
    expect(stale.statusCode).toBe(400)
    expect(page(stale).errorSummary[0]!.text).toMatch(/Someone else changed this activity/)
  })

  it('refuses to defer for the absence of the DCS (002#16)', async () => {
    // East Sussex, notified on Monday 25 January for fieldwork on Monday 1 February 2027.
    const id = await notifiedActivity(t.db, t.config, {
      laCode: '845',
      onsiteStart: '2027-02-01',
      plannedAt: TODAY,
      noticeAt: '2027-01-25T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const version = String(
      (await t.db.selectFrom('activities').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    )
    await agent.get(`/activities/${id}`)
    const response = await agent.post(`/activities/${id}/status`, {
      to: 'deferred',
      deferralReason: 'dcs-absence',
      note: 'DCS on leave',
      version,
    })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary[0]!.text).toContain(
      'Staff absence, including the absence of the DCS, is not a reason for deferral',
    )
  })

  it('will not go on site before fieldwork starts', async () => {
    const id = await notifiedActivity(t.db, t.config, {
      laCode: '845',
      onsiteStart: '2027-01-25',
      plannedAt: TODAY,
      noticeAt: '2027-01-18T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const version = String(
      (await t.db.selectFrom('activities').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    )
    // Notice was given on Monday 18 January; on Wednesday 20 January fieldwork is five days away.
    clock.set('2027-01-20T10:00:00Z')
    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const shown = page(await leadAgent.get(`/activities/${id}`))
    expect(shown.$('button:contains("Mark as on site")').length).toBe(0)
    expect(shown.$('[data-testid="next-step-not-yet"]').text()).toBe(
      'On site next. Fieldwork starts on 25 January 2027.',
    )
    const response = await leadAgent.post(`/activities/${id}/status`, { to: 'on-site', version })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary[0]!.text).toBe('Fieldwork starts on 25 January 2027')
    clock.set('2027-01-25T08:30:00Z')
    const onTheDay = await new TestAgent(t.app).signIn(lead.email, lead.password)
    expect(page(await onTheDay.get(`/activities/${id}`)).$('button:contains("Mark as on site")').length).toBe(1)
  })
})

describe('calendars', () => {
  it('gives an activity’s dates as iCalendar events with stable ids', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const id = await planKent(agent, ['1', '2', '2027'])
    const response = await agent.get(`/activities/${id}/calendar.ics`)
    expect(response.headers['content-type']).toContain('text/calendar')
    expect(response.body).toContain('BEGIN:VEVENT')
    expect(response.body).toContain(`UID:${id}-onsite.start@ilacs`)
    expect(response.body).toContain('DTSTART;VALUE=DATE:20270201')
  })

  it('serves an inspector’s personal feed by its secret address, and nothing for a wrong one', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const id = await planKent(agent, ['8', '2', '2027'])
    await agent.get(`/activities/${id}/team`)
    await agent.post(`/activities/${id}/team`, { userId: lead.id, teamRole: 'lead-inspector' })
    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    await leadAgent.get('/calendar-feed')
    const made = page(await leadAgent.post('/calendar-feed'))
    const url = made.$('.app-feed-url').text()
    const path = new URL(url).pathname
    const feed = await new TestAgent(t.app).get(`${path}.ics`)
    expect(feed.statusCode).toBe(200)
    expect(feed.body).toContain(`UID:${id}-notice@ilacs`)
    expect((await new TestAgent(t.app).get('/calendar/not-a-real-token')).statusCode).toBe(404)
  })
})

describe('what needs you today', () => {
  it('asks the regional director for a lead, then tells the lead when notice is due', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    // Fieldwork Monday 30 November 2026: notice is due on Monday 23 November, today on the test clock.
    const id = await planKent(agent, ['30', '11', '2026'])
    const home = page(await agent.get('/'))
    expect(home.$('.app-needs').text()).toContain('Choose a lead inspector: Standard inspection of Kent')
    await agent.get(`/activities/${id}/team`)
    const newLead = await createUser(t.db, 'hmi')
    await agent.post(`/activities/${id}/team`, { userId: newLead.id, teamRole: 'lead-inspector' })
    const leadHome = page(await (await new TestAgent(t.app).signIn(newLead.email, newLead.password)).get('/'))
    const item = leadHome.$('.app-needs__item').filter((_, el) => leadHome.$(el).text().includes('Give notice'))
    expect(item.text()).toContain('Today')
    expect(item.text()).toContain('Monday 23 November 2026')
    expect(item.find('a[href="/rules/S1"]').length).toBe(1)
  })
})
