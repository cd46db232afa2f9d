import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../src/clock.js'
import { page, TestAgent } from '../src/test-support/agent.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'
import { fieldwork } from '../src/test-support/factories/evidence.js'
import { createUser, type TestUser } from '../src/test-support/factories/users.js'

// Issue 10: two identical POSTs sent at once (a double click, a retry) made two records. Every
// form carries a key of its own; the same form sent twice is done once, and both answers agree.
// Wednesday 13 January 2027, during the fieldwork of a standard inspection (11 to 22 January).
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-13T16:00:00Z') })
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

/** Show the form's page, then send the form twice at once, as a double click does. */
async function sendTwice(agent: TestAgent, formPage: string, action: string, form: Record<string, string>) {
  await agent.get(formPage)
  return Promise.all([agent.post(action, form), agent.post(action, form)])
}

const count = async (table: 'evidence_entries' | 'further_information_requests' | 'cases_of_concern', id: string) =>
  (await t.db.selectFrom(table).select('id').where('activity_id', '=', id).execute()).length

describe('a form sent twice at once', () => {
  it('makes one evidence entry', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const url = `/activities/${activityId}/evidence/new`
    const answers = await sendTwice(await signIn(inspector), url, url, {
      headingId: 'help-and-protection.4',
      evaluativeStatement: 'Management oversight of frontline practice is consistently strong.',
      evidenceSummary: 'In 9 of the 10 cases sampled, supervision records show clear direction.',
      impact: 'Plans progress without drift.',
      sourceType: 'case-file',
      sourceDetail: 'Team manager',
      'collectedOn-day': '13',
      'collectedOn-month': '1',
      'collectedOn-year': '2027',
      'collectedTime-hour': '14',
      'collectedTime-minute': '30',
      significance: 'none',
      caseIds: 'C104532',
    })
    expect(answers.map((answer) => answer.statusCode)).toEqual([303, 303])
    expect(answers[0]!.headers.location).toBe(answers[1]!.headers.location)
    expect(await count('evidence_entries', activityId)).toBe(1)
  })

  it('makes one request for further information', async () => {
    const { activityId, lead } = await fieldwork(t)
    const url = `/activities/${activityId}/further-information/new`
    const answers = await sendTwice(await signIn(lead), url, url, {
      requestType: 'information',
      caseId: 'C104532',
      reason: 'No record of the outcome of the strategy discussion on 4 January.',
      'dateResponseRequired-day': '14',
      'dateResponseRequired-month': '1',
      'dateResponseRequired-year': '2027',
    })
    expect(answers.map((answer) => answer.statusCode)).toEqual([303, 303])
    expect(await count('further_information_requests', activityId)).toBe(1)
  })

  it('makes one case of concern', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const url = `/activities/${activityId}/concerns/new`
    const answers = await sendTwice(await signIn(inspector), url, url, {
      caseId: '0045671',
      teamLocation: 'Assessment team 2, Canterbury',
      issues: 'No visit since the referral.',
      significance: 'Serious: the child may be at risk of harm tonight.',
      discussedWith: 'Team manager and service manager.',
    })
    expect(answers.map((answer) => answer.statusCode)).toEqual([303, 303])
    expect(await count('cases_of_concern', activityId)).toBe(1)
  })

  it('makes one API token, and the repeat says why it cannot show it', async () => {
    const analyst = await createUser(t.db, 'la-analyst')
    const answers = await sendTwice(await signIn(analyst), '/account/api-tokens', '/account/api-tokens', {
      name: 'Case management system',
    })
    const tokens = await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', analyst.id).execute()
    expect(tokens).toHaveLength(1)
    const [shown, repeat] = [...answers].sort((a, b) => a.statusCode - b.statusCode)
    expect(shown!.statusCode).toBe(200)
    expect(page(shown!).$('#new-token').text()).toMatch(/^ilacs_/)
    expect(repeat!.statusCode).toBe(409)
    expect(page(repeat!).errorSummary[0]!.text).toContain('You sent this form twice, so one token was made')
  })

  it('makes one account', async () => {
    const admin = await createUser(t.db, 'administrator')
    const email = `twice.${Date.now()}@kent.gov.uk`
    const answers = await sendTwice(await signIn(admin), '/admin/users/new', '/admin/users/new', {
      displayName: 'Sent Twice',
      email,
      role: 'la-analyst',
      laCode: '886',
      password: 'a long enough passphrase',
    })
    expect(answers.map((answer) => answer.statusCode)).toEqual([303, 303])
    expect(await t.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(1)
  })

  it('still takes the same form sent again with other answers, or again after it was refused', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const agent = await signIn(inspector)
    const url = `/activities/${activityId}/concerns/new`
    await agent.get(url)
    const concern = (caseId: string) => ({
      caseId,
      teamLocation: 'Assessment team 2',
      issues: 'No visit since the referral.',
      significance: 'Serious.',
      discussedWith: 'Team manager.',
    })
    expect((await agent.post(url, { ...concern('0045671'), discussedWith: '' })).statusCode).toBe(400)
    await agent.get(url)
    expect((await agent.post(url, concern('0045671'))).statusCode).toBe(303)
    // The back button: the same page, its form changed and sent again, is a new record.
    expect((await agent.post(url, concern('0099999'))).statusCode).toBe(303)
    expect(await count('cases_of_concern', activityId)).toBe(2)
  })
})
