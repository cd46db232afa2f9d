import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW).
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const taskTitles = (html: ReturnType<typeof page>) =>
  html
    .$('.govuk-task-list__item')
    .map((_, item) => html.$(item).text().replace(/\s+/g, ' ').trim())
    .get()

describe('the LA’s self-evaluation on the activity page (issue 13; 002#33, #260)', () => {
  it('shows the latest shared before fieldwork as the pre-inspection analysis reads it, or that none was shared', async () => {
    const [withOne, without] = ['318', '319'] // Merton, Newham
    const dcs = (await principalFor(t.db, (await createUser(t.db, 'la-dcs', { laCode: withOne })).id))!
    await t.app.services.engagement.shareSelfEvaluation(
      dcs,
      withOne,
      { whatWeKnow: 'Audits', howWeKnow: 'Practice weeks', plans: 'Supervision', document: null, actionPlan: null },
      { requestId: 'test' },
    )
    const hmiUser = await createUser(t.db, 'hmi')
    const hmi = await new TestAgent(t.app).signIn(hmiUser.email, hmiUser.password)
    for (const [laCode, expected] of [
      [withOne, 'The LA’s self-evaluation, shared 23 November 2026'],
      [without, 'The LA’s self-evaluation: none shared'],
    ] as const) {
      const id = await plannedActivity(t.db, t.config, {
        laCode,
        onsiteStart: '2027-01-11',
        plannedAt: '2026-11-02T10:00:00Z',
      })
      const tasks = taskTitles(page(await hmi.get(`/activities/${id}`)))
      expect(
        tasks.find((task) => task.includes('self-evaluation')),
        laCode,
      ).toContain(expected)
    }
  })
})
