import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { deferredActivity, notifiedActivity } from '../../test-support/factories/activities.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 4 January 2027, 10:00. Each test defers an inspection of an LA of its own (P6, 002#16)
// that was to start on Monday 18 January 2027, then re-plans or cancels it.
const TODAY = '2027-01-04T10:00:00Z'
const clock = settableClock(TODAY)
let t: TestApp
let regional: TestUser
/** South East LAs (the regional director's region), one per test. */
const laCodes = ['886', '887', '845', '846', '850', '867', '825']

beforeAll(async () => {
  t = await buildTestApp({ clock })
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
})
afterAll(async () => t.close())
afterEach(() => clock.set(TODAY))

/**
 * An inspection deferred on Monday 14 December 2026 (or at `deferredAt`), with its lead; notified
 * first if `noticeAt` is given.
 */
async function deferred(noticeAt?: string, deferredAt = '2026-12-14T10:00:00Z') {
  const lead = await createUser(t.db, 'hmi')
  const id = await deferredActivity(t.db, t.config, {
    laCode: laCodes.shift()!,
    onsiteStart: '2027-01-18',
    plannedAt: '2026-11-23T10:00:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    deferredAt,
    ...(noticeAt ? { noticeAt } : {}),
  })
  return { id, lead }
}

async function activityRow(id: string) {
  return t.db
    .selectFrom('activities')
    .select(['status', 'onsite_start', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

const newDate = (day: string, month: string, year: string, reason?: string, version?: number) => ({
  'onsiteStart-day': day,
  'onsiteStart-month': month,
  'onsiteStart-year': year,
  ...(reason !== undefined ? { reason } : {}),
  ...(version !== undefined ? { version: String(version) } : {}),
})

describe('a deferred activity', () => {
  it('shows why it is deferred, and offers Re-plan to a director who plans but not to its lead', async () => {
    const { id, lead } = await deferred()
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const show = page(await director.get(`/activities/${id}`))
    expect(show.$('.govuk-summary-list').text()).toContain(
      'Not deferring might put staff at risk (for example serious weather): Heavy snow forecast; roads to the offices closed',
    )
    expect(show.$(`a[href="/activities/${id}/replan"]`).text()).toContain('Re-plan')
    // The timeline sends a deferred activity to be re-planned, not just to change its date.
    const timeline = page(await director.get(`/activities/${id}/timeline`))
    expect(timeline.$(`a[href="/activities/${id}/replan"]`).length).toBe(1)
    expect(timeline.$('form[action$="/timeline"]').length).toBe(0)

    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const seen = page(await leadAgent.get(`/activities/${id}`))
    expect(seen.$('.govuk-summary-list').text()).toContain('Heavy snow forecast')
    expect(seen.$(`a[href="/activities/${id}/replan"]`).length).toBe(0)
    expect((await leadAgent.get(`/activities/${id}/replan`)).statusCode).toBe(403)
  })

  it('is re-planned with a new first day on site and a reason: the timeline is worked out again and it is planned', async () => {
    const { id } = await deferred()
    const { version } = await activityRow(id)
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await director.get(`/activities/${id}/replan`)

    const noReason = await director.post(`/activities/${id}/replan`, newDate('1', '2', '2027', '', version))
    expect(noReason.statusCode).toBe(400)
    expect(page(noReason).errorSummary.map((e) => e.text)).toEqual(['Enter why the activity is being re-planned'])
    // The weekday rule applies as when planning (C5).
    const tuesday = await director.post(`/activities/${id}/replan`, newDate('2', '2', '2027', 'Snow cleared', version))
    expect(page(tuesday).errorSummary[0]!.text).toBe(
      "2 February 2027 is a Tuesday; a standard inspection's fieldwork starts on a Monday",
    )
    const past = await director.post(`/activities/${id}/replan`, newDate('21', '12', '2026', 'Snow cleared', version))
    expect(page(past).errorSummary[0]!.text).toBe('The first day on site must be today or in the future')

    const replanned = await director.post(
      `/activities/${id}/replan`,
      newDate('1', '2', '2027', 'Snow cleared; new dates agreed with the region', version),
    )
    expect(replanned.statusCode).toBe(303)
    expect(replanned.headers.location).toBe(`/activities/${id}`)
    expect(await activityRow(id)).toMatchObject({ status: 'planned', onsite_start: '2027-02-01' })
    // Notice five working days before Monday 1 February 2027: Monday 25 January (S1, 002#73).
    const notice = await t.db
      .selectFrom('activity_milestones')
      .select('date')
      .where('activity_id', '=', id)
      .where('key', '=', 'notice')
      .executeTakeFirstOrThrow()
    expect(notice.date).toBe('2027-01-25')

    const show = page(await director.get(`/activities/${id}`))
    expect(show.$('.govuk-summary-list').text()).toContain('Planned')
    expect(show.$('.govuk-summary-list').text()).toContain('Monday 1 February 2027')
    expect(show.$('main').text()).toContain('Planned by')
    expect(show.$('main').text()).toContain('(Snow cleared; new dates agreed with the region)')
    // The timeline says why its dates changed.
    const timeline = page(await director.get(`/activities/${id}/timeline`))
    const changes = timeline.$('h2:contains("Date changes") + ul').text()
    expect(changes).toContain('18 January 2027 → 1 February 2027')
    expect(changes).toContain('“Snow cleared; new dates agreed with the region”')
    expect(timeline.$('form[action$="/timeline"]').length).toBe(1)

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('record_id', '=', id)
      .where('action', '=', 'activity.replan')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.summary).toContain('Deferred → Planned')
  })

  it('needs a new notice call once re-planned, and the call sends a new confirmation (002#73-74)', async () => {
    // Notified on Monday 11 January 2027, deferred the next day and re-planned on Wednesday 13 January.
    const { id, lead } = await deferred('2027-01-11T09:10:00Z', '2027-01-12T10:00:00Z')
    clock.set('2027-01-13T10:00:00Z')
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await director.get(`/activities/${id}/replan`)
    const { version } = await activityRow(id)
    const replanned = await director.post(
      `/activities/${id}/replan`,
      newDate('1', '2', '2027', 'Power restored', version),
    )
    expect(replanned.statusCode).toBe(303)

    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const show = page(await leadAgent.get(`/activities/${id}`))
    const task = show.$('.govuk-task-list__item').filter((_, el) => show.$(el).text().includes('Notice call'))
    expect(task.text()).not.toContain('Completed')
    const noticePage = page(await leadAgent.get(`/activities/${id}/notice`))
    expect(noticePage.$('main').text()).toContain('Notice given before the activity was re-planned')
    expect(noticePage.$('form[action$="/notice"]').length).toBe(1)

    // The new call on Monday 25 January 2027 at 9.10am.
    clock.set('2027-01-25T09:20:00Z')
    const onTheDay = await new TestAgent(t.app).signIn(lead.email, lead.password)
    await onTheDay.get(`/activities/${id}/notice`)
    const called = await onTheDay.post(`/activities/${id}/notice`, {
      'calledAt-day': '25',
      'calledAt-month': '1',
      'calledAt-year': '2027',
      'calledAt-hour': '9',
      'calledAt-minute': '10',
      spokeToRole: 'dcs',
      spokeToName: 'A Director',
      version: String((await activityRow(id)).version),
    })
    expect(called.statusCode).toBe(303)
    expect((await activityRow(id)).status).toBe('notified')
    const emails = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('activity_id', '=', id)
      .where('kind', '=', 'notice')
      .execute()
    expect(emails).toHaveLength(2)
    expect(emails.some((email) => email.body_text.includes('Monday 1 February 2027'))).toBe(true)
  })

  it('is cancelled only with a reason, which the history keeps', async () => {
    const { id } = await deferred()
    const { version } = await activityRow(id)
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const show = page(await director.get(`/activities/${id}`))
    expect(
      show
        .$('input[name="to"]')
        .map((_, el) => show.$(el).attr('value'))
        .get(),
    ).toEqual(['cancelled'])

    const noReason = await director.post(`/activities/${id}/status`, { to: 'cancelled', version: String(version) })
    expect(noReason.statusCode).toBe(400)
    expect(page(noReason).errorSummary.map((e) => e.text)).toContain('Enter the details of why')
    const cancelled = await director.post(`/activities/${id}/status`, {
      to: 'cancelled',
      note: 'The authority is to be inspected under a JTAI instead',
      version: String(version),
    })
    expect(cancelled.statusCode).toBe(303)
    expect((await activityRow(id)).status).toBe('cancelled')
    const history = page(await director.get(`/activities/${id}`))
      .$('h2:contains("History") + ul')
      .text()
    expect(history).toContain('Cancelled by')
    expect(history).toContain('(The authority is to be inspected under a JTAI instead)')
    expect(history).toContain('Deferred by')
    expect(history).toContain('(Not deferring might put staff at risk (for example serious weather): Heavy snow')
  })

  it('cannot have its date changed on the timeline page: it is re-planned instead', async () => {
    const { id } = await deferred()
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    await director.get(`/activities/${id}/timeline`)
    const response = await director.post(
      `/activities/${id}/timeline`,
      newDate('1', '2', '2027', 'Snow cleared', (await activityRow(id)).version),
    )
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary[0]!.text).toBe('Re-plan a deferred activity from its page to give it new dates')
    expect((await activityRow(id)).status).toBe('deferred')
  })
})

describe('re-planning an activity that is not deferred', () => {
  it('is refused once notice has been given', async () => {
    const lead = await createUser(t.db, 'hmi')
    const id = await notifiedActivity(t.db, t.config, {
      laCode: laCodes.shift()!,
      onsiteStart: '2027-01-11',
      plannedAt: '2026-11-23T10:00:00Z',
      noticeAt: '2027-01-04T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const director = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const form = page(await director.get(`/activities/${id}/replan`))
    expect(form.$('main').text()).toContain('Only a deferred or planned activity can be re-planned')
    expect(form.$('form[action$="/replan"]').length).toBe(0)
    const response = await director.post(`/activities/${id}/replan`, newDate('1', '2', '2027', 'Moved'))
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary[0]!.text).toBe('Only a deferred or planned activity can be re-planned')
  })
})
