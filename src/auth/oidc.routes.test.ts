import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../test-support/agent.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { createUser } from '../test-support/factories/users.js'
import { startOidcStub } from '../test-support/oidc-stub.js'

let t: TestApp
let stub: Awaited<ReturnType<typeof startOidcStub>>

beforeAll(async () => {
  stub = await startOidcStub({ clientId: 'ilacs', clientSecret: 'stub-secret' })
  t = await buildTestApp({
    env: {
      OIDC_ISSUER: stub.issuer,
      OIDC_CLIENT_ID: 'ilacs',
      OIDC_CLIENT_SECRET: 'stub-secret',
      BASE_URL: 'http://localhost:3000',
    },
  })
})
afterAll(async () => {
  await t.close()
  await stub.close()
})

/** Follow the sign-in through the stub issuer and back to our callback. */
async function signInWithOidc(
  agent: TestAgent,
  next = '/register',
): Promise<{ status: number; location: string | undefined; body: string }> {
  const start = await agent.get(`/sign-in/oidc?next=${encodeURIComponent(next)}`)
  expect(start.statusCode).toBe(303)
  const atIssuer = await fetch(start.headers.location!, { redirect: 'manual' })
  const back = new URL(atIssuer.headers.get('location')!)
  const callback = await agent.get(`${back.pathname}${back.search}`)
  return { status: callback.statusCode, location: callback.headers.location, body: callback.body }
}

describe('single sign-on (OpenID Connect, against a local stub issuer)', () => {
  it('links an existing account by verified email on first sign-in, then signs in by subject', async () => {
    const user = await createUser(t.db, 'hmi', { email: 'sso.inspector@ofsted.gov.uk' })
    stub.signInAs({ sub: 'stub-subject-1', email: 'SSO.Inspector@ofsted.gov.uk' })
    const agent = new TestAgent(t.app)
    const first = await signInWithOidc(agent)
    expect(first.status).toBe(303)
    expect(first.location).toBe('/register')
    expect(page(await agent.get('/')).heading).toMatch(/^Welcome/)
    const linked = await t.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(linked.oidc_subject).toBe('stub-subject-1')

    stub.signInAs({ sub: 'stub-subject-1', email: 'changed@ofsted.gov.uk' })
    expect((await signInWithOidc(new TestAgent(t.app))).status).toBe(303)
  })

  it('refuses someone the issuer knows but the service has no account for', async () => {
    stub.signInAs({ sub: 'stranger', email: 'stranger@example.gov.uk' })
    const result = await signInWithOidc(new TestAgent(t.app))
    expect(result.status).toBe(403)
    expect(result.body).toContain('There is no account on this service for you')
  })

  it('refuses a callback without the state cookie it started with', async () => {
    stub.signInAs({ sub: 'stub-subject-1', email: 'sso.inspector@ofsted.gov.uk' })
    const starter = new TestAgent(t.app)
    const start = await starter.get('/sign-in/oidc')
    const atIssuer = await fetch(start.headers.location!, { redirect: 'manual' })
    const back = new URL(atIssuer.headers.get('location')!)
    const forged = await new TestAgent(t.app).get(`${back.pathname}${back.search}`)
    expect(forged.statusCode).toBe(403)
  })
})
