import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { leaveBody, plannedActivity } from '../../test-support/factories/programme.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW). The programme holds a focused visit of Kent on
// Tuesday 3 and Wednesday 4 August 2027, led by one inspector with another on the team.
let t: TestApp
let national: TestUser
let regional: TestUser

beforeAll(async () => {
  t = await buildTestApp()
  national = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  const alex = await createUser(t.db, 'hmi')
  const sam = await createUser(t.db, 'hmi')
  await plannedActivity(t.db, t.config, {
    laCode: '886',
    type: 'focused-visit',
    onsiteStart: '2027-08-03',
    topics: ['The front door'],
    leadUserId: alex.id,
    teamUserIds: [sam.id],
  })
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('inspector capacity', () => {
  it('shows each inspector’s load by week and their leave', async () => {
    const agent = await signIn(national)
    // Three days of leave in the week of Monday 1 March 2027.
    const onLeave = await createUser(t.db, 'hmi')
    await agent.get('/programme/leave/new')
    expect((await agent.post('/programme/leave/new', leaveBody(onLeave.id, '3/3/2027', '5/3/2027'))).statusCode).toBe(
      303,
    )
    const view = page(await agent.get('/programme/capacity?from=2027-08-02&weeks=4'))
    expect(view.heading).toBe('Inspector capacity and leave')
    expect(view.$('thead th').eq(1).text()).toBe('w/c 2 August 2027')
    expect(view.$('tbody').text()).toContain('886-FV-2027-08-03 (2 days)')
    const leave = page(await agent.get('/programme/capacity?from=2027-03-01&weeks=4'))
    expect(leave.$('tbody').first().text()).toContain('Leave 3 days')
  })

  it('lets the national director change the weekly limit, audited, and refuses others', async () => {
    const agent = await signIn(national)
    await agent.get('/programme/capacity')
    const invalid = await agent.post('/programme/capacity/limit', { weeklyLimit: '0' })
    expect(invalid.statusCode).toBe(400)
    expect(page(invalid).errorSummary[0]!.text).toBe('Enter a whole number of activities from 1 to 5')
    expect((await agent.post('/programme/capacity/limit', { weeklyLimit: '2' })).statusCode).toBe(303)
    expect(
      page(await agent.get('/programme/checks'))
        .$('main')
        .text(),
    ).toContain('per inspector per week is now 2')
    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'programme.configure')
      .executeTakeFirstOrThrow()
    expect(audit.changes).toEqual({ before: 1, after: 2 })
    const director = await signIn(regional)
    await director.get('/programme/capacity')
    expect((await director.post('/programme/capacity/limit', { weeklyLimit: '3' })).statusCode).toBe(403)
    await agent.post('/programme/capacity/limit', { weeklyLimit: '1' })
  })

  it('refuses leave that ends before it starts, and removes leave with an audit entry', async () => {
    const alex = await createUser(t.db, 'hmi')
    const agent = await signIn(national)
    await agent.get('/programme/leave/new')
    const backwards = await agent.post('/programme/leave/new', {
      userId: alex.id,
      'startsOn-day': '10',
      'startsOn-month': '5',
      'startsOn-year': '2027',
      'endsOn-day': '7',
      'endsOn-month': '5',
      'endsOn-year': '2027',
    })
    expect(backwards.statusCode).toBe(400)
    expect(page(backwards).errorSummary).toEqual([
      { text: 'The last day of leave must be the same as or after the first day', href: '#endsOn-day' },
    ])
    expect(
      (
        await agent.post('/programme/leave/new', {
          userId: alex.id,
          'startsOn-day': '10',
          'startsOn-month': '5',
          'startsOn-year': '2027',
          'endsOn-day': '14',
          'endsOn-month': '5',
          'endsOn-year': '2027',
        })
      ).statusCode,
    ).toBe(303)
    const row = await t.db
      .selectFrom('inspector_leave')
      .select('id')
      .where('user_id', '=', alex.id)
      .executeTakeFirstOrThrow()
    await agent.get('/programme/capacity')
    expect((await agent.post('/programme/leave/remove', { leaveId: row.id })).statusCode).toBe(303)
    const again = await agent.post('/programme/leave/remove', { leaveId: row.id })
    expect(again.statusCode).toBe(400)
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', row.id)
      .orderBy('occurred_at')
      .execute()
    expect(actions.map((entry) => entry.action)).toEqual(['leave.add', 'leave.remove'])
  })
})
