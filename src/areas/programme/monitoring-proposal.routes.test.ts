import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { proposalBody as form } from '../../test-support/factories/programme.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Kent (886) was judged inadequate under ILACS, published
// Tuesday 1 September 2026: its action plan is due 70 working days later, Tuesday 8 December 2026
// (M3), and its first monitoring visit usually within four weeks of that, by Tuesday 5 January
// 2027 (M4). Medway (887) is good. Each test plans what it needs.
let t: TestApp
let regional: TestUser

const inadequate = {
  overall: 'inadequate',
  'help-and-protection': 'inadequate',
  'children-in-care': 'inadequate',
  leaders: 'inadequate',
} as const

beforeAll(async () => {
  t = await buildTestApp()
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  await publishedJudgement(t.db, {
    laCode: '886',
    inspectionStart: '2026-06-15',
    inspectionEnd: '2026-06-26',
    publishedOn: '2026-09-01',
    grades: inadequate,
  })
  // The first test's own LA, so what the other tests plan for Kent never changes its suggestion.
  await publishedJudgement(t.db, {
    laCode: '850',
    inspectionStart: '2026-06-15',
    inspectionEnd: '2026-06-26',
    publishedOn: '2026-09-01',
    grades: inadequate,
  })
  await publishedJudgement(t.db, {
    laCode: '887',
    inspectionStart: '2025-01-13',
    inspectionEnd: '2025-01-24',
    publishedOn: '2025-03-03',
    grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
  })
})
afterAll(async () => t.close())

const FOCUS = 'Children in need of help and protection: the front door and strategy discussions'

async function commit(agent: TestAgent, fields: Parameters<typeof form>[0], extra: Record<string, string> = {}) {
  const checked = await agent.post('/programme/proposals/new', form(fields, { action: 'check', ...extra }))
  const view = page(checked)
  const fingerprint = view.$('input[name="fingerprint"]').val() as string
  const committed = await agent.post(
    '/programme/proposals/new',
    form(fields, { action: 'commit', fingerprint, confirm: 'yes', ...extra }),
  )
  return { checked, view, committed, activityId: committed.headers.location?.split('/').pop() }
}

