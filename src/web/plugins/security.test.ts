import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook, checkedReturn } from '../../test-support/factories/annex-a.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 11 January 2027: Kent was notified this morning of fieldwork on Monday 18 January.
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-11T10:00:00Z') })
})
afterAll(async () => t.close())

describe('caching', () => {
  it('lets no browser or proxy keep child-level pages, findings, marked-up workbooks or API JSON', async () => {
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
    const lead = await createUser(t.db, 'hmi')
    const activityId = await notifiedActivity(t.db, t.config, {
      laCode: '886',
      onsiteStart: '2027-01-18',
      plannedAt: '2027-01-04T10:00:00Z',
      noticeAt: '2027-01-11T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const returnId = await checkedReturn(t.db, t.app.services, {
      activityId,
      uploaderId: analyst.id,
      content: await annexAWorkbook({ rows: 60, asOf: '2027-01-11', seed: 3, errorRate: 0.1 }),
    })
    const la = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const inspector = await new TestAgent(t.app).signIn(lead.email, lead.password)
    await la.get('/account/api-tokens')
    const token = page(await la.post('/account/api-tokens', { name: 'CMS' }))
      .$('#new-token')
      .text()
    const responses = {
      findings: await la.get(`/activities/${activityId}/annex-a/returns/${returnId}`),
      workbook: await la.get(`/activities/${activityId}/annex-a/returns/${returnId}/report.xlsx`),
      caseSample: await inspector.get(`/activities/${activityId}/case-sample`),
      children: await inspector.get(`/activities/${activityId}/annex-a/profile`),
      api: await t.app.inject({
        url: `/api/v1/activities/${activityId}/annex-a/returns/${returnId}`,
        headers: { authorization: `Bearer ${token}` },
      }),
    }
    for (const [name, response] of Object.entries(responses)) {
      expect(response.statusCode, name).toBe(200)
      expect(response.headers['cache-control'], name).toBe('no-store')
    }
    // Static files are still cached.
    const css = await la.get('/assets/govuk-frontend.min.css')
    expect(css.headers['cache-control']).toMatch(/max-age=86400/)
  })
})
