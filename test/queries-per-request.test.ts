import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES } from '../src/auth/roles.js'
import { DEMO_PASSWORD } from '../src/auth/passwords.js'
import { type RequestScope, watchRequests } from '../src/db/request-scope.js'
import { loadDemoActivities } from '../src/demo/demo-activities.js'
import { DEMO_EMAIL_DOMAIN, loadDemoData } from '../src/demo/load-demo-data.js'
import { TestAgent } from '../src/test-support/agent.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'

/**
 * Queries per request on the busiest pages (issue 16): with the demo's inspections at every
 * stage, no page runs the same query with the same parameters twice in one request, and each
 * stays within a budget. Before the request scope (src/db/request-scope.ts) the HMI's home page
 * ran 186 queries, the national director's 52, the DCS's 68 and an activity's page 136; the
 * budgets are what they need now with a little room, so a change that brings back an N+1 (one
 * query per activity, per provider) breaks them. `SHOW_QUERIES=1` prints each page's SQL.
 */
let t: TestApp
let onSiteId: string
const seen = new Map<string, RequestScope>()
let stopWatching = () => {}

beforeAll(async () => {
  t = await buildTestApp()
  await loadDemoData(t.db, t.clock.today())
  await loadDemoActivities(t.db, t.config, t.clock.today())
  onSiteId = (await t.db.selectFrom('activities').select('id').where('la_code', '=', '872').executeTakeFirstOrThrow())
    .id
  stopWatching = watchRequests((request, scope) => seen.set(request.id, scope))
}, 180_000)
afterAll(async () => {
  stopWatching()
  await t.close()
})

async function queriesOf(role: string, url: string) {
  const agent = await new TestAgent(t.app).signIn(`${role}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
  // The steady state is what is counted: a first visit may fill caches kept between requests (the
  // register's standings), which depends on which test ran first. Of the next two visits the one
  // with fewer queries counts, because a cache kept for seconds of real time (the session's, 5 s)
  // can expire between visits on a loaded machine; an N+1 shows in both.
  const first = await agent.get(url)
  expect(first.statusCode, `${role} ${url}`).toBe(200)
  const measured: RequestScope['queries'][] = []
  for (const _ of [1, 2]) {
    const response = await agent.get(url)
    expect(response.statusCode, `${role} ${url}`).toBe(200)
    const scope = seen.get(String(response.headers['x-request-id']))
    if (!scope) throw new Error(`no queries were recorded for ${url}`)
    measured.push(scope.queries)
  }
  const queries = measured.reduce((a, b) => (b.length < a.length ? b : a))
  if (process.env.SHOW_QUERIES)
    for (const q of queries)
      process.stdout.write(`  ${q.sql.slice(0, 160)} ${JSON.stringify(q.parameters).slice(0, 80)}\n`)
  return queries
}

/** Each query sent more than once with the same parameters, with how many times. */
function repeated(queries: RequestScope['queries']): string[] {
  const counts = new Map<string, number>()
  for (const query of queries) {
    const key = `${query.sql} ${JSON.stringify(query.parameters)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${n}× ${key.slice(0, 300)}`)
}

describe('queries per request', () => {
  const pages: Array<{ role: string; url: () => string; budget: number; name: string }> = [
    ...ROLES.map((role) => ({ name: 'home', role, url: () => '/', budget: 500 })),
    { name: 'an activity on site', role: 'hmi', url: () => `/activities/${onSiteId}`, budget: 30 },
    { name: 'the register', role: 'hmi', url: () => '/register', budget: 4 },
    { name: 'the programme', role: 'national-director', url: () => '/programme', budget: 10 },
  ]
  it.each(pages)(
    '$name ($role) runs no query twice and stays within $budget queries',
    async ({ role, url, budget }) => {
      const queries = await queriesOf(role, url())
      process.stdout.write(`${role} ${url()}: ${queries.length} queries\n`)
      expect(repeated(queries)).toEqual([])
      const list = queries.map((q) => q.sql.slice(0, 120)).join('\n')
      expect(queries.length, `${role} ${url()} ran:\n${list}`).toBeLessThanOrEqual(budget)
    },
  )
})
