import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { publishedActivity } from '../../test-support/factories/publications.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW). Each test publishes in an LA of its own.
let t: TestApp
let director: TestUser
beforeAll(async () => {
  t = await buildTestApp()
  director = await createUser(t.db, 'national-director')
})
afterAll(async () => t.close())

const PUBLISHED_AT = '2026-11-23T09:30:00Z'

/** An LA judged requires improvement in April 2024 (pathway 2: up to two focused visits). */
async function requiresImprovement(laCode: string): Promise<void> {
  await publishedJudgement(t.db, {
    laCode,
    inspectionStart: '2024-03-04',
    inspectionEnd: '2024-03-15',
    publishedOn: '2024-04-26',
    framework: 'ilacs-2023',
    grades: {
      overall: 'requires-improvement',
      'help-and-protection': 'requires-improvement',
      'children-in-care': 'good',
      'care-leavers': 'good',
      leaders: 'requires-improvement',
    },
  })
}

describe('the register learns from what is published', () => {
  it('shows a published report and a focused visit in the LA’s history, each linked to its publication and activity', async () => {
    await requiresImprovement('938')
    const visit = await publishedActivity(t.db, t.config, {
      laCode: '938',
      type: 'focused-visit',
      onsiteStart: '2026-09-15',
      fieldworkEnd: '2026-09-16',
      publishedAt: '2026-10-08T09:30:00Z',
    })
    const report = await publishedActivity(t.db, t.config, {
      laCode: '938',
      onsiteStart: '2026-10-12',
      fieldworkEnd: '2026-10-23',
      publishedAt: PUBLISHED_AT,
      grade: 'good',
    })
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const shown = page(await agent.get('/register/938'))
    const cards = shown.$('.govuk-summary-card')
    const headings = cards.map((_, card) => shown.$(card).find('h3').text()).get()
    expect(headings).toEqual([
      'Standard inspection (ILACS), published 23 November 2026',
      'Focused visit, published 8 October 2026',
      'Standard inspection (ILACS), published 26 April 2024',
    ])
    const visitCard = cards.eq(1)
    expect(visitCard.text()).toContain('Published through this service')
    expect(visitCard.find(`a[href="/published/${visit.publicationId}"]`).length).toBe(1)
    expect(visitCard.find(`a[href="/activities/${visit.activityId}"]`).length).toBe(1)
    expect(cards.eq(0).find(`a[href="/published/${report.publicationId}"]`).length).toBe(1)
    // The new judgement (good) moves West Sussex to pathway 1, and its window runs from this publication.
    expect(shown.$('main').text()).toContain('Pathway 1')
    expect(shown.$('main').text()).toContain('23 May 2029 to 23 May 2030')

    // And back: the activity's page shows what was published from it.
    const activity = page(await agent.get(`/activities/${visit.activityId}`))
    const task = activity.$(`a[href="/published/${visit.publicationId}"]`)
    expect(task.text()).toContain('Focused visit letter: published 8 October 2026')
  })

  it('lets an LA user see their own history with the public link, and no link to an activity they may not know', async () => {
    await requiresImprovement('935')
    const visit = await publishedActivity(t.db, t.config, {
      laCode: '935',
      type: 'focused-visit',
      onsiteStart: '2026-09-15',
      fieldworkEnd: '2026-09-16',
      publishedAt: '2026-10-08T09:30:00Z',
    })
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: ['935'] })
    const agent = await new TestAgent(t.app).signIn(caseLead.email, caseLead.password)
    const shown = page(await agent.get('/register/935'))
    expect(shown.$(`a[href="/published/${visit.publicationId}"]`).length).toBe(1)
    expect(shown.$(`a[href="/activities/${visit.activityId}"]`).length).toBe(0)
  })

  it('counts a published focused visit once against the allowance when the planner checks another', async () => {
    await requiresImprovement('886')
    await publishedActivity(t.db, t.config, {
      laCode: '886',
      type: 'focused-visit',
      onsiteStart: '2026-09-15',
      fieldworkEnd: '2026-09-16',
      publishedAt: '2026-10-08T09:30:00Z',
    })
    const lead = await createUser(t.db, 'hmi')
    const principal = (await principalFor(t.db, director.id))!
    const check = (onsiteStart: string) =>
      t.app.services.programme.check(principal, {
        laCode: '886',
        type: 'focused-visit',
        variant: null,
        onsiteStart,
        topics: ['The front door'],
        leadUserId: lead.id,
        teamUserIds: [],
      })
    const second = await check('2027-02-09')
    expect(second.checks.map((item) => item.message).join('\n')).not.toMatch(/focused visit 3/)
    expect(second.errors.filter((item) => item.rule === 'P2')).toEqual([])
    expect((await t.app.services.register.show('886')).pathway?.focusedVisits.used).toBe(1)
  })
})
