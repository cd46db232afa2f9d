import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { judgedLas, proposalBody as form } from '../../test-support/factories/programme.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW); the register of judgedLas (Kent and Medway in the
// South East, Birmingham in the West Midlands) and an empty programme: each test names its own
// inspectors and plans what it needs.
let t: TestApp
let regional: TestUser

const TOPIC = 'The front door'

beforeAll(async () => {
  t = await buildTestApp()
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  await judgedLas(t.db)
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('proposing an activity', () => {
  it('shows the rule checks before committing, asks for the warnings to be confirmed, then plans it with its team', async () => {
    const alex = await createUser(t.db, 'hmi')
    const sam = await createUser(t.db, 'hmi')
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new?laCode=886&type=focused-visit')
    // A focused visit of Kent in August 2027 (C3) while its standard inspection is due (002#9).
    const fields = {
      laCode: '886',
      type: 'focused-visit',
      onsite: '3/8/2027',
      lead: alex.id,
      team: [sam.id],
      topics: [TOPIC],
    }
    const checked = await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))
    expect(checked.statusCode).toBe(200)
    const view = page(checked)
    expect(view.$('#checks').text()).toBe('Rule checks: Focused visit of Kent')
    const rows = view.$('#checks ~ div table tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows.first().text()).toContain(
      'A focused visit on site in August (Tuesday 3 August 2027) takes place only by agreement or if concerns arise',
    )
    expect(rows.first().find('a[href="/rules/C3"]').length).toBe(1)
    expect(view.$('main').text()).toContain('Tuesday 27 July 2027')
    const fingerprint = view.$('input[name="fingerprint"]').val() as string
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)

    const unconfirmed = await agent.post('/programme/proposals/new', form(fields, { action: 'commit', fingerprint }))
    expect(unconfirmed.statusCode).toBe(400)
    expect(page(unconfirmed).errorSummary).toEqual([
      { text: 'Confirm you have read the warnings to plan this activity', href: '#confirm' },
    ])
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '886').execute()).toHaveLength(0)

    const committed = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint, confirm: 'yes' }),
    )
    expect(committed.statusCode).toBe(303)
    const activityId = committed.headers.location!.split('/').pop()!
    expect(committed.headers.location).toBe(`/activities/${activityId}`)

    // It appears on /activities with its timeline and team.
    const list = page(await agent.get('/activities'))
    expect(list.$('tbody').text()).toContain('886-FV-2027-08-03')
    const timeline = page(await agent.get(`/activities/${activityId}/timeline`))
    expect(timeline.$('#table tbody').text()).toContain('27 July 2027')
    const team = page(await agent.get(`/activities/${activityId}/team`))
    expect(team.$('main').text()).toContain('Lead inspector')
    const members = await t.db
      .selectFrom('activity_team')
      .select(['user_id', 'team_role'])
      .where('activity_id', '=', activityId)
      .orderBy('team_role')
      .execute()
    expect(members).toEqual([
      { user_id: alex.id, team_role: 'lead-inspector' },
      { user_id: sam.id, team_role: 'team-inspector' },
    ])
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_id'])
      .where('record_id', '=', activityId)
      .where('action', '=', 'programme.commit')
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(regional.id)
    expect(
      (audit.changes as { warningsConfirmed: Array<{ rule: string }> }).warningsConfirmed.map((check) => check.rule),
    ).toEqual(['C3', 'P4'])
  })

  it('refuses a confirmation of warnings that have changed since they were read', async () => {
    const hmi = await createUser(t.db, 'hmi')
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    // A focused visit of Medway, overdue, on Tuesday 14 September 2027 (notice Tuesday 7 September).
    const fields = { laCode: '887', type: 'focused-visit', onsite: '14/9/2027', lead: hmi.id, topics: [TOPIC] }
    const checked = page(await agent.post('/programme/proposals/new', form(fields, { action: 'check' })))
    expect(checked.$('#checks ~ div table tbody tr')).toHaveLength(1)
    const fingerprint = checked.$('input[name="fingerprint"]').val() as string
    // Meanwhile the lead's leave is recorded over the notice day: a new warning (PC3).
    await agent.get('/programme/leave/new')
    await agent.post('/programme/leave/new', {
      userId: hmi.id,
      'startsOn-day': '6',
      'startsOn-month': '9',
      'startsOn-year': '2027',
      'endsOn-day': '8',
      'endsOn-month': '9',
      'endsOn-year': '2027',
    })
    const stale = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint, confirm: 'yes' }),
    )
    expect(stale.statusCode).toBe(400)
    const view = page(stale)
    expect(view.errorSummary).toEqual([
      {
        text: 'The rule checks have changed since you checked this proposal: read them again and confirm',
        href: '#confirm',
      },
    ])
    expect(view.$('#checks ~ div table tbody tr')).toHaveLength(2)
    expect(view.$('#checks ~ div table').text()).toContain(
      'the lead inspector, is on leave from Monday 6 September 2027 to Wednesday 8 September 2027, which includes the notice day, Tuesday 7 September 2027',
    )
    expect(view.$('input[name="fingerprint"]').val()).not.toBe(fingerprint)
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '887').execute()).toHaveLength(0)
  })

  it('refuses a proposal with an error, before and at commit, and plans nothing', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    // Monday 28 December 2026 is the Boxing Day substitute bank holiday (C5), over Christmas (C3).
    const fields = { laCode: '886', type: 'standard-inspection', onsite: '28/12/2026' }
    const checked = await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))
    expect(checked.statusCode).toBe(400)
    const view = page(checked)
    expect(view.errorSummary[0]).toEqual({
      text: "28 December 2026 is a bank holiday in England and Wales: Boxing Day (substitute day); a standard inspection's fieldwork must start on a working day",
      href: '#check-1',
    })
    expect(view.$('#check-1').text()).toBe('Error')
    expect(view.$('button[value="commit"]').length).toBe(0)
    const committed = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', confirm: 'yes', fingerprint: '' }),
    )
    expect(committed.statusCode).toBe(400)
    expect(
      await t.db.selectFrom('activities').select('id').where('reference', 'like', '886-SI-%').execute(),
    ).toHaveLength(0)
  })

  it('answers 404 to a regional director proposing outside their region', async () => {
    const agent = await signIn(regional)
    expect((await agent.get('/programme/proposals/new?laCode=330')).statusCode).toBe(404)
    await agent.get('/programme/proposals/new')
    const fields = { laCode: '330', type: 'standard-inspection', onsite: '1/3/2027' }
    expect((await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))).statusCode).toBe(404)
    expect(
      (
        await agent.post(
          '/programme/proposals/new',
          form(fields, { action: 'commit', confirm: 'yes', fingerprint: '' }),
        )
      ).statusCode,
    ).toBe(404)
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '330').execute()).toHaveLength(0)
    const view = page(await agent.get('/programme/proposals/new'))
    expect(
      view
        .$('#laCode option')
        .map((_, option) => view.$(option).attr('value'))
        .get(),
    ).not.toContain('330')
  })
})
