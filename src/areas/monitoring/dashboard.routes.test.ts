import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestAgent } from '../../test-support/agent.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Bexley (303) judged inadequate; a monitoring visit on site
// Tuesday 8 and Wednesday 9 December 2026, its data requested today (ten working days before the
// Monday, 002#129-130).
let t: TestApp
const LA = '303'

beforeAll(async () => {
  t = await buildTestApp()
  await inadequateJudgement(t.db, LA, '2026-03-02', '2026-04-27')
})
afterAll(async () => t.close())

describe("the LA's home page before a monitoring visit (002#129-131)", () => {
  it('lists the return, the cases named and the audits, each with its date', async () => {
    const lead = await createUser(t.db, 'hmi')
    await notifiedActivity(t.db, t.config, {
      laCode: LA,
      type: 'monitoring-visit',
      onsiteStart: '2026-12-08',
      plannedAt: '2026-11-02T09:00:00Z',
      noticeAt: '2026-11-23T09:00:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const dcs = await createUser(t.db, 'la-dcs', { laCode: LA })
    const home = (await (await new TestAgent(t.app).signIn(dcs.email, dcs.password)).get('/')).body.replace(/\s+/g, ' ')
    expect(home).toContain('Return the child-level data (Annex A lists 1–11): Monitoring visit')
    expect(home).toContain('Due 24 November 2026; data requested 23 November 2026')
    expect(home).toContain('Ofsted names up to six audited cases to share')
    expect(home).toContain('Due 25 November 2026')
    expect(home).toContain('Share the completed audits of the named cases')
    expect(home).toContain('Due 2 December 2026')
  })
})
