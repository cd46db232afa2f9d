import { afterEach, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser } from '../../test-support/factories/users.js'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'b'.repeat(40),
  BASE_URL: 'https://ilacs.example.gov.uk',
  SMTP_URL: 'smtp://localhost:2525',
}

async function withFailingRoute(env: Record<string, string> = {}) {
  t = await buildTestApp({ env })
  return t
}

describe('error pages', () => {
  it('answers an unknown page with the GOV.UK 404 page', async () => {
    const app = await withFailingRoute()
    const response = await new TestAgent(app.app).get('/no-such-page')
    expect(response.statusCode).toBe(404)
    expect(page(response).heading).toBe('Page not found')
    expect(page(response).$('.govuk-header').length).toBe(1)
  })

  it.each([
    ['development', {}, true],
    ['production', PRODUCTION, false],
  ] as const)(
    'in %s, a failure shows the 500 page with a reference (stack shown: %j)',
    async (_mode, env, showsStack) => {
      const app = await withFailingRoute(env)
      const user = await createUser(app.db, 'hmi')
      const agent = await new TestAgent(app.app).signIn(user.email, user.password)
      // Break the database under a page so the failure is real, not staged in the route.
      await app.database.close()
      const response = await agent.get('/register')
      expect(response.statusCode).toBe(500)
      const parsed = page(response)
      expect(parsed.heading).toBe('Sorry, there is a problem with the service')
      expect(parsed.$('main').text()).toContain(String(response.headers['x-request-id']))
      expect(parsed.$('.app-stack').length > 0).toBe(showsStack)
      t = undefined
    },
  )

  it('answers 403 to a role without the permission, in the same style', async () => {
    const app = await withFailingRoute()
    const user = await createUser(app.db, 'hmi')
    const agent = await new TestAgent(app.app).signIn(user.email, user.password)
    const response = await agent.get('/admin/audit')
    expect(response.statusCode).toBe(403)
    expect(page(response).heading).toBe('You do not have permission to see this page')
  })

  it('reports the database in /health, and 503 when it is unreachable', async () => {
    const app = await withFailingRoute()
    const healthy = await app.app.inject({ url: '/health' })
    expect(healthy.json()).toEqual({ status: 'ok', database: app.database.kind })
    await app.database.close()
    const down = await app.app.inject({ url: '/health' })
    expect(down.statusCode).toBe(503)
    t = undefined
  })
})
