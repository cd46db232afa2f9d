import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import { gunzipSync } from 'node:zlib'
import { load } from 'cheerio'
import { londonIsoDate } from '../src/clock.js'
import { page, TestAgent } from '../src/test-support/agent.js'
import { watchRequests } from '../src/db/request-scope.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'
import { evidenceEntry, fieldwork } from '../src/test-support/factories/evidence.js'
import { createUser, type TestUser } from '../src/test-support/factories/users.js'

/**
 * Signed-in pages kept until the data changes (issue 16, ADR 0031), through the whole app: what
 * a user relies on is that a kept page is theirs alone, shows every change at once, works as a
 * freshly drawn one does (its script's nonce, its forms), and that a read of child-level data
 * is still drawn, and audited, every time.
 */
let t: TestApp
// Wednesday 13 January 2027, 16:00 in London; a test moves it on a minute.
let now = new Date('2027-01-13T16:00:00Z')
const clock = { now: () => new Date(now), today: () => londonIsoDate(now) }

beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const kept = (response: LightMyRequestResponse) => response.headers['x-page-cache'] === 'hit'
const nonceInHeader = (response: LightMyRequestResponse) =>
  /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1]
const submissionKeys = (response: LightMyRequestResponse) =>
  page(response)
    .$('input[name="_submission"]')
    .map((_, input) => page(response).$(input).attr('value'))
    .get()

