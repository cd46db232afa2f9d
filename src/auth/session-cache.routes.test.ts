import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RequestScope, watchRequests } from '../db/request-scope.js'
import { page, TestAgent } from '../test-support/agent.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { createUser } from '../test-support/factories/users.js'
import { SESSION_COOKIE } from '../web/plugins/session.js'
import { createSession, endSession } from './sessions.js'
import { principalFor } from './users.js'

/**
 * The session is looked up once and remembered for a few seconds (issue 16), but never past a
 * change that ends it: sign-out, disabling the account, a new role. On this instance the next
 * request already sees the change.
 */
let t: TestApp
const seen = new Map<string, RequestScope>()
let stopWatching = () => {}
beforeAll(async () => {
  t = await buildTestApp()
  stopWatching = watchRequests((request, scope) => seen.set(request.id, scope))
})
afterAll(async () => {
  stopWatching()
  await t.close()
})

const sessionQueries = (response: { headers: Record<string, unknown> }) =>
  (seen.get(String(response.headers['x-request-id']))?.queries ?? []).filter((query) =>
    query.sql.includes('from "sessions"'),
  ).length

async function signedIn(role: Parameters<typeof createUser>[1]) {
  const user = await createUser(t.db, role)
  const agent = await new TestAgent(t.app).signIn(user.email, user.password)
  expect((await agent.get('/')).statusCode).toBe(200)
  return { user, agent }
}

describe('the session cache', () => {
  it('reads the session once for a run of pages', async () => {
    const { agent } = await signedIn('hmi')
    const again = await agent.get('/')
    expect(again.statusCode).toBe(200)
    expect(sessionQueries(again)).toBe(0)
  })

  it('lets a disabled account in no more, from the next request', async () => {
    const { user, agent } = await signedIn('hmi')
    const admin = (await principalFor(t.db, (await createUser(t.db, 'administrator')).id))!
    await t.app.services.accounts.setDisabled(admin, user.id, true, 'test')
    const response = await agent.get('/')
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toMatch(/^\/sign-in/)
  })

  it('lets an account disabled straight in the database in no more either', async () => {
    const { user, agent } = await signedIn('hmi')
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute()
    expect((await agent.get('/')).statusCode).toBe(303)
  })

  it('forgets a signed-out session: its cookie replayed is refused', async () => {
    const user = await createUser(t.db, 'hmi')
    const token = await createSession(t.db, user.id, t.clock.now())
    const visit = () => t.app.inject({ method: 'GET', url: '/', headers: { cookie: `${SESSION_COOKIE}=${token}` } })
    expect((await visit()).statusCode).toBe(200)
    await endSession(t.db, token) // what POST /sign-out does
    expect((await visit()).statusCode).toBe(303)
  })

  it('shows a new role on the next page', async () => {
    const { user, agent } = await signedIn('hmi')
    expect(
      page(await agent.get('/'))
        .$('main')
        .text(),
    ).not.toContain('Accounts')
    await t.db.updateTable('users').set({ role: 'administrator' }).where('id', '=', user.id).execute()
    expect(
      page(await agent.get('/'))
        .$('main')
        .text(),
    ).toContain('Accounts')
  })
})
