import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { caseOfConcern, fieldwork } from '../../test-support/factories/evidence.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Wednesday 13 January 2027, during the fieldwork of a standard inspection (11 to 22 January).
// Each test has its own inspection, LA, team and LA accounts (factories/evidence.ts); Medway
// (887) is never one of them, so its DCS is always another LA's.
let t: TestApp
const dcsEmail = 'dcs@kent.example.gov.uk'

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-13T10:00:00Z') })
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const concernUrlOf = (activityId: string, concernId: string) => `/activities/${activityId}/concerns/${concernId}`

describe('cases of concern (000 Annex C, 002#136)', () => {
  const workingNotes =
    'Section 47 enquiry not started after the second referral; team manager could not explain the delay.'
  const raisedConcern = {
    caseId: '0045671',
    teamLocation: 'Assessment team 2, Canterbury',
    issues: workingNotes,
    significance: 'Serious: the child may be at risk of harm tonight.',
    discussedWith: 'Team manager and service manager; no plan agreed by the end of the day.',
  }

  it('goes from the inspector to the lead, out of the LA’s sight', async () => {
    const { activityId, inspector, dcs } = await fieldwork(t, { dcsEmail })
    const agent = await signIn(inspector)
    // E4 (000#Annex H/C): the inspector is told what the lead inspector will do with the concern.
    const list = page(await agent.get(`/activities/${activityId}/concerns`))
    expect(list.$('#lead-inspector-steps li').first().text()).toBe(
      'give the local authority a formal written note of the concerns, seeking a written response within a specified period',
    )
    await agent.get(`/activities/${activityId}/concerns/new`)
    const missing = await agent.post(`/activities/${activityId}/concerns/new`, { caseId: 'Kayden' })
    expect(missing.statusCode).toBe(400)
    expect(page(missing).errorSummary.map((error) => error.href)).toEqual([
      '#caseId',
      '#teamLocation',
      '#issues',
      '#significance',
      '#discussedWith',
    ])
    const raised = await agent.post(`/activities/${activityId}/concerns/new`, {
      caseId: '0045671',
      teamLocation: 'Assessment team 2, Canterbury',
      issues: workingNotes,
      significance: 'Serious: the child may be at risk of harm tonight.',
      discussedWith: 'Team manager and service manager; no plan agreed by the end of the day.',
    })
    expect(raised.statusCode).toBe(303)
    const concernUrl = raised.headers.location!
    expect((await (await signIn(dcs)).get(concernUrl)).statusCode).toBe(404)
  })

  it('is escalated by the lead with a formal note; the LA sees the case and note, not the working notes', async () => {
    const { activityId, inspector, lead, dcs, analyst } = await fieldwork(t, { dcsEmail })
    const concernUrl = concernUrlOf(activityId, await caseOfConcern(t, activityId, inspector, raisedConcern))
    const otherDcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
    const leadAgent = await signIn(lead)
    const shown = page(await leadAgent.get(concernUrl))
    expect(shown.$('#formalNote').text()).toBe(workingNotes)
    const escalated = await leadAgent.post(`${concernUrl}/escalate`, {
      formalNote:
        'Inspectors are concerned that a section 47 enquiry has not started for child 0045671 after a second referral. Please confirm the action taken to ensure the child is safe.',
      'responseDue-day': '14',
      'responseDue-month': '1',
      'responseDue-year': '2027',
    })
    expect(escalated.statusCode).toBe(303)
    const email = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'body_text'])
      .where('activity_id', '=', activityId)
      .where('kind', '=', 'case-of-concern')
      .executeTakeFirstOrThrow()
    expect(email.recipient).toBe('dcs@kent.example.gov.uk')
    expect(email.body_text).not.toContain('0045671')

    const la = await signIn(dcs)
    const seen = page(await la.get(concernUrl))
    const text = seen.$('main').text()
    expect(text).toContain('0045671')
    expect(text).toContain('Assessment team 2, Canterbury')
    expect(text).toContain('Please confirm the action taken')
    expect(text).toContain('14 January 2027')
    expect(text).not.toContain(workingNotes)
    expect(text).not.toContain('Serious: the child may be at risk')
    expect(text).not.toContain('no plan agreed')
    const reads = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'concern.read')
      .where('actor_label', '=', dcs.email)
      .execute()
    expect(reads.length).toBeGreaterThan(0)

    // The analyst has no business with cases of concern (least privilege); another LA gets 404.
    expect((await (await signIn(analyst)).get(concernUrl)).statusCode).toBe(403)
    expect((await (await signIn(otherDcs)).get(concernUrl)).statusCode).toBe(404)
  })

  it('takes the LA’s written response, then the lead’s findings, which the LA sees', async () => {
    // Raised by the team inspector and referred by the lead, its response due tomorrow.
    const { activityId, inspector, lead, dcs, link } = await fieldwork(t, { dcsEmail })
    const concernUrl = concernUrlOf(
      activityId,
      await caseOfConcern(t, activityId, inspector, raisedConcern, { referredBy: lead, responseDue: '2027-01-14' }),
    )
    const la = await signIn(link)
    await la.get(concernUrl)
    expect(
      (
        await la.post(`${concernUrl}/response`, {
          response:
            'The enquiry started this afternoon; the child was seen and is safe. A manager has reviewed the team’s open referrals.',
        })
      ).statusCode,
    ).toBe(303)
    const leadAgent = await signIn(lead)
    await leadAgent.get(concernUrl)
    expect(
      (
        await leadAgent.post(`${concernUrl}/findings`, {
          findings:
            'The response was prompt and the child is safe; the delay reflects a wider weakness in the timeliness of enquiries, reported under help and protection.',
        })
      ).statusCode,
    ).toBe(303)
    const seen = page(await (await signIn(dcs)).get(concernUrl))
    expect(seen.$('main').text()).toContain('Findings communicated')
    expect(seen.$('main').text()).toContain('the child is safe; the delay reflects')
    const list = page(await leadAgent.get(`/activities/${activityId}/concerns`))
    expect(list.$('tbody').text()).toContain('Case of concern 1')
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', concernUrl.split('/').pop()!)
      .where('action', 'not like', '%.read')
      .orderBy('id')
      .execute()
    expect(actions.map((row) => row.action)).toEqual([
      'concern.raise',
      'concern.escalate',
      'concern.respond',
      'concern.conclude',
    ])
  })
})