describe('proposing monitoring visits (issue 12)', () => {
  it('suggests the first visit, records its arrangements, number and focus, and dates its preparation', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const blank = page(await agent.get('/programme/proposals/new?laCode=850&type=monitoring-visit'))
    expect(blank.$('main').text()).toContain('Suggested first day on site for the next monitoring visit of Hampshire')
    expect(blank.$('main').text()).toContain('Tuesday 5 January 2027')
    expect(blank.$('main').text()).toContain('by Tuesday 5 January 2027 (001#23, 002#128)')

    const fields = { laCode: '850', type: 'monitoring-visit', onsite: '5/1/2027' }
    const unfocused = await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))
    expect(unfocused.statusCode).toBe(400)
    expect(page(unfocused).errorSummary.map((item) => item.href)).toContain('#focus')

    const { checked, view, committed, activityId } = await commit(agent, fields, { focus: FOCUS })
    expect(checked.statusCode).toBe(200)
    expect(view.$('#checks').text()).toBe('Rule checks: Monitoring visit of Hampshire')
    const summary = view.$('main').text()
    expect(summary).toContain('Visit 1')
    expect(summary).toContain('ILACS: Judged inadequate under ILACS')
    expect(summary).toContain('The letter after the first monitoring visit is not published E8 (rule, 001#41')
    expect(view.$('main a[href="/rules/E8"]').length).toBeGreaterThan(0)
    expect(committed.statusCode).toBe(303)
    const row = await t.db
      .selectFrom('activities')
      .select(['reference', 'monitoring_handbook', 'monitoring_visit_number', 'monitoring_second_set', 'focus'])
      .where('id', '=', activityId!)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      reference: '850-MV-2027-01-05',
      monitoring_handbook: 'ilacs',
      monitoring_visit_number: 1,
      monitoring_second_set: false,
      focus: FOCUS,
    })

    const shown = page(await agent.get(`/activities/${activityId}`))
      .$('main')
      .text()
    expect(shown).toContain('Visit 1')
    expect(shown).toContain('The letter after the first monitoring visit is not published')
    expect(shown).toContain(FOCUS)

    // 002#129-131: data requested ten working days before the Monday of the visit week (Monday
    // 4 January 2027; Christmas Day, Boxing Day's substitute Monday 28 December and New Year's Day
    // are not working days): Wednesday 16 December 2026; audited cases named eight working days
    // before it, Friday 18 December; audits shared three working days before it, Tuesday 29 December.
    const timeline = page(await agent.get(`/activities/${activityId}/timeline`))
      .$('#table tbody')
      .text()
    expect(timeline).toContain('Lead inspector requests up-to-date child-level data')
    expect(timeline).toContain('16 December 2026')
    expect(timeline).toContain('Lead inspector names the audited cases the local authority should share')
    expect(timeline).toContain('18 December 2026')
    expect(timeline).toContain('Completed audits shared at least three working days before the visit')
    expect(timeline).toContain('29 December 2026')

    // The next is suggested a quarter later, on the Tuesday on or after Monday 5 April 2027.
    const next = page(await agent.get('/programme/proposals/new?laCode=850&type=monitoring-visit'))
    expect(next.$('main').text()).toContain('Tuesday 6 April 2027')
    expect(next.$('main').text()).toContain('a quarter after the previous visit on Tuesday 5 January 2027')
    expect(next.$('main').text()).toContain('Monitoring visits planned so far: 1')

    // A second visit a month later is not quarterly: a warning the director confirms; it is visit 2.
    const early = await commit(agent, { laCode: '850', type: 'monitoring-visit', onsite: '2/2/2027' }, { focus: FOCUS })
    expect(early.view.$('#checks ~ div table').text()).toContain('Monitoring visits are quarterly')
    expect(early.view.$('main').text()).toContain('Visit 2')
    expect(early.view.$('main').text()).toContain('Letters after the second and later monitoring visits are published')
    expect(early.committed.statusCode).toBe(303)
  })

  it('refuses a monitoring visit of an LA not judged inadequate, and a Monday (C5)', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const good = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '887', type: 'monitoring-visit', onsite: '9/3/2027' }, { action: 'check', focus: FOCUS }),
    )
    expect(good.statusCode).toBe(400)
    expect(page(good).$('#checks ~ div table').text()).toContain(
      "Monitoring visits follow an inadequate judgement; Medway's latest judgement is not inadequate (pathway 1)",
    )
    const monday = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '886', type: 'monitoring-visit', onsite: '8/3/2027' }, { action: 'check', focus: FOCUS }),
    )
    expect(monday.statusCode).toBe(400)
    expect(page(monday).$('#checks ~ div table').text()).toContain('8 March 2027 is a Monday')
  })

  it('plans a Wednesday–Thursday visit with every milestone a day later (002#129 fn22)', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const { committed, activityId } = await commit(
      agent,
      { laCode: '886', type: 'monitoring-visit', onsite: '7/7/2027', variant: 'wed-thu' },
      { focus: FOCUS },
    )
    expect(committed.statusCode).toBe(303)
    const timeline = page(await agent.get(`/activities/${activityId}/timeline`))
      .$('#table tbody')
      .text()
    // Off-site Tuesday 6 July; data requested ten working days before it, Tuesday 22 June 2027.
    expect(timeline).toContain('22 June 2027')
    expect(timeline).toContain('8 July 2027')
  })

  it('plans a post-monitoring inspection with its day −2 notice, warning when fewer than four visits came first', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    const { view, committed, activityId } = await commit(agent, {
      laCode: '886',
      type: 'post-monitoring-inspection',
      onsite: '13/9/2027',
    })
    const checks = view.$('#checks ~ div table').text()
    expect(checks).toContain('a re-inspection usually follows at least 4')
    expect(checks).toContain('judged inadequate under ILACS')
    expect(committed.statusCode).toBe(303)
    const timeline = page(await agent.get(`/activities/${activityId}/timeline`))
      .$('#table tbody')
      .text()
    // Day −2 is Thursday 9 September 2027; day 10 Friday 24 September.
    expect(timeline).toContain('Day −2: local authority notified of the inspection')
    expect(timeline).toContain('9 September 2027')
    expect(timeline).toContain('a list of cases audited in the past three months (no audit request)')
    expect(timeline).toContain('24 September 2027')
  })
})
