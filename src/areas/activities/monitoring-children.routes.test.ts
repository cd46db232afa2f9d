import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { activityOnSite, settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Two monitoring visits of Kent, on site Tuesday 12 January and Tuesday 13 April 2027.
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let director: TestUser
let first = ''
let second = ''

beforeAll(async () => {
  t = await buildTestApp({ clock })
  director = await createUser(t.db, 'national-director')
  const lead = await createUser(t.db, 'hmi')
  const visit = (onsite: string, visitNumber: number) =>
    activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      lead,
      type: 'monitoring-visit',
      onsite,
      monitoring: { visitNumber },
    })
  first = await visit('2027-01-12', 1)
  second = await visit('2027-04-13', 2)
})
afterAll(async () => t.close())

describe('children looked at on monitoring visits (001#36-37, 002#136-137)', () => {
  it('records children by the LA’s ID, marks a child seen on an earlier visit, and asks who was told of a concern', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const add = (id: string, body: Record<string, string>) => agent.post(`/activities/${id}/children`, body)
    expect((await add(first, { childId: 'C-1234', method: 'tracked' })).statusCode).toBe(303)

    const untold = await add(second, { childId: 'C-1234', method: 'sampled', concern: 'No visits for ten weeks.' })
    expect(untold.statusCode).toBe(400)
    expect(page(untold).errorSummary.map((item) => item.href)).toEqual(['#concernTold'])
    const told = await add(second, {
      childId: 'C-1234',
      method: 'sampled',
      concern: 'No visits for ten weeks.',
      concernTold: 'The DCS, 14 April 2027',
    })
    expect(told.statusCode).toBe(303)
    expect((await add(second, { childId: 'C-5678', method: 'tracked' })).statusCode).toBe(303)

    const view = page(await agent.get(`/activities/${second}/children`))
    const rows = view
      .$('tbody tr')
      .map((_, row) => [
        view
          .$(row)
          .find('td')
          .map((__, cell) => view.$(cell).text().trim())
          .get(),
      ])
      .get()
    expect(rows).toEqual([
      ['C-1234', 'Sampled', 'Yes: 886-MV-2027-01-12', 'No visits for ten weeks. (told: The DCS, 14 April 2027)'],
      ['C-5678', 'Tracked', 'No', 'None'],
    ])
    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'activity.monitoring-child')
      .execute()
    expect(audit).toHaveLength(3)
    // Reading child-level records is audited, with the rows shown.
    const reads = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'record_id', 'changes'])
      .where('action', '=', 'activity.monitoring-children-read')
      .where('record_id', '=', second)
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0]!.actor_id).toBe(director.id)
    expect((reads[0]!.changes as { ids: string[] }).ids).toHaveLength(2)
  })
})
