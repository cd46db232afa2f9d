import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Each test plans an inspection of an LA of its own, then its lead records the notice call on
// another day than the one it was due: the Annex A deadlines count from the call (S4, 002#242)
// and fieldwork does not move (002#75).
const PLANNED = '2026-11-23T10:00:00Z'
const clock = settableClock(PLANNED)
let t: TestApp
let regional: TestUser
/** South East LAs (the regional director's region), one per test. */
const laCodes = ['886', '887', '845', '846']

beforeAll(async () => {
  t = await buildTestApp({ clock })
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
})
afterAll(async () => t.close())
afterEach(() => clock.set(PLANNED))

/** A planned standard inspection with its lead and the DCS as a contact. */
async function planned(onsiteStart: string) {
  const lead = await createUser(t.db, 'hmi')
  const id = await plannedActivity(t.db, t.config, {
    laCode: laCodes.shift()!,
    onsiteStart,
    plannedAt: PLANNED,
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  return { id, lead }
}

/** The lead records the call made at 9.10am on `day` (YYYY-MM-DD), signed in that morning. */
async function recordCall(id: string, lead: TestUser, day: string) {
  clock.set(`${day}T09:20:00Z`)
  const agent = await new TestAgent(t.app).signIn(lead.email, lead.password)
  await agent.get(`/activities/${id}/notice`)
  const [year, month, date] = day.split('-')
  const version = (await t.db.selectFrom('activities').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version
  const response = await agent.post(`/activities/${id}/notice`, {
    'calledAt-day': String(Number(date)),
    'calledAt-month': String(Number(month)),
    'calledAt-year': year!,
    'calledAt-hour': '9',
    'calledAt-minute': '10',
    spokeToRole: 'dcs',
    spokeToName: 'A Director',
    version: String(version),
  })
  expect(response.statusCode).toBe(303)
  return agent
}

async function milestoneDates(id: string): Promise<Record<string, string>> {
  const rows = await t.db
    .selectFrom('activity_milestones')
    .select(['key', 'date'])
    .where('activity_id', '=', id)
    .execute()
  return Object.fromEntries(rows.map((row) => [row.key, row.date]))
}

describe('a notice call made late', () => {
  it('moves the Annex A deadlines to count from the call, keeps fieldwork, and says why on the timeline and notice pages', async () => {
    // Fieldwork Monday 18 January 2027: notice due Monday 11 January, made on Tuesday 12 January.
    const { id, lead } = await planned('2027-01-18')
    const agent = await recordCall(id, lead, '2027-01-12')

    expect(await milestoneDates(id)).toMatchObject({
      notice: '2027-01-11',
      'annex-a.request': '2027-01-12',
      'annex-a.child-level-data': '2027-01-13',
      'annex-a.audits': '2027-01-13',
      'annex-a.management-information': '2027-01-14',
      'annex-a.case-information': '2027-01-15',
      'onsite.start': '2027-01-18',
    })
    const activity = await t.db
      .selectFrom('activities')
      .select(['onsite_start', 'status', 'status_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(activity).toMatchObject({ onsite_start: '2027-01-18', status: 'notified' })
    expect(activity.status_reason).toContain('so the Annex A deadlines count from that day (002#242)')

    const why =
      'The notice was given on Tuesday 12 January 2027 (a day late: it was due on Monday 11 January 2027), so the Annex A deadlines count from that day (002#242); the first day on site does not change (002#75)'
    const timeline = page(await agent.get(`/activities/${id}/timeline`))
    expect(timeline.$('.govuk-warning-text').text()).toContain(why)
    expect(timeline.$('.govuk-warning-text a[href="/rules/S4"]').length).toBe(1)
    expect(timeline.$('#table tbody').text()).toContain('15 January 2027')

    const notice = page(await agent.get(`/activities/${id}/notice`))
    expect(notice.$('.app-annex-a-moved').text()).toContain(why)
    const deadlines = notice.$('h2:contains("Annex A deadlines") ~ dl').first().text()
    expect(deadlines).toContain('Wednesday 13 January 2027')
    expect(deadlines).toContain('Friday 15 January 2027')

    // The confirmation sent after the call asks for the deadlines counted from it (002#74).
    const email = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(email.body_text).toContain('Wednesday 13 January 2027')
    expect(email.body_text).toContain('Friday 15 January 2027')
    expect(email.body_text).not.toContain('Tuesday 12 January 2027')
  })

  it('counts working days across Easter: due Thursday 25 March 2027, made Tuesday 30 March', async () => {
    // Fieldwork Monday 5 April 2027; Good Friday 26 March and Easter Monday 29 March are bank
    // holidays, so notice is due on the Thursday (002#73 fn18) and a call on Tuesday is a day late.
    const { id, lead } = await planned('2027-04-05')
    expect((await milestoneDates(id)).notice).toBe('2027-03-25')
    const agent = await recordCall(id, lead, '2027-03-30')
    expect(await milestoneDates(id)).toMatchObject({
      'annex-a.request': '2027-03-30',
      'annex-a.child-level-data': '2027-03-31',
      'annex-a.management-information': '2027-04-01',
      'annex-a.case-information': '2027-04-02',
      'onsite.start': '2027-04-05',
    })
    expect(
      page(await agent.get(`/activities/${id}/timeline`))
        .$('.govuk-warning-text')
        .text(),
    ).toContain('The notice was given on Tuesday 30 March 2027 (a day late: it was due on Thursday 25 March 2027)')
  })

  it('keeps counting from the call when a notified activity’s fieldwork moves later', async () => {
    const { id, lead } = await planned('2027-01-18')
    await recordCall(id, lead, '2027-01-12')
    // The director moves fieldwork a week later, to Monday 25 January: notice would now be due on
    // the 18th, so the call was early for it and the deadlines count from the 18th (decision, S4).
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await director.get(`/activities/${id}/timeline`)
    const version = (
      await t.db.selectFrom('activities').select('version').where('id', '=', id).executeTakeFirstOrThrow()
    ).version
    const moved = await director.post(`/activities/${id}/timeline`, {
      'onsiteStart-day': '25',
      'onsiteStart-month': '1',
      'onsiteStart-year': '2027',
      reason: 'The authority’s offices are closed for a week',
      version: String(version),
    })
    expect(moved.statusCode).toBe(303)
    expect(await milestoneDates(id)).toMatchObject({
      notice: '2027-01-18',
      'annex-a.request': '2027-01-12',
      'annex-a.child-level-data': '2027-01-19',
      'annex-a.case-information': '2027-01-21',
      'onsite.start': '2027-01-25',
    })
  })
})

describe('a notice call made early (decision)', () => {
  it('dates the request on the call but keeps the deadlines the table gives', async () => {
    // Fieldwork Monday 18 January 2027: notice due Monday 11 January, made on Friday 8 January.
    const { id, lead } = await planned('2027-01-18')
    const agent = await recordCall(id, lead, '2027-01-08')
    expect(await milestoneDates(id)).toMatchObject({
      notice: '2027-01-11',
      'annex-a.request': '2027-01-08',
      'annex-a.child-level-data': '2027-01-12',
      'annex-a.management-information': '2027-01-13',
      'annex-a.case-information': '2027-01-14',
      'onsite.start': '2027-01-18',
    })
    expect(
      page(await agent.get(`/activities/${id}/notice`))
        .$('.app-annex-a-moved')
        .text(),
    ).toContain(
      'The notice was given on Friday 8 January 2027, before it was due on Monday 11 January 2027, so the Annex A deadlines still count from Monday 11 January 2027',
    )
  })
})
