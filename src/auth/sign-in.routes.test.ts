import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, hashPassword } from './passwords.js'
import { page, TestAgent } from '../test-support/agent.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { createUser } from '../test-support/factories/users.js'

let t: TestApp
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

  it('locks an account after 5 wrong passwords, even with the right one, and audits it', async () => {
    const user = await createUser(t.db, 'la-analyst')
    for (let attempt = 0; attempt < 5; attempt++) {
      await new TestAgent(t.app).post('/sign-in', { email: user.email, password: `wrong ${attempt}` })
    }
    const locked = await new TestAgent(t.app).post('/sign-in', { email: user.email, password: user.password })
    expect(locked.statusCode).toBe(429)
    expect(page(locked).errorSummary[0]!.text).toMatch(/locked/)
    const events = await t.db.selectFrom('audit_events').select('action').where('record_id', '=', user.id).execute()
    expect(events.map((event) => event.action)).toContain('sign-in.lockout')
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
    const production = await buildTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a'.repeat(40),
        BASE_URL: 'https://ilacs.example.gov.uk',
        SMTP_URL: 'smtp://localhost:2525',
      },
    })
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
