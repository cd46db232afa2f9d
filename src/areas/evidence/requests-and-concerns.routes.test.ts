import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Wednesday 13 January 2027, during the fieldwork of a standard inspection of Kent (886).
let t: TestApp
let lead: TestUser
let inspector: TestUser
let dcs: TestUser
let link: TestUser
let analyst: TestUser
let otherDcs: TestUser
let activityId = ''

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-13T10:00:00Z') })
  lead = await createUser(t.db, 'hmi')
  inspector = await createUser(t.db, 'hmi')
  dcs = await createUser(t.db, 'la-dcs', { laCode: '886' })
  link = await createUser(t.db, 'la-link', { laCode: '886' })
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
  otherDcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
  activityId = await notifiedActivity(t.db, t.config, {
    onsiteStart: '2027-01-11',
    plannedAt: '2026-11-23T10:00:00Z',
    noticeAt: '2027-01-04T09:00:00Z',
    dcsEmail: 'dcs@kent.example.gov.uk',
    team: [
      { userId: lead.id, teamRole: 'lead-inspector' },
      { userId: inspector.id, teamRole: 'team-inspector' },
    ],
  })
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

describe('requests for further information (002 Annex B, #167, #244)', () => {
  let rfiUrl = ''

  it('keeps a team inspector’s request from the LA until the lead agrees it (002#70)', async () => {
    const agent = await signIn(inspector)
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
    rfiUrl = raised.headers.location!
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
    const other = await signIn(otherDcs)
    expect((await other.get(`/activities/${activityId}/further-information`)).statusCode).toBe(404)
    const response = await other.get(rfiUrl)
    expect(response.statusCode).toBe(404)
    expect(response.body).not.toContain('C104532')
    expect((await other.post(`${rfiUrl}/answer`, { response: 'x' })).statusCode).toBe(404)
  })
})

describe('cases of concern (000 Annex C, 002#136)', () => {
  let concernUrl = ''
  const workingNotes =
    'Section 47 enquiry not started after the second referral; team manager could not explain the delay.'

  it('goes from the inspector to the lead, out of the LA’s sight', async () => {
    const agent = await signIn(inspector)
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
    concernUrl = raised.headers.location!
    expect((await (await signIn(dcs)).get(concernUrl)).statusCode).toBe(404)
  })

  it('is escalated by the lead with a formal note; the LA sees the case and note, not the working notes', async () => {
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
