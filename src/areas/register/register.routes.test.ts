import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { earlierInspection, publishedJudgement } from '../../test-support/factories/register.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

let t: TestApp
let director: TestUser
let regional: TestUser
let analyst: TestUser

beforeAll(async () => {
  t = await buildTestApp()
  director = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
})
afterAll(async () => t.close())

const judgementForm = (overrides: Record<string, string> = {}) => ({
  activityType: 'standard-inspection',
  'inspectionStart-day': '6',
  'inspectionStart-month': '6',
  'inspectionStart-year': '2022',
  'inspectionEnd-day': '17',
  'inspectionEnd-month': '6',
  'inspectionEnd-year': '2022',
  'publishedOn-day': '29',
  'publishedOn-month': '7',
  'publishedOn-year': '2022',
  'grade-overall': 'requires-improvement',
  'grade-help-and-protection': 'requires-improvement',
  'grade-children-in-care': 'good',
  'grade-leaders': 'requires-improvement',
  ...overrides,
})

describe('the register', () => {
  it('lists all 153 LAs to Ofsted staff and filters by region', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const all = page(await agent.get('/register'))
    expect(all.heading).toBe('Register of local authorities')
    expect(all.$('tbody tr')).toHaveLength(153)
    const southEast = page(await agent.get('/register?region=E12000008'))
    expect(southEast.$('tbody tr')).toHaveLength(19)
    expect(southEast.$('tbody').text()).toContain('Kent')
    const search = page(await agent.get('/register?q=bristol'))
    expect(search.$('tbody tr').first().text()).toContain('Bristol, City of')
  })

  it('shows an LA user only their own LA, and 404 for another LA', async () => {
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const list = page(await agent.get('/register'))
    expect(list.$('tbody tr')).toHaveLength(1)
    expect(list.$('tbody').text()).toContain('Kent')
    expect((await agent.get('/register/886')).statusCode).toBe(200)
    const other = await agent.get('/register/887')
    expect(other.statusCode).toBe(404)
    expect(other.body).not.toContain('Medway')
  })

  it('records a judgement, then a correction that keeps the first version in the history', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    expect(page(await agent.get('/register/886/judgements/new?framework=ilacs-2018')).heading).toBe(
      'Record a judgement',
    )
    const saved = await agent.post('/register/886/judgements/new?framework=ilacs-2018', judgementForm())
    expect(saved.statusCode).toBe(303)
    const show = page(await agent.get('/register/886'))
    expect(show.$('.govuk-summary-card__title').first().text()).toContain(
      'Standard inspection (ILACS), published 29 July 2022',
    )
    expect(show.$('.govuk-summary-list').first().text()).toContain('Requires improvement to be good')

    const correctHref = show.$('.govuk-summary-card__action a').first().attr('href')!
    await agent.get(correctHref)
    const noReason = await agent.post(correctHref, judgementForm({ 'grade-children-in-care': 'requires-improvement' }))
    expect(noReason.statusCode).toBe(400)
    expect(page(noReason).errorSummary.map((e) => e.text)).toContain('Enter why the judgement is being corrected')
    const corrected = await agent.post(
      correctHref,
      judgementForm({
        'grade-children-in-care': 'requires-improvement',
        correctionReason: 'Children in care grade entered wrongly',
      }),
    )
    expect(corrected.statusCode).toBe(303)
    const after = page(await agent.get('/register/886'))
    expect(after.$('.govuk-summary-card')).toHaveLength(1)
    expect(after.$('.govuk-details').text()).toContain('Children in care grade entered wrongly')
    const rows = await t.db.selectFrom('judgement_records').selectAll().where('la_code', '=', '886').execute()
    expect(rows).toHaveLength(2)
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', 'in', ['judgement.record', 'judgement.correct'])
      .where('la_code', '=', '886')
      .execute()
    expect(audit.map((event) => event.action).sort()).toEqual(['judgement.correct', 'judgement.record'])
  })

  it('shows the pathway and due window from the rules core, each linked to its rule', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    // Published 29 July 2022, requires improvement: pathway 2, standard inspection due 3 years ± 6 months (002#13, P8).
    await agent.post('/register/887/judgements/new?framework=ilacs-2018', judgementForm())
    const show = page(await agent.get('/register/887'))
    const pathwayText = show.$('main').text()
    expect(pathwayText).toContain('Pathway 2')
    expect(pathwayText).toContain('Standard inspection, due 29 January 2025 to 29 January 2026')
    expect(show.$('a[href="/rules/P8"], a[href="/rules/P4"], a[href="/rules/P2"]').length).toBeGreaterThan(0)
    // P7: the 002#24 table's range of activity for requires improvement.
    expect(pathwayText).toContain('Up to two focused visits in between inspections')
    expect(show.$('a[href="/rules/P7"]').length).toBe(1)
    // On the test clock (23 November 2026) the window has closed: overdue.
    expect(pathwayText).toContain('Overdue')
    const filtered = page(await agent.get('/register?pathway=2&overdue=yes'))
    expect(filtered.$('tbody').text()).toContain('Medway')
    const dueIn = page(await agent.get('/register?due=2025-06'))
    expect(dueIn.$('tbody').text()).toContain('Medway')
    expect(
      page(await agent.get('/register?due=2027-06'))
        .$('tbody')
        .text(),
    ).not.toContain('Medway')
  })

  it('shows an inspection of 2009–2013 in the history as an earlier framework, in its own grade words', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    // Barking and Dagenham (LA_inspections_2009-2023 row 6): safeguarding good, looked after children adequate.
    await earlierInspection(t.db, {
      laCode: '301',
      publishedOn: '2012-07-27',
      grades: { safeguarding: 'good', 'looked-after-children': 'adequate' },
    })
    const show = page(await agent.get('/register/301'))
    const card = show.$('.govuk-summary-card').filter((_, el) => show.$(el).text().includes('earlier framework'))
    expect(card.find('.govuk-summary-card__title').text()).toBe(
      'Safeguarding and looked after children inspection (earlier framework), published 27 July 2012',
    )
    expect(card.text()).toContain('history only, it sets no pathway')
    expect(card.text()).toContain('Not published (only the publication date is known)')
    expect(card.text()).toMatch(/Looked after children: overall effectiveness\s*Adequate/)
    expect(card.text()).not.toContain('Requires improvement')
    // It is history only: with no judgement under the SIF or ILACS, the LA has no pathway.
    expect(show.$('main').text()).not.toContain('Pathway 1')
    expect(await t.app.services.register.show('301')).toMatchObject({ standing: undefined, pathway: undefined })
  })

  it('shows GOV.UK errors for a judgement with missing grades and impossible dates', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    await agent.get('/register/330/judgements/new?framework=ilacs-2023')
    const response = await agent.post('/register/330/judgements/new?framework=ilacs-2023', {
      activityType: 'short-inspection',
      'inspectionStart-day': '31',
      'inspectionStart-month': '2',
      'inspectionStart-year': '2024',
      'inspectionEnd-day': '9',
      'inspectionEnd-month': '2',
      'inspectionEnd-year': '2024',
      'publishedOn-day': '1',
      'publishedOn-month': '1',
      'publishedOn-year': '2030',
      'grade-overall': 'good',
    })
    expect(response.statusCode).toBe(400)
    const messages = page(response).errorSummary.map((e) => e.text)
    expect(messages).toContain('The first day of the inspection must be a real date')
    expect(messages).toContain('Select the grade for the experiences and progress of care leavers')
    expect(messages).toContain(
      'The publication date must be today or in the past: record a judgement once its report is published',
    )
    expect(page(response).title.startsWith('Error:')).toBe(true)
  })

  it('refuses a judgement for an LA outside a regional director’s region', async () => {
    const agent = await new TestAgent(t.app).signIn(regional.email, regional.password)
    expect((await agent.get('/register/887/judgements/new?framework=ilacs-2018')).statusCode).toBe(200)
    expect((await agent.get('/register/330/judgements/new?framework=ilacs-2018')).statusCode).toBe(404)
    const post = await agent.post('/register/330/judgements/new?framework=ilacs-2018', judgementForm())
    expect(post.statusCode).toBe(404)
  })

  it('keeps judgement history append-only in the database itself', async () => {
    // A judgement and an audit entry (the sign-in's) for the refused UPDATE and DELETE to reach.
    await publishedJudgement(t.db, {
      laCode: '888',
      inspectionStart: '2019-01-07',
      inspectionEnd: '2019-01-18',
      publishedOn: '2019-03-01',
      grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
    })
    await new TestAgent(t.app).signIn(director.email, director.password)
    await expect(t.db.updateTable('judgement_records').set({ published_on: '2020-01-01' }).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/)
  })
})
