import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { judgedLas, plannedActivity } from '../../test-support/factories/programme.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW); the register of judgedLas (Medway overdue). The
// programme holds a focused visit of Kent on Tuesday 3 and Wednesday 4 August 2027, led by Alex.
let t: TestApp
let national: TestUser
let regional: TestUser
let alex: TestUser
let seniorHmi: TestUser

beforeAll(async () => {
  t = await buildTestApp()
  national = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  alex = await createUser(t.db, 'hmi')
  const sam = await createUser(t.db, 'hmi')
  seniorHmi = await createUser(t.db, 'senior-hmi')
  await judgedLas(t.db)
  await plannedActivity(t.db, t.config, {
    laCode: '886',
    type: 'focused-visit',
    onsiteStart: '2027-08-03',
    topics: ['The front door'],
    leadUserId: alex.id,
    teamUserIds: [sam.id],
  })
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('the home page', () => {
  it('tells a director what the programme needs: overdue LAs, windows closing, and activities that now fail a check', async () => {
    const agent = await signIn(regional)
    // Alex, the lead of Kent's focused visit on 3-4 August 2027, is now on leave on 4 August (PC3).
    await agent.get('/programme/leave/new')
    await agent.post('/programme/leave/new', {
      userId: alex.id,
      'startsOn-day': '4',
      'startsOn-month': '8',
      'startsOn-year': '2027',
      'endsOn-day': '4',
      'endsOn-month': '8',
      'endsOn-year': '2027',
    })
    const home = page(await agent.get('/'))
    const text = home.$('main').text()
    expect(text).toContain('Plan the short inspection: Medway')
    expect(home.$('a[href="/programme/proposals/new?laCode=887&type=short-inspection"]').length).toBeGreaterThan(0)
    expect(text).toContain('Rule check fails: Focused visit of Kent')
    expect(text).toMatch(
      /is on leave on Wednesday 4 August 2027, which covers 1 day of fieldwork \(from Wednesday 4 August 2027\) \(PC3\)/,
    )
    expect(text).not.toContain('Birmingham')
    // Surrey, judged good on 3 July 2023: its window closes on 3 January 2027, within 13 weeks, with nothing planned.
    await publishedJudgement(t.db, {
      laCode: '936',
      framework: 'ilacs-2018',
      activityType: 'standard-inspection',
      inspectionStart: '2023-05-08',
      inspectionEnd: '2023-05-19',
      publishedOn: '2023-07-03',
      grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
      source: 'manual',
      recordedBy: null,
    })
    const nationalHome = page(await (await signIn(national)).get('/'))
    expect(nationalHome.$('main').text()).toContain('Due window closes: Surrey')
    expect(nationalHome.$('main').text()).toContain('No judgement inspection is planned before 3 January 2027')
    // Not for those who cannot propose.
    const senior = page(await (await signIn(seniorHmi)).get('/'))
    expect(senior.$('main').text()).not.toContain('Plan the short inspection')
  })
})
