import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { principalForApiToken } from '../../auth/api-tokens.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

async function tokenFor(user: TestUser): Promise<string> {
  const agent = await new TestAgent(t.app).signIn(user.email, user.password)
  await agent.get('/account/api-tokens')
  const made = page(await agent.post('/account/api-tokens', { name: 'Case management system' }))
  return made.$('#new-token').text()
}

const call = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  })

describe('the JSON API', () => {
  it('gives an LA’s system only its own LA, with pathway and rule citations', async () => {
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
    const token = await tokenFor(analyst)
    expect(token).toMatch(/^ilacs_/)
    const list = await call('GET', '/api/v1/local-authorities', token)
    expect(list.statusCode).toBe(200)
    expect(list.json().map((la: { laCode: string }) => la.laCode)).toEqual(['886'])
    expect((await call('GET', '/api/v1/local-authorities/887', token)).statusCode).toBe(404)
  })

  it('plans an activity without a person or a CSRF token, and refuses a wrong weekday with the rule', async () => {
    const regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
    const token = await tokenFor(regional)
    const created = await call('POST', '/api/v1/activities', token, {
      laCode: '886',
      type: 'short-inspection',
      onsiteStart: '2027-03-01',
    })
    expect(created.statusCode).toBe(201)
    const body = created.json()
    expect(body.reference).toBe('886-SH-2027-03-01')
    const notice = body.milestones.find((m: { key: string }) => m.key === 'notice')
    expect(notice).toMatchObject({ date: '2027-02-22', rule: 'S1' })
    const fetched = await call('GET', `/api/v1/activities/${body.id}`, token)
    expect(fetched.json().id).toBe(body.id)

    const refused = await call('POST', '/api/v1/activities', token, {
      laCode: '886',
      type: 'short-inspection',
      onsiteStart: '2027-03-02',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().fieldErrors.onsiteStart).toMatch(/is a Tuesday; .* \(C5, 002#5\d/)
    const malformed = await call('POST', '/api/v1/activities', token, { laCode: 'Kent', type: 'inspection' })
    expect(malformed.statusCode).toBe(400)
    expect(Object.keys(malformed.json().fieldErrors).sort()).toEqual(['laCode', 'onsiteStart', 'type'])
  })

  it('refuses a revoked token and a browser POST without its CSRF token', async () => {
    const regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
    const token = await tokenFor(regional)
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    expect((await call('GET', '/api/v1/local-authorities', token)).statusCode).toBe(200)
    // Tokens are listed newest first: the first revoke button is the token just made.
    const revokeAction = page(await agent.get('/account/api-tokens'))
      .$('form[action$="/revoke"]')
      .first()
      .attr('action')!
    expect((await agent.post(revokeAction)).statusCode).toBe(303)
    expect((await call('GET', '/api/v1/local-authorities', token)).statusCode).toBe(401)
    const cookiePost = await agent.post('/api/v1/activities', {}, { withCsrf: false })
    expect(cookiePost.statusCode).toBe(403)
  })

  it('makes a token that lasts as long as chosen, a year at most, and shows when it ends', async () => {
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const form = page(await agent.get('/account/api-tokens'))
    expect(form.$('input[name="days"]:checked').val()).toBe('90')
    expect((await agent.post('/account/api-tokens', { name: 'Forever', days: '3650' })).statusCode).toBe(400)
    const made = page(await agent.post('/account/api-tokens', { name: 'Monthly job', days: '30' }))
    const token = made.$('#new-token').text()
    expect(made.$('main').text()).toContain('It stops working on 23 Dec 2026')
    expect((await call('GET', '/api/v1/local-authorities', token)).statusCode).toBe(200)
    const day = 24 * 60 * 60 * 1000
    const now = t.clock.now().getTime()
    expect(await principalForApiToken(t.db, token, new Date(now + 29 * day))).toBeDefined()
    expect(await principalForApiToken(t.db, token, new Date(now + 30 * day + 1000))).toBeUndefined()
  })

  it('ends an account’s API tokens when it is disabled or its password is reset, and enabling brings none back', async () => {
    const admin = await createUser(t.db, 'administrator')
    const adminAgent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    for (const end of ['disable', 'password'] as const) {
      const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
      const token = await tokenFor(analyst)
      expect((await call('GET', '/api/v1/local-authorities', token)).statusCode).toBe(200)
      await adminAgent.get(`/admin/users/${analyst.id}`)
      const ended = await adminAgent.post(
        `/admin/users/${analyst.id}/${end}`,
        end === 'password' ? { password: 'a brand new password 2027' } : {},
      )
      expect(ended.statusCode, end).toBe(303)
      expect((await call('GET', '/api/v1/local-authorities', token)).statusCode, end).toBe(401)
      if (end === 'disable') {
        await adminAgent.get(`/admin/users/${analyst.id}`)
        expect((await adminAgent.post(`/admin/users/${analyst.id}/enable`)).statusCode).toBe(303)
        expect((await call('GET', '/api/v1/local-authorities', token)).statusCode).toBe(401)
      }
    }
  })

  it('asks for a token’s name before making one', async () => {
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get('/account/api-tokens')
    const refused = await agent.post('/account/api-tokens', { name: '  ' })
    expect(refused.statusCode).toBe(400)
    expect(page(refused).errorSummary[0]!.text).toBe('Enter a name for the token, for example “Case management system”')
    expect(page(refused).$('#new-token').length).toBe(0)
  })

  it('documents every API route as OpenAPI 3.1', async () => {
    const document = (await t.app.inject({ url: '/api/v1/openapi.json' })).json()
    expect(document.openapi).toBe('3.1.0')
    const apiRoutes = t.app.routeSpecs.filter(
      (spec) => spec.url.startsWith('/api/v1/') && spec.url !== '/api/v1/openapi.json',
    )
    for (const spec of apiRoutes) {
      expect(
        document.paths[spec.url.replace(/:(\w+)/g, '{$1}')]?.[spec.method.toLowerCase()],
        `${spec.method} ${spec.url}`,
      ).toBeDefined()
    }
    const docs = page(await new TestAgent(t.app).get('/api/docs'))
    expect(docs.heading).toBe('API documentation')
    expect(docs.$('tbody tr')).toHaveLength(apiRoutes.length)
  })
})
