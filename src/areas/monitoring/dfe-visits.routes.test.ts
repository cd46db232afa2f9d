import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Haringey (309, London) judged inadequate, published on
// Monday 14 September 2026; its first monitoring visit planned for Tuesday 12 January 2027,
// no notice given and no letter written yet.
let t: TestApp
const LA = '309'
const LONDON = 'E12000007'
let url: string

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ').trim()

beforeAll(async () => {
  t = await buildTestApp()
  await inadequateJudgement(t.db, LA, '2026-07-06', '2026-09-14')
  const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: LONDON }))
  const opened = await director.post(`/monitoring/las/${LA}/open`, { ...date('prePublication', '2026-09-07') })
  expect(opened.statusCode).toBe(303)
  url = opened.headers.location as string
  await plannedActivity(t.db, t.config, {
    laCode: LA,
    type: 'monitoring-visit',
    onsiteStart: '2027-01-12',
    plannedAt: '2026-11-23',
  })
})
afterAll(async () => t.close())

describe('the planned monitoring visits on the programme page, for the DfE (issue 12)', () => {
  it('shows the DfE case lead of the LA the dates and status of a visit planned before its letter, with no link into it', async () => {
    const caseLead = await signIn(await createUser(t.db, 'dfe-case-lead', { laCodes: [LA] }))
    const programme = page(await caseLead.get(url))
    const visits = programme.$('#programme-activities li')
    expect(visits.length).toBe(1)
    expect(text(visits.first().text())).toBe(
      'Monitoring visit, 12 January 2027. On site 12 January 2027 to 13 January 2027; planned',
    )
    // The activity's own page (team, focus, children) stays Ofsted's and, after notice, the LA's.
    expect(visits.find('a').length).toBe(0)
    expect(text(programme.$('#steps + table').text())).toContain('12 January 2027')
  })

  it('shows a DfE case lead of another LA nothing of it, and the LA nothing before notice (002#73)', async () => {
    const other = await createUser(t.db, 'dfe-case-lead', { laCodes: ['886'] })
    expect((await (await signIn(other)).get(url)).statusCode).toBe(404)
    // The read itself answers nothing for an LA the account does not see in the monitoring area.
    const services = createServices({ db: t.db, clock: fixedClock('2026-11-23'), config: t.config })
    expect(await services.activities.monitoringDatesOf((await principalFor(t.db, other.id))!, LA)).toEqual([])
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: LA }))
    const programme = page(await dcs.get(url))
    expect(programme.$('#programme-activities li').length).toBe(0)
  })

  it('links the visit for Ofsted, who see the activity itself', async () => {
    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    const visits = page(await senior.get(url)).$('#programme-activities li')
    expect(visits.find('a').attr('href')).toMatch(/^\/activities\//)
  })
})