describe('signed-in pages kept until the data changes (ADR 0031)', () => {
  it('serves a page again to the session it was drawn for, with a new nonce and new form keys', async () => {
    const agent = await signIn(await createUser(t.db, 'administrator'))
    const drawn = await agent.get('/admin/users')
    const again = await agent.get('/admin/users')
    expect(drawn.statusCode).toBe(200)
    expect(kept(drawn)).toBe(false)
    expect(again.statusCode).toBe(200)
    expect(kept(again)).toBe(true)
    // The inline script runs: the page's nonce is the one in this response's header, not the first's.
    const nonce = nonceInHeader(again)
    expect(nonce).toBeDefined()
    expect(nonce).not.toBe(nonceInHeader(drawn))
    expect(page(again).$('script[nonce]').attr('nonce')).toBe(nonce)
    // Each form is a new submission (the sign-out form at least), not a resending of the first page's.
    const [before, after] = [submissionKeys(drawn), submissionKeys(again)]
    expect(after.length).toBeGreaterThan(0)
    expect(after).toHaveLength(before.length)
    for (const key of after) expect(before).not.toContain(key)
    const same = (response: LightMyRequestResponse, keys: string[]) =>
      keys.reduce((html, key) => html.replace(key, 'KEY'), response.body.replaceAll(nonceInHeader(response)!, 'NONCE'))
    expect(same(again, after)).toBe(same(drawn, before))
    // The kept page's forms work: signing out with it ends the session.
    expect((await agent.post('/sign-out')).statusCode).toBeLessThan(400)
    expect((await agent.get('/admin/users')).statusCode).not.toBe(200)
  })

  it('shows a change at once, whoever made it', async () => {
    const agent = await signIn(await createUser(t.db, 'administrator'))
    await agent.get('/admin/users')
    expect(kept(await agent.get('/admin/users'))).toBe(true)
    await createUser(t.db, 'hmi', { displayName: 'Harriet Newly-Added' })
    const after = await agent.get('/admin/users')
    expect(kept(after)).toBe(false)
    expect(page(after).$('main').text()).toContain('Harriet Newly-Added')
  })

  it('never serves one session’s page to another session, even of the same account', async () => {
    const admin = await createUser(t.db, 'administrator')
    const first = await signIn(admin)
    await first.get('/admin/users')
    expect(kept(await first.get('/admin/users'))).toBe(true)
    const second = await signIn(admin)
    expect(kept(await second.get('/admin/users'))).toBe(false)
    const inspector = await signIn(await createUser(t.db, 'hmi'))
    const refused = await inspector.get('/admin/users')
    expect(refused.statusCode).not.toBe(200)
    expect(kept(refused)).toBe(false)
  })

  it('audits every read of child-level data, kept or drawn, before it is sent', async () => {
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector, { caseIds: 'C104532' })
    const agent = await signIn(lead)
    const reads = [
      await agent.get(`/activities/${activityId}/evidence`),
      await agent.get(`/activities/${activityId}/evidence`),
    ]
    expect(reads.map((read) => [read.statusCode, kept(read)])).toEqual([
      [200, false],
      [200, true],
    ])
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['request_id', 'summary'])
      .where('action', '=', 'evidence.read')
      .where('actor_label', '=', lead.email)
      .execute()
    // One entry for each read, each with its own request, saying what the page showed.
    expect(audited.map((entry) => entry.request_id).sort()).toEqual(
      reads.map((read) => String(read.headers['x-request-id'])).sort(),
    )
    expect(audited[1]!.summary).toBe(audited[0]!.summary)
    expect(audited[1]!.summary).toMatch(/naming 1 case references/)
  })

  it('audits each of many servings at once before it is sent, gathering their entries into few writes', async () => {
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector, { caseIds: 'C104533' })
    const agent = await signIn(lead)
    await agent.get(`/activities/${activityId}/evidence`)
    const inserts: string[] = []
    const stopWatching = watchRequests((_request, scope) =>
      inserts.push(...scope.queries.map((query) => query.sql).filter((sql) => /insert into "audit_events"/.test(sql))),
    )
    const reads = await Promise.all(
      Array.from({ length: 12 }, () => agent.get(`/activities/${activityId}/evidence`)),
    ).finally(stopWatching)
    expect(reads.every((read) => read.statusCode === 200 && kept(read))).toBe(true)
    const audited = await t.db
      .selectFrom('audit_events')
      .select('request_id')
      .where('action', '=', 'evidence.read')
      .where(
        'request_id',
        'in',
        reads.map((read) => String(read.headers['x-request-id'])),
      )
      .execute()
    expect(audited.map((entry) => entry.request_id).sort()).toEqual(
      reads.map((read) => String(read.headers['x-request-id'])).sort(),
    )
    expect(inserts.length).toBeGreaterThan(0)
    expect(inserts.length).toBeLessThan(reads.length)
  })

  it('draws a read of child-level data again for an inspector taken off the team, and refuses it', async () => {
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, lead, { caseIds: 'C104532' })
    const agent = await signIn(inspector)
    await agent.get(`/activities/${activityId}/evidence`)
    expect(kept(await agent.get(`/activities/${activityId}/evidence`))).toBe(true)
    await t.db
      .deleteFrom('activity_team')
      .where('activity_id', '=', activityId)
      .where('user_id', '=', inspector.id)
      .execute()
    const after = await agent.get(`/activities/${activityId}/evidence`)
    expect(kept(after)).toBe(false)
    expect(after.statusCode).not.toBe(200)
  })

  it('draws a page once when a session asks for it many times at once, and serves that to all', async () => {
    const agent = await signIn(await createUser(t.db, 'administrator'))
    await agent.get('/admin/users')
    await createUser(t.db, 'hmi', { displayName: 'Asked For Five Times' })
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => agent.get('/admin/users')))
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200])
    expect(answers.filter((answer) => !kept(answer))).toHaveLength(1)
    for (const answer of answers) expect(page(answer).$('main').text()).toContain('Asked For Five Times')
  })

  it('sends a kept page compressed to a browser that takes gzip, and as it is to one that does not', async () => {
    const agent = await signIn(await createUser(t.db, 'administrator'))
    await agent.get('/admin/users')
    const zipped = await agent.get('/admin/users', { 'accept-encoding': 'gzip, deflate, br' })
    expect(kept(zipped)).toBe(true)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/)
    const unzipped = gunzipSync(zipped.rawPayload).toString()
    expect(zipped.rawPayload.length).toBeLessThan(unzipped.length / 2)
    const plain = await agent.get('/admin/users')
    expect(kept(plain)).toBe(true)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(load(unzipped)('main').text()).toBe(page(plain).$('main').text())
    // Its own nonce, in the header and on its scripts.
    const nonce = /'nonce-([^']+)'/.exec(String(zipped.headers['content-security-policy']))![1]!
    expect(load(unzipped)('script[nonce]').attr('nonce')).toBe(nonce)
  })

  it('draws a page again when the service’s clock reaches the next minute', async () => {
    const agent = await signIn(await createUser(t.db, 'administrator'))
    await agent.get('/admin/users')
    expect(kept(await agent.get('/admin/users'))).toBe(true)
    now = new Date(now.getTime() + 60_000)
    expect(kept(await agent.get('/admin/users'))).toBe(false)
  })
})
