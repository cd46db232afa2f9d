import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, hashPassword } from './passwords.js'
import { page, TestAgent } from '../test-support/agent.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { createUser } from '../test-support/factories/users.js'
import { emailKey } from './sign-in-throttle.js'

let t: TestApp
const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a'.repeat(40),
  BASE_URL: 'https://ilacs.example.gov.uk',
  SMTP_URL: 'smtp://localhost:2525',
}
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('sign-in', () => {
  it('signs in, keeps the session in the database, and signs out', async () => {
    const user = await createUser(t.db, 'hmi')
    const agent = new TestAgent(t.app)
    await agent.signIn(user.email, user.password)
    expect(page(await agent.get('/')).heading).toMatch(/^Welcome, /)
    const sessions = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()
    expect(sessions).toHaveLength(1)
    // The table holds a hash of the token, never the token itself.
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    await agent.post('/sign-out')
    expect(await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()).toHaveLength(0)
    expect((await agent.get('/')).statusCode).toBe(303)
  })

  it('sets the session cookie HttpOnly, Secure and SameSite=Lax', async () => {
    const user = await createUser(t.db, 'hmi')
    const agent = new TestAgent(t.app)
    await agent.get('/sign-in')
    const response = await agent.post('/sign-in', { email: user.email, password: user.password })
    const cookie = response.cookies.find((c) => c.name === 'ilacs_session')!
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
  })

  it('gives one message for a wrong password and an unknown email', async () => {
    const user = await createUser(t.db, 'hmi')
    const wrong = await new TestAgent(t.app).post('/sign-in', { email: user.email, password: 'not the password' })
    const unknown = await new TestAgent(t.app).post('/sign-in', {
      email: 'nobody@example.gov.uk',
      password: 'whatever it is',
    })
    expect(wrong.statusCode).toBe(401)
    expect(page(wrong).errorSummary).toEqual(page(unknown).errorSummary)
    expect(page(wrong).errorSummary[0]).toEqual({ text: 'Enter a correct email address and password', href: '#email' })
  })

  it('slows an email address down after 5 wrong passwords, answering the same for an address with no account', async () => {
    const user = await createUser(t.db, 'la-analyst')
    const unknown = `nobody.${Date.now()}@example.gov.uk`
    const attempt = (email: string, password: string) => new TestAgent(t.app).post('/sign-in', { email, password })
    for (let n = 0; n < 5; n++) {
      const known = await attempt(user.email, `wrong ${n}`)
      const other = await attempt(unknown, `wrong ${n}`)
      expect(other.statusCode).toBe(known.statusCode)
      expect(page(other).errorSummary).toEqual(page(known).errorSummary)
    }
    const known = await attempt(user.email, user.password)
    const other = await attempt(unknown, 'wrong again')
    expect(known.statusCode).toBe(429)
    expect(page(known).errorSummary[0]!.text).toMatch(
      /too many attempts to sign in with this email address\. Wait until/,
    )
    expect(other.statusCode).toBe(429)
    expect(page(other).errorSummary).toEqual(page(known).errorSummary)
    expect(page(known).errorSummary[0]!.text).not.toMatch(/locked/i)
    const events = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', user.id).execute()
    expect(events.map((event) => event.action)).toContain('sign-in.lockout')
  })

  it('never keeps an account’s owner out: a browser that signed in before is not slowed by others’ guesses', async () => {
    const user = await createUser(t.db, 'hmi')
    const owner = await new TestAgent(t.app).signIn(user.email, user.password)
    await owner.post('/sign-out')
    for (let n = 0; n < 8; n++)
      await new TestAgent(t.app).post('/sign-in', { email: user.email, password: `guess ${n}` })
    expect(
      (await new TestAgent(t.app).post('/sign-in', { email: user.email, password: user.password })).statusCode,
    ).toBe(429)
    await owner.get('/sign-in')
    const back = await owner.post('/sign-in', { email: user.email, password: user.password })
    expect(back.statusCode).toBe(303)
    // Signing in clears the count: a new browser need not wait any more.
    expect((await new TestAgent(t.app).post('/sign-in', { email: user.email, password: 'one typo' })).statusCode).toBe(
      401,
    )
  })

  it('counts each of ten concurrent wrong passwords', async () => {
    const user = await createUser(t.db, 'hmi')
    const agents = Array.from({ length: 10 }, () => new TestAgent(t.app))
    await Promise.all(agents.map((agent) => agent.get('/sign-in')))
    await Promise.all(agents.map((agent, n) => agent.post('/sign-in', { email: user.email, password: `wrong ${n}` })))
    const row = await t.db
      .selectFrom('sign_in_throttles')
      .select('failures')
      .where('email_key', '=', emailKey(user.email))
      .executeTakeFirstOrThrow()
    expect(row.failures).toBe(10)
    expect(
      (await new TestAgent(t.app).post('/sign-in', { email: user.email, password: user.password })).statusCode,
    ).toBe(429)
  })

  it('rate-limits sign-in attempts from one address', async () => {
    const agent = new TestAgent(t.app)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(
        (await agent.post('/sign-in', { email: `someone${attempt}@example.gov.uk`, password: 'wrong password' }))
          .statusCode,
      )
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
  })

  it('keeps the per-address limit in production whatever X-Forwarded-For claims, unless a proxy is configured', async () => {
    const attempts = async (app: TestApp['app'], forwardedFor: (n: number) => string) => {
      const agent = new TestAgent(app)
      const statuses: number[] = []
      for (let n = 0; n < 12; n++)
        statuses.push(
          (
            await agent.post(
              '/sign-in',
              { email: `someone${n}@example.gov.uk`, password: 'wrong password' },
              { headers: { 'x-forwarded-for': forwardedFor(n) } },
            )
          ).statusCode,
        )
      return statuses
    }
    const direct = await buildTestApp({ env: PRODUCTION })
    try {
      // No proxy is trusted by default: a client inventing addresses is still one client.
      expect((await attempts(direct.app, (n) => `198.51.100.${n}`)).at(-1)).toBe(429)
    } finally {
      await direct.close()
    }
    const proxied = await buildTestApp({ env: { ...PRODUCTION, TRUST_PROXY: '1' } })
    try {
      // Behind one proxy, the address the proxy adds counts, not what the client put before it.
      expect((await attempts(proxied.app, (n) => `198.51.100.${n}, 203.0.113.7`)).at(-1)).toBe(429)
      expect((await attempts(proxied.app, (n) => `203.0.113.${n + 10}`)).every((status) => status === 401)).toBe(true)
    } finally {
      await proxied.close()
    }
  })

  it('only ever redirects to a path on this service, whatever characters `next` holds', async () => {
    const user = await createUser(t.db, 'hmi')
    for (const next of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/%09/evil.example',
      '/ok\u0000',
    ]) {
      const shown = await new TestAgent(t.app).get(`/sign-in?next=${encodeURIComponent(next)}`)
      expect(shown.statusCode).toBe(200)
      const agent = new TestAgent(t.app)
      await agent.get('/sign-in')
      const response = await agent.post('/sign-in', { email: user.email, password: user.password, next })
      expect(response.statusCode).toBe(303)
      const location = response.headers.location as string
      expect(location).toMatch(/^\/(?![/\\])[^\s]*$/)
      expect(new URL(location, 'https://ilacs.example.gov.uk').host).toBe('ilacs.example.gov.uk')
    }
  })

  it('refuses a form without its CSRF token', async () => {
    const user = await createUser(t.db, 'hmi')
    const response = await new TestAgent(t.app).post(
      '/sign-in',
      { email: user.email, password: user.password },
      { withCsrf: false },
    )
    expect(response.statusCode).toBe(403)
    expect(page(response).heading).toBe('Your form has expired')
  })

  it('binds each form’s CSRF token to its session: a token from before sign-in or from another session is refused', async () => {
    const user = await createUser(t.db, 'hmi')
    const other = await createUser(t.db, 'hmi')
    const agent = new TestAgent(t.app)
    const beforeSignIn = page(await agent.get('/sign-in'))
      .$('input[name="_csrf"]')
      .attr('value')!
    await agent.signIn(user.email, user.password)
    const firstSession = page(await agent.get('/account/api-tokens'))
      .$('input[name="_csrf"]')
      .attr('value')!
    expect((await agent.post('/account/api-tokens', { name: 'Before', _csrf: beforeSignIn })).statusCode).toBe(403)
    // The same browser, signed out and in again as someone else: the old session's token is refused.
    await agent.post('/sign-out')
    await agent.signIn(other.email, other.password)
    await agent.get('/account/api-tokens')
    expect((await agent.post('/account/api-tokens', { name: 'Old', _csrf: firstSession })).statusCode).toBe(403)
    expect((await agent.post('/account/api-tokens', { name: 'Mine' })).statusCode).toBe(200)
  })

  it('only redirects to a path on this service after sign-in', async () => {
    const user = await createUser(t.db, 'hmi')
    const agent = new TestAgent(t.app)
    await agent.get('/sign-in?next=//evil.example/')
    const response = await agent.post('/sign-in', {
      email: user.email,
      password: user.password,
      next: '//evil.example/',
    })
    expect(response.headers.location).toBe('/')
  })

  it('refuses the published demo password in production', async () => {
    const production = await buildTestApp({ env: PRODUCTION })
    try {
      const { id } = await production.db
        .insertInto('users')
        .values({
          email: 'demo-left-behind@example.gov.uk',
          display_name: 'Old demo',
          role: 'hmi',
          password_hash: await hashPassword(DEMO_PASSWORD),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const response = await new TestAgent(production.app).post('/sign-in', {
        email: 'demo-left-behind@example.gov.uk',
        password: DEMO_PASSWORD,
      })
      expect(response.statusCode).toBe(401)
      expect(page(response).errorSummary[0]!.text).toMatch(/demo password cannot be used/)
      expect(await production.db.selectFrom('sessions').selectAll().where('user_id', '=', id).execute()).toHaveLength(0)
    } finally {
      await production.close()
    }
  })
})
