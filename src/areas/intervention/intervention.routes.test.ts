import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA, so tests share only the app.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

describe('an intervention from the alert to a board with reports (issue 13)', () => {
  it('alerts the case lead, opens the record, runs its steps, notice, board, meetings and reports', async () => {
    const laCode = '330' // Birmingham
    await inadequateJudgement(t.db, laCode, '2026-09-14', '2026-11-06')
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const agent = await signIn(caseLead)

    const list = page(await agent.get('/interventions'))
    expect(list.heading).toBe('Local authorities in intervention')
    expect(list.$('main').text()).toContain('Birmingham')

    const la = page(await agent.get(`/interventions/las/${laCode}`))
    const alert = la.$('.govuk-summary-card').first()
    expect(alert.find('.govuk-summary-card__title').text()).toBe('A new inadequate judgement')
    expect(alert.text()).toContain('Yes')
    expect(alert.find('a[href="/rules/G7"]').length).toBe(1)
    // The monitoring programme beside it: 70 working days after Friday 6 November 2026 (M3).
    expect(alert.find('table').text()).toContain('17 February 2027')

    const opened = await agent.post(`/interventions/las/${laCode}/open`, {
      ...date('dfeToldOn', '2026-10-28'),
      note: 'Told by Ofsted',
    })
    expect(opened.statusCode).toBe(303)
    const recordUrl = opened.headers.location as string
    expect(
      page(await agent.get(`/interventions/las/${laCode}`))
        .$('.govuk-summary-card')
        .first()
        .text(),
    ).toContain('has opened its intervention record')

    let record = page(await agent.get(recordUrl))
    expect(record.heading).toBe('Intervention in Birmingham')
    const version = () => record.$('input[name="version"]').attr('value')!
    expect(
      (
        await agent.post(`${recordUrl}/steps`, {
          step: 'case-lead-named',
          ...date('happenedOn', '2026-10-30'),
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    record = page(await agent.get(recordUrl))
    expect(record.$('.govuk-summary-list').first().text()).toContain('Test DfE case lead')

    // An improvement notice needs the council's consultation date (004#Forms of intervention).
    const notice = {
      form: 'improvement-notice',
      issuer: 'Minister of State for Children and Families',
      ...date('issuedOn', '2026-11-06'),
      ...date('publishedOn', '2026-11-09'),
      areasOfImprovement: 'Help and protection; leadership',
      improvementsRequired: 'Timely assessments; management oversight',
      assessment: 'Quarterly by the adviser; at re-inspection',
      ifNotAchieved: 'A statutory direction under section 497A',
    }
    const refused = await agent.post(`${recordUrl}/instruments/new`, notice)
    expect(refused.statusCode).toBe(400)
    expect(page(refused).errorSummary[0]).toEqual({
      text: 'Enter when the council was consulted on the notice’s content',
      href: '#consultedOn-day',
    })
    expect(
      (await agent.post(`${recordUrl}/instruments/new`, { ...notice, ...date('consultedOn', '2026-11-02') }))
        .statusCode,
    ).toBe(303)
    record = page(await agent.get(recordUrl))
    const card = record.$('.govuk-summary-card').first()
    expect(card.text()).toContain('Improvement notice')
    expect(card.text()).toContain('Published 3 days after the Ofsted report')

    for (const [step, on] of [
      ['instrument-drafted', '2026-11-02'],
      ['issued-published', '2026-11-09'],
      ['in-force', '2026-11-09'],
    ] as const) {
      record = page(await agent.get(recordUrl))
      expect(
        (await agent.post(`${recordUrl}/steps`, { step, ...date('happenedOn', on), version: version() })).statusCode,
      ).toBe(303)
    }
    record = page(await agent.get(recordUrl))
    const wrong = await agent.post(`${recordUrl}/steps`, {
      step: 'lifted',
      ...date('happenedOn', '2026-11-20'),
      version: version(),
    })
    expect(page(wrong).errorSummary[0]?.text).toBe('Choose the next step: Re-inspected')

    await agent.get(`${recordUrl}/board`)
    const board = await agent.post(`${recordUrl}/board`, {
      chairName: 'Alex Chair',
      chairIndependent: 'yes',
      members: 'Leader\nLead member\nDCS',
      ...date('setUpOn', '2026-11-12'),
      adviserKind: 'adviser',
      adviserName: 'Sam Adviser',
    })
    expect(board.statusCode).toBe(303)

    await agent.get(recordUrl)
    for (const [title, due] of [
      ['Adviser’s first report', '2026-11-16'],
      ['Board chair’s first report', '2026-11-30'],
    ] as const)
      expect(
        (
          await agent.post(`${recordUrl}/reports`, {
            title,
            dueFrom: 'adviser',
            ownerEmail: 'adviser@example.gov.uk',
            ...date('dueOn', due),
          })
        ).statusCode,
      ).toBe(303)

    await agent.get(recordUrl)
    const meeting = await agent.upload(
      `${recordUrl}/board/meetings`,
      { ...date('metOn', '2026-11-19'), summary: 'First meeting' },
      {
        field: 'minutes',
        name: 'Minutes 19 November.pdf',
        content: Buffer.from('%PDF-1.4 minutes'),
        type: 'application/pdf',
      },
    )
    expect(meeting.statusCode).toBe(303)

    record = page(await agent.get(recordUrl))
    const reports = record.$('#reports + p + table tbody tr')
    expect(reports.eq(0).text()).toContain('Late')
    expect(reports.eq(1).text()).toContain('Due soon')
    const minutesHref = record.$('a:contains("Minutes 19 November.pdf")').attr('href')!
    const minutes = await agent.get(minutesHref)
    expect(minutes.statusCode).toBe(200)
    expect(minutes.body).toBe('%PDF-1.4 minutes')

    const receiveHref = reports.eq(0).find('a:contains("Record received")').attr('href')!
    await agent.get(receiveHref)
    const received = await agent.upload(receiveHref, date('receivedOn', '2026-11-20'), {
      field: 'report',
      name: 'Adviser report.docx',
      content: Buffer.from('report'),
    })
    expect(received.statusCode).toBe(303)
    record = page(await agent.get(recordUrl))
    expect(record.$('#reports + p + table tbody tr').eq(0).text()).toContain('Received late')

    // The LA's DCS reads their own LA's record, with no forms; another LA's DCS gets "Page not found".
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode }))
    const seen = page(await dcs.get(recordUrl))
    expect(seen.heading).toBe('Intervention in Birmingham')
    expect(seen.$('form[action$="/steps"]').length).toBe(0)
    const kent = await signIn(await createUser(t.db, 'la-dcs', { laCode: '886' }))
    expect((await kent.get(recordUrl)).statusCode).toBe(404)
  })
})

describe('the five-year trigger (G2) on the LA page', () => {
  it('shows both readings and flags where they differ', async () => {
    const laCode = '331' // Coventry
    await inadequateJudgement(t.db, laCode, '2015-01-12', '2015-03-16')
    await inadequateJudgement(t.db, laCode, '2019-09-23', '2020-05-27')
    const agent = await signIn(await createUser(t.db, 'national-director'))
    const la = page(await agent.get(`/interventions/las/${laCode}`))
    const card = la.$('.govuk-summary-card:contains("Two inadequate judgements within five years")')
    const rows = card
      .find('table tbody tr')
      .map((_, row) => la.$(row).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(rows[0]).toContain('5.2 years')
    expect(rows[0]).toContain('More than five years')
    expect(rows[1]).toContain('4.7 years')
    expect(rows[1]).toContain('Within five years')
    expect(card.text()).toContain('The readings differ')
  })
})
