import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { judgedLas, plannedActivity, proposalBody as form } from '../../test-support/factories/programme.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW); the register of judgedLas. The programme holds a
// focused visit of Kent on Tuesday 3 and Wednesday 4 August 2027 (notice Tuesday 27 July), led
// by Alex: proposals that clash with it, or put Alex in two places, are refused.
let t: TestApp
let regional: TestUser
let alex: TestUser

const TOPIC = 'The front door'

beforeAll(async () => {
  t = await buildTestApp()
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  alex = await createUser(t.db, 'hmi')
  await judgedLas(t.db)
  await plannedActivity(t.db, t.config, {
    laCode: '886',
    type: 'focused-visit',
    onsiteStart: '2027-08-03',
    topics: [TOPIC],
    leadUserId: alex.id,
  })
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('proposals that clash with the programme', () => {
  it('refuses at commit a proposal that clashes with another activity of the LA (PC1)', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    const fields = { laCode: '886', type: 'focused-visit', onsite: '10/8/2027', topics: [TOPIC] }
    const response = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint: '0000000000000000', confirm: 'yes' }),
    )
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary.map((error) => error.text)).toContain(
      'Clashes with 886-FV-2027-08-03, a focused visit of Kent running from its notice on Tuesday 27 July 2027 to Wednesday 4 August 2027; this focused visit would run from Tuesday 3 August 2027 to Wednesday 11 August 2027',
    )
  })

  it('refuses an inspector on leave during fieldwork (PC3) and one already on site elsewhere (PC4)', async () => {
    const sam = await createUser(t.db, 'hmi')
    const agent = await signIn(regional)
    await agent.get('/programme/leave/new')
    const leave = await agent.post('/programme/leave/new', {
      userId: sam.id,
      'startsOn-day': '3',
      'startsOn-month': '3',
      'startsOn-year': '2027',
      'endsOn-day': '5',
      'endsOn-month': '3',
      'endsOn-year': '2027',
    })
    expect(leave.statusCode).toBe(303)
    await agent.get('/programme/proposals/new')
    const onLeave = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '887', type: 'short-inspection', onsite: '1/3/2027', team: [sam.id] }, { action: 'check' }),
    )
    expect(onLeave.statusCode).toBe(400)
    expect(page(onLeave).errorSummary[0]!.text).toMatch(
      /^Test His Majesty's Inspector \(HMI\) \d+ is on leave from Wednesday 3 March 2027 to Friday 5 March 2027, which covers 3 days of fieldwork \(from Wednesday 3 March 2027\)$/,
    )
    const twoPlaces = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '887', type: 'short-inspection', onsite: '2/8/2027', lead: alex.id }, { action: 'check' }),
    )
    expect(twoPlaces.statusCode).toBe(400)
    expect(
      page(twoPlaces)
        .errorSummary.map((error) => error.text)
        .join('\n'),
    ).toMatch(/is on site at 886-FV-2027-08-03 \(focused visit of Kent\) on 3 August 2027, 4 August 2027$/)
  })
})
