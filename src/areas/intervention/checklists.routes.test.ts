import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA, so tests share only the app.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

describe("the LA's checklists (issue 13; 004, G6)", () => {
  it('the DCS and the case lead answer items, each answer dated with who gave it, audited; the earlier answer kept', async () => {
    const laCode = '886' // Kent
    const dcs = await createUser(t.db, 'la-dcs', { laCode, displayName: 'Kent DCS' })
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode], displayName: 'Case Lead Kent' })
    const councilAgent = await signIn(dcs)
    const url = `/interventions/las/${laCode}/checklists`

    let checklists = page(await councilAgent.get(url))
    expect(checklists.heading).toBe('Checklists')
    expect(checklists.$('h2').text()).toContain('Signatures of risk')
    expect(checklists.$('#signatures-of-risk-12').text()).toContain(
      'not developing a culture of anticipation and early warning of issues',
    )
    expect(checklists.$('#lead-member-13').text()).toContain('peer mentor')
    expect(checklists.$('main').text()).toContain('0 of 13 answered')

    // A signature of risk needs how far it is seen.
    const refused = await councilAgent.post(url, { list: 'signatures-of-risk', item: '0', answer: 'New DCS in May' })
    expect(refused.statusCode).toBe(400)
    expect(page(refused).$('.govuk-error-summary a').attr('href')).toBe('#degree-signatures-of-risk-0')

    const answered = await councilAgent.post(url, {
      list: 'signatures-of-risk',
      item: '0',
      degree: 'in-whole',
      answer: 'Three DCSs in two years',
    })
    expect(answered.statusCode).toBe(303)
    expect(
      (await councilAgent.post(url, { list: 'reflective', item: '1', answer: 'Audits and practice weeks' })).statusCode,
    ).toBe(303)
    expect((await councilAgent.post(url, { list: 'reflective', item: '1', answer: '' })).statusCode).toBe(400)

    // The case lead answers the same signature again: the latest stands, the earlier is kept.
    const dfe = await signIn(caseLead)
    expect(
      (
        await dfe.post(url, {
          list: 'signatures-of-risk',
          item: '0',
          degree: 'in-part',
          answer: 'Interim DCS now permanent',
        })
      ).statusCode,
    ).toBe(303)
    checklists = page(await dfe.get(url))
    const first = checklists.$('#signatures-of-risk-0')
    expect(first.find('.govuk-body').first().text()).toBe('Seen in part: Interim DCS now permanent')
    expect(first.text()).toContain('Answered by Case Lead Kent, 23 November 2026')
    expect(first.find('.govuk-details').text()).toContain(
      'Seen in whole: Three DCSs in two years (Kent DCS, 23 November 2026)',
    )
    expect(checklists.$('main').text()).toContain(
      '1 of 13 answered, 1 seen in whole or in part, last answered 23 November 2026',
    )
    expect(checklists.$('#reflective-1').text()).toContain('Audits and practice weeks')

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['summary'])
      .where('action', '=', 'intervention.checklist-answer')
      .where('la_code', '=', laCode)
      .execute()
    expect(audit.map((entry) => entry.summary)).toContain(
      'Signatures of risk, item 1 (Seen in whole): answered Monday 23 November 2026',
    )
  })

  it("another LA's DCS neither sees nor answers them", async () => {
    const dcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
    const agent = await signIn(dcs)
    expect((await agent.get('/interventions/las/330/checklists')).statusCode).toBe(404)
    expect(
      (await agent.post('/interventions/las/330/checklists', { list: 'reflective', item: '0', answer: 'x' }))
        .statusCode,
    ).toBe(404)
  })
})
