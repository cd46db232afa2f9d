import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { fieldwork, furtherInformationRequest } from '../../test-support/factories/evidence.js'
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
const requestUrl = (activityId: string, rfiId: string) => `/activities/${activityId}/further-information/${rfiId}`

describe('requests for further information (002 Annex B, #167, #244)', () => {
  it('keeps a team inspector’s request from the LA until the lead agrees it (002#70)', async () => {
    const { activityId, inspector, lead, dcs } = await fieldwork(t, { dcsEmail })
    const agent = await signIn(inspector)
    // E3 (002#167, #245): who sets up, answers and keeps the record.
    const list = page(await agent.get(`/activities/${activityId}/further-information`))
    expect(list.$('#record-keeping').text()).toContain('the DCS enters responses on the record (002#167)')
    await agent.get(`/activities/${activityId}/further-information/new`)
    const raised = await agent.post(`/activities/${activityId}/further-information/new`, {
      requestType: 'information',
      caseId: 'C104532',
      reason:
        'No record of the outcome of the strategy discussion on 4 January; we cannot tell whether the child is safe.',
      'dateResponseRequired-day': '14',
      'dateResponseRequired-month': '1',
      'dateResponseRequired-year': '2027',
    })
    expect(raised.statusCode).toBe(303)
    const rfiUrl = raised.headers.location!
    const shown = page(await agent.get(rfiUrl))
    expect(shown.heading).toBe('Request for further information 1')
    expect(shown.$('main').text()).toContain('Awaiting the lead inspector')

    const la = await signIn(dcs)
    expect((await la.get(rfiUrl)).statusCode).toBe(404)
    expect(
      page(await la.get(`/activities/${activityId}/further-information`))
        .$('main')
        .text(),
    ).toContain('No requests yet')
    // The inspector cannot agree their own request; that is the lead's.
    expect((await agent.post(`${rfiUrl}/agree`, { agree: 'yes' })).statusCode).toBe(404)
    // It is on the lead's home page as something that needs them today.
    const home = page(await (await signIn(lead)).get('/'))
    const item = home.$('.app-needs__item:contains("Requests for further information")')
    expect(item.text()).toContain('1 request to agree (002#70)')
  })

  it('shows the record’s eight fields (E3)', async () => {
    const { activityId, inspector, lead } = await fieldwork(t, { dcsEmail })
    const rfiUrl = requestUrl(
      activityId,
      await furtherInformationRequest(t, activityId, inspector, { caseId: 'C104532' }),
    )
    const agent = await signIn(lead)
    const shown = page(await agent.get(rfiUrl))
    const keys = shown
      .$('.govuk-summary-list')
      .first()
      .find('.govuk-summary-list__key')
      .map((_, key) => shown.$(key).text().trim())
      .get()
    expect(keys).toEqual([
      'Requested by',
      'Date requested',
      'Date response required',
      'Date received from local authority',
      'Type of request (document or information)',
      'Case ID (if applicable)',
      'Reason for request',
      'Response from the local authority',
    ])
  })

  it('runs from the lead’s agreement to the LA’s answer and the lead’s decision', async () => {
    // A team inspector's request about one child, awaiting the lead (002#70).
    const { activityId, inspector, lead, analyst } = await fieldwork(t, { dcsEmail })
    const rfiUrl = requestUrl(
      activityId,
      await furtherInformationRequest(t, activityId, inspector, { caseId: 'C104532' }),
    )
    const leadAgent = await signIn(lead)
    await leadAgent.get(rfiUrl)
    const noDate = await leadAgent.post(`${rfiUrl}/agree`, {
      agree: 'yes',
      'dateResponseRequired-day': '',
      'dateResponseRequired-month': '',
      'dateResponseRequired-year': '',
    })
    expect(noDate.statusCode).toBe(400)
    expect(page(noDate).errorSummary[0]!.text).toBe('Enter the date the response is required')
    const agreed = await leadAgent.post(`${rfiUrl}/agree`, {
      agree: 'yes',
      'dateResponseRequired-day': '14',
      'dateResponseRequired-month': '1',
      'dateResponseRequired-year': '2027',
    })
    expect(agreed.statusCode).toBe(303)
    const email = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'subject', 'body_text'])
      .where('activity_id', '=', activityId)
      .where('kind', '=', 'further-information-request')
      .executeTakeFirstOrThrow()
    expect(email.recipient).toBe('dcs@kent.example.gov.uk')
    expect(email.body_text).toContain('Thursday 14 January 2027')
    // No child-level data in email.
    expect(email.body_text).not.toContain('C104532')

    // The LA's analyst sees it on their home page and in the record, with its deadline, and answers it.
    const la = await signIn(analyst)
    const home = page(await la.get('/'))
    expect(home.$('.app-needs__item:contains("Answer a request for further information")').text()).toContain(
      'due Thursday 14 January 2027',
    )
    const list = page(await la.get(`/activities/${activityId}/further-information`))
    expect(list.$('tbody').text()).toContain('Request 1')
    expect(list.$('tbody').text()).toContain('14 January 2027')
    expect(list.$('tbody').text()).toContain('Awaiting the LA’s response')
    const form = page(await la.get(rfiUrl))
    expect(form.$('textarea[name="response"]').length).toBe(1)
    const empty = await la.post(`${rfiUrl}/answer`, { response: '' })
    expect(page(empty).errorSummary[0]!.text).toBe('Enter the local authority’s response')
    expect(
      (
        await la.post(`${rfiUrl}/answer`, {
          response: 'The strategy discussion record is now on the file; document 2.04 sent by secure email.',
        })
      ).statusCode,
    ).toBe(303)
    expect(
      page(await la.get(rfiUrl))
        .$('main')
        .text(),
    ).toContain('Answered: awaiting decision')
    // Answering twice is refused, not applied twice.
    const twice = await la.post(`${rfiUrl}/answer`, { response: 'Again' })
    expect(twice.statusCode).toBe(400)
    expect(page(twice).errorSummary[0]!.text).toBe('Request 1 has already been answered')

    // The LA cannot decide; the lead does (002#244).
    expect((await la.post(`${rfiUrl}/decision`, { decision: 'accepted' })).statusCode).toBe(403)
    await leadAgent.get(rfiUrl)
    expect((await leadAgent.post(`${rfiUrl}/decision`, { decision: 'accepted' })).statusCode).toBe(303)
    const decided = page(await leadAgent.get(rfiUrl))
    expect(decided.$('main').text()).toContain('Accepted')
    expect(decided.$('main').text()).toContain('13 January 2027')
    const audits = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', rfiUrl.split('/').pop()!)
      .orderBy('id')
      .execute()
    expect(audits.map((audit) => audit.action)).toEqual(
      expect.arrayContaining(['rfi.raise', 'rfi.agree', 'rfi.answer', 'rfi.decide']),
    )
  })

  it('lets the lead decline a request with a reason (002#244)', async () => {
    const { activityId, inspector, lead, dcs } = await fieldwork(t, { dcsEmail })
    const agent = await signIn(inspector)
    await agent.get(`/activities/${activityId}/further-information/new`)
    const raised = await agent.post(`/activities/${activityId}/further-information/new`, {
      requestType: 'document',
      reason: 'The latest audit framework.',
      'dateResponseRequired-day': '15',
      'dateResponseRequired-month': '1',
      'dateResponseRequired-year': '2027',
    })
    const leadAgent = await signIn(lead)
    await leadAgent.get(raised.headers.location!)
    const noReason = await leadAgent.post(`${raised.headers.location!}/agree`, { agree: 'no' })
    expect(page(noReason).errorSummary[0]!.text).toMatch(/^Enter why the request is not needed/)
    expect(
      (
        await leadAgent.post(`${raised.headers.location!}/agree`, {
          agree: 'no',
          note: 'Document 1.05 of Annex A already covers it.',
        })
      ).statusCode,
    ).toBe(303)
    expect(
      page(await leadAgent.get(raised.headers.location!))
        .$('main')
        .text(),
    ).toContain('Not requested')
    expect((await (await signIn(dcs)).get(raised.headers.location!)).statusCode).toBe(404)
  })

  it('shows an unanswered request as overdue after its date', async () => {
    // Two requests already on the record, so this one is request 3.
    const { activityId, inspector, lead } = await fieldwork(t, { dcsEmail })
    await furtherInformationRequest(t, activityId, inspector)
    await furtherInformationRequest(t, activityId, inspector)
    const leadAgent = await signIn(lead)
    await leadAgent.get(`/activities/${activityId}/further-information/new`)
    const raised = await leadAgent.post(`/activities/${activityId}/further-information/new`, {
      requestType: 'document',
      reason: 'Workforce data for December.',
      'dateResponseRequired-day': '13',
      'dateResponseRequired-month': '1',
      'dateResponseRequired-year': '2027',
    })
    expect(raised.statusCode).toBe(303)
    await t.db
      .updateTable('further_information_requests')
      .set({ date_response_required: '2027-01-12' })
      .where('id', '=', raised.headers.location!.split('/').pop()!)
      .execute()
    const list = page(await leadAgent.get(`/activities/${activityId}/further-information`))
    expect(list.$('tbody tr:contains("Request 3")').text()).toContain('Overdue')
  })

  it('gives another LA’s users 404, never the request', async () => {
    // A request about one child that the LA's own users can see: the lead's, agreed as raised.
    const { activityId, lead } = await fieldwork(t, { dcsEmail })
    const rfiUrl = requestUrl(activityId, await furtherInformationRequest(t, activityId, lead, { caseId: 'C104532' }))
    const otherDcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
    const other = await signIn(otherDcs)
    expect((await other.get(`/activities/${activityId}/further-information`)).statusCode).toBe(404)
    const response = await other.get(rfiUrl)
    expect(response.statusCode).toBe(404)
    expect(response.body).not.toContain('C104532')
    expect((await other.post(`${rfiUrl}/answer`, { response: 'x' })).statusCode).toBe(404)
  })
})
