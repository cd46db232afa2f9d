import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../src/test-support/agent.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'
import { notifiedActivity } from '../src/test-support/factories/activities.js'
import { createUser, type TestUser } from '../src/test-support/factories/users.js'

/**
 * Issue 10 ("any bad input is a 400 or 404"): addresses, query strings, filters and request bodies
 * a probe or a typing slip sends. None may give a 500; a page answers with a GOV.UK page that says
 * what went wrong, the API with a JSON error.
 */
let t: TestApp
let admin: TestAgent
let director: TestAgent
let analystToken: string
let activityId: string

beforeAll(async () => {
  t = await buildTestApp()
  const sign = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
  admin = await sign(await createUser(t.db, 'administrator'))
  director = await sign(await createUser(t.db, 'national-director'))
  const lead = await createUser(t.db, 'hmi')
  activityId = await notifiedActivity(t.db, t.config, {
    laCode: '886',
    onsiteStart: '2026-11-30',
    plannedAt: '2026-10-20T10:00:00Z',
    noticeAt: '2026-11-23T09:00:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  const analyst = await sign(await createUser(t.db, 'la-analyst', { laCode: '886' }))
  await analyst.get('/account/api-tokens')
  analystToken = page(await analyst.post('/account/api-tokens', { name: 'Case system' }))
    .$('#new-token')
    .text()
})
afterAll(async () => t.close())

const LONG = 'x'.repeat(20_000)

describe('bad input never gives a server error (issue 10)', () => {
  const pages: ReadonlyArray<[who: 'admin' | 'director', url: string, status: number]> = [
    ['admin', '/admin/users/not-a-uuid', 404],
    ['admin', '/admin/users/00000000-0000-4000-8000-000000000000', 404],
    ['admin', '/admin/audit?page=99999999999999999999999', 400],
    ['admin', '/admin/audit?page=-3', 400],
    ['admin', '/admin/audit?page=abc', 400],
    ['admin', '/admin/audit?page=1e400', 400],
    ['admin', '/admin/audit?page=100000', 200],
    ['admin', `/admin/audit?q=${LONG}`, 200],
    ['director', '/register?due=2027-13', 400],
    ['director', '/register?region=NOT-A-REGION', 400],
    ['director', `/register?q=${LONG}`, 200],
    ['director', '/activities?status=exploded', 400],
    ['director', '/activities?type=picnic', 400],
    ['director', '/activities/not-a-uuid', 404],
    ['director', '/programme?from=January', 400],
    ['director', '/register?grade=splendid', 400],
    ['director', '/published?page=0', 400],
    ['director', '/published?from=2026-02-30', 400],
    ['director', '/interventions/not-a-uuid', 404],
    ['director', '/interventions/las/XYZ', 404],
    ['director', '/engagement/meetings/not-a-uuid', 404],
    ['director', '/published?type=poem', 400],
    ['director', '/published/not-a-uuid', 404],
  ]
  for (const [who, url, status] of pages)
    it(`${url.slice(0, 80)} answers ${status}`, async () => {
      const response = await (who === 'admin' ? admin : director).get(url)
      expect(response.statusCode).toBe(status)
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      // A filter page shows what is wrong in its error summary; any other refusal is an error page.
      const view = page(response)
      if (status >= 400)
        expect(view.errorSummary.length > 0 || /^(Page not found|There is a problem)/.test(view.heading), url).toBe(
          true,
        )
    })

  const api = (url: string, contentType: string, payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${analystToken}`, 'content-type': contentType },
      payload,
    })

  it('answers an API upload in the wrong content type with a JSON error, not a stack trace', async () => {
    const url = `/api/v1/activities/${activityId}/annex-a/returns?fileName=Annex%20A.xlsx`
    for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'nonsense']) {
      const response = await api(url, type, 'not a workbook')
      expect(response.statusCode, type).toBeGreaterThanOrEqual(400)
      expect(response.statusCode, type).toBeLessThan(500)
      expect(response.headers['content-type'], type).toMatch(/^application\/json/)
      expect(response.json().error ?? response.json().message, type).toBeTruthy()
      expect(response.body).not.toMatch(/at .*\.ts:\d+/)
    }
  })

  it('answers bad JSON, a wrong type and an unknown enum value on the API with a JSON error', async () => {
    for (const [type, body] of [
      ['application/json', '{"laCode": '],
      ['text/plain', '{"laCode":"886"}'],
      ['application/json', JSON.stringify({ laCode: '886', type: 'picnic', onsiteStart: '2027-03-01' })],
      ['application/json', JSON.stringify({ laCode: '886', type: 'short-inspection', onsiteStart: '2027-13-01' })],
    ] as const) {
      const response = await api('/api/v1/activities', type, body)
      expect(response.statusCode, `${type} ${body}`).toBeGreaterThanOrEqual(400)
      expect(response.statusCode, `${type} ${body}`).toBeLessThan(500)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
    }
    const unknown = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities?status=exploded&q=${LONG}`,
      headers: { authorization: `Bearer ${analystToken}` },
    })
    expect(unknown.statusCode).toBeLessThan(500)
  })
})
