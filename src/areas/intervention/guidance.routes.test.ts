import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). The guidance each page takes from the rules (G3, G5, G7, O1, O2).
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('guidance from the rules on the DfE’s and the LA’s pages', () => {
  it('the board form, the open-record hint and a direction to transfer functions (G3, G5, G7)', async () => {
    const laCode = '303' // Bexley
    await inadequateJudgement(t.db, laCode, '2026-07-06', '2026-09-14')
    const user = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const agent = await new TestAgent(t.app).signIn(user.email, user.password)
    const la = page(await agent.get(`/interventions/las/${laCode}`))
    expect(la.$('#dfeToldOn-hint').text()).toContain('Once Ofsted has confirmed it internally and before publication')

    const lead = (await principalFor(t.db, user.id))!
    const context = { requestId: 'test' }
    const id = await t.app.services.intervention.open(lead, laCode, { dfeToldOn: '2026-09-01', note: '' }, context)
    await t.app.services.intervention.addInstrument(
      lead,
      id,
      {
        form: 'contract-out-or-transfer',
        issuer: 'Secretary of State for Education',
        consultedOn: null,
        issuedOn: '2026-09-14',
        publishedOn: '2026-09-14',
        basis: '',
        areasOfImprovement: 'All children’s social care functions',
        improvementsRequired: 'A trust runs the functions',
        assessment: 'By the commissioner',
        assessBy: null,
        ifNotAchieved: 'Further direction',
      },
      context,
    )
    const record = page(await agent.get(`/interventions/${id}`))
    const card = record.$('#instruments ~ .govuk-summary-card').first().text()
    expect(card).toContain('Under section 497A(4): the local authority (the third party acts as its agent)')
    expect(card).toContain('The trust: the operational content')

    const board = page(await agent.get(`/interventions/${id}/board`))
    expect(board.$('main').text()).toContain('It meets monthly to six-weekly, usually for 12 to 18 months')
  })

  it('says how a judgement without an overall grade is read as inadequate, and applies it (G2)', async () => {
    const laCode = '305' // Bromley: inspected from April 2026, help and protection inadequate
    await publishedJudgement(t.db, {
      laCode,
      framework: 'ilacs-2026',
      inspectionStart: '2026-06-08',
      inspectionEnd: '2026-06-19',
      publishedOn: '2026-08-07',
      grades: {
        'help-and-protection': 'inadequate',
        'children-in-care': 'requires-improvement',
        'care-leavers': 'good',
        leaders: 'requires-improvement',
      },
    })
    const user = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const agent = await new TestAgent(t.app).signIn(user.email, user.password)
    const la = page(await agent.get(`/interventions/las/${laCode}`))
    const reading = la.$('#inadequate-reading')
    expect(reading.text()).toContain('The latest judgement, published 7 August 2026: No overall effectiveness grade')
    expect(reading.text()).toContain('at least one area is inadequate')
    expect(reading.find('a[href="/rules/G2"]').length).toBe(1)
    expect(la.$('.govuk-summary-card').first().text()).toContain('Judged inadequate, published 7 August 2026')
  })

  it('the self-evaluation principles and who attends the engagement meeting (O1, O2)', async () => {
    const laCode = '304' // Brent
    const dcsUser = await createUser(t.db, 'la-dcs', { laCode })
    const dcs = await new TestAgent(t.app).signIn(dcsUser.email, dcsUser.password)
    expect(
      page(await dcs.get(`/engagement/las/${laCode}`))
        .$('main')
        .text(),
    ).toContain('should make sense as a standalone document')
    const seniorUser = await createUser(t.db, 'senior-hmi')
    const senior = await new TestAgent(t.app).signIn(seniorUser.email, seniorUser.password)
    const schedule = page(await senior.get(`/engagement/las/${laCode}/meetings/new`))
      .$('main')
      .text()
    expect(schedule).toContain('the chair is a regional representative from Ofsted (002#45)')
    expect(schedule).toContain('the DCS, and others for the DCS to decide')
  })
})
