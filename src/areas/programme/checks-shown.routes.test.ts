import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity, plannedActivity } from '../../test-support/factories/activities.js'
import { judgedLas } from '../../test-support/factories/programme.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Medway (887) is on pathway 1: its next judgement
// inspection is a short inspection, due from 1 September 2025 (judgedLas).
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
  await judgedLas(t.db)
})
afterAll(async () => t.close())

describe('a plan that breaks a rule says so where people look (issue 10)', () => {
  it('on the activity page and the LA’s register page, for those who plan; the LA sees its coming inspection once notified', async () => {
    const lead = await createUser(t.db, 'hmi')
    // A standard inspection of Medway, whose pathway asks for a short one (P4), notified on
    // Monday 11 January 2027 for fieldwork from Monday 18 January.
    const id = await notifiedActivity(t.db, t.config, {
      laCode: '887',
      onsiteStart: '2027-01-18',
      plannedAt: '2026-11-20T10:00:00Z',
      noticeAt: '2027-01-11T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const director = await createUser(t.db, 'national-director')
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)

    const activity = page(await agent.get(`/activities/${id}`))
    expect(activity.$('[data-testid="rule-checks"]').text()).toMatch(/This plan breaks \d+ rules? the planner checks/)
    const checks = activity.$('[data-testid="rule-checks"] + ul').text().replace(/\s+/g, ' ')
    expect(checks).toContain('its next judgement inspection is usually a short inspection')

    const la = page(await agent.get('/register/887'))
    const card = la.$('#activities ~ .govuk-summary-card').first()
    expect(card.find('.govuk-summary-card__title a').attr('href')).toBe(`/activities/${id}`)
    expect(card.text().replace(/\s+/g, ' ')).toContain('18 January 2027 to 29 January 2027')
    expect(card.text()).toContain('usually a short inspection')

    // The LA's own staff see the inspection on their register page, without the planner's checks.
    const dcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
    const laAgent = await new TestAgent(t.app).signIn(dcs.email, dcs.password)
    const own = page(await laAgent.get('/register/887'))
    expect(own.$('#activities ~ .govuk-summary-card').first().text()).toContain('Standard inspection of Medway')
    expect(own.$('#activities ~ .govuk-summary-card').first().text()).not.toContain('Rule checks')
  })

  it('keeps an activity not yet notified from the LA’s register page (002#73)', async () => {
    await plannedActivity(t.db, t.config, {
      laCode: '330',
      onsiteStart: '2027-02-01',
      plannedAt: '2026-11-20T10:00:00Z',
    })
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '330' })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const own = page(await agent.get('/register/330'))
    expect(own.$('#activities').length).toBe(0)
    const director = await createUser(t.db, 'national-director')
    const directorPage = page(
      await (await new TestAgent(t.app).signIn(director.email, director.password)).get('/register/330'),
    )
    expect(directorPage.$('#activities ~ .govuk-summary-card').text()).toContain('Standard inspection of Birmingham')
  })
})
