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
const trust = (overrides: Record<string, string> = {}) => ({
  name: 'Slough Children First',
  kind: 'trust',
  basis: 's497A(4)',
  directionId: '',
  extent: 'all',
  functions: 'Children’s social care, including the help, protection and care of children and care leavers',
  email: 'director@sloughchildrenfirst.example.org.uk',
  ...date('since', '2015-10-01'),
  ...overrides,
})

/**
 * An LA judged inadequate whose DfE case lead opens its intervention record and records a
 * direction to contract out its children's services, issued 6 November 2026.
 */
async function directedLa(laCode: string) {
  await inadequateJudgement(t.db, laCode, '2026-09-14', '2026-11-06')
  const dfe = await signIn(await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] }))
  const opened = await dfe.post(`/interventions/las/${laCode}/open`, { ...date('dfeToldOn', '2026-10-28'), note: '' })
  const recordUrl = opened.headers.location as string
  const instrument = await dfe.post(`${recordUrl}/instruments/new`, {
    form: 'contract-out-or-transfer',
    issuer: 'Minister of State for Children and Families',
    ...date('issuedOn', '2026-11-06'),
    areasOfImprovement: 'Help and protection',
    improvementsRequired: 'Services run by a trust',
    assessment: 'Quarterly reviews',
    ifNotAchieved: 'Further direction',
  })
  expect(instrument.statusCode).toBe(303)
  return { dfe, recordUrl }
}

describe('a body running children’s services under delegated functions (002#227-237)', () => {
  it('the DfE case lead records the trust with the direction it follows; the LA page shows it to the DCS', async () => {
    const laCode = '871' // Slough
    const { dfe, recordUrl } = await directedLa(laCode)

    const form = page(await dfe.get(`/register/${laCode}/delivery/new`))
    expect(form.heading).toBe('Record a body with delegated functions')
    const direction = form.$('#directionId option').last()
    expect(direction.text()).toBe('Issued 6 November 2026 by Minister of State for Children and Families')

    const voluntary = await dfe.post(
      `/register/${laCode}/delivery/new`,
      trust({ basis: 'voluntary', directionId: direction.attr('value')! }),
    )
    expect(voluntary.statusCode).toBe(400)
    expect(page(voluntary).errorSummary[0]).toEqual({
      text: 'A voluntary arrangement follows no direction: select “No direction recorded”',
      href: '#directionId',
    })
    const saved = await dfe.post(`/register/${laCode}/delivery/new`, trust({ directionId: direction.attr('value')! }))
    expect(saved.statusCode).toBe(303)
    expect(saved.headers.location).toBe(`/register/${laCode}#delivery`)

    const la = page(await dfe.get(`/register/${laCode}`))
    const card = la.$('#delivery ~ .govuk-summary-card').first()
    expect(card.find('.govuk-summary-card__title').text()).toBe('Slough Children First (a trust, since 1 October 2015)')
    expect(card.find(`a[href="${recordUrl}"]`).text()).toContain('Direction issued 6 November 2026')
    expect(card.text()).toContain('The inspection is of the local authority (the third party acts as its agent)')
    expect(card.text()).toContain('director@sloughchildrenfirst.example.org.uk')
    // The direction's card in the intervention record names the body that follows it.
    const directionCard = page(await dfe.get(recordUrl))
      .$('.govuk-summary-card')
      .first()
    expect(directionCard.find(`a[href="/register/${laCode}#delivery"]`).text()).toBe(
      'Slough Children First (a trust, since 1 October 2015)',
    )

    // The LA's DCS sees its own LA's body, and cannot change it.
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode }))
    const own = page(await dcs.get(`/register/${laCode}`))
    expect(own.$('#delivery ~ .govuk-summary-card').first().text()).toContain('Slough Children First')
    expect(own.$('.govuk-summary-card__action a').length).toBe(0)
    expect((await dcs.get(`/register/${laCode}/delivery/new`)).statusCode).toBe(403)

    // It stops: the case lead records the end, and the change is audited.
    const changeHref = card.find('.govuk-summary-card__action a').attr('href')!
    const change = page(await dfe.get(changeHref))
    const version = change.$('input[name="version"]').attr('value')!
    const early = await dfe.post(changeHref, {
      ...trust({ directionId: direction.attr('value')! }),
      ...date('until', '2015-09-30'),
      version,
    })
    expect(page(early).errorSummary[0]?.text).toBe(
      'The date the arrangement ended must be on or after the date it started',
    )
    expect(
      (
        await dfe.post(changeHref, {
          ...trust({ directionId: direction.attr('value')! }),
          ...date('until', '2026-03-31'),
          version,
        })
      ).statusCode,
    ).toBe(303)
    expect(
      page(await dfe.get(`/register/${laCode}`))
        .$('#delivery ~ .govuk-summary-card')
        .first()
        .text(),
    ).toContain('from 1 October 2015 to 31 March 2026')
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('la_code', '=', laCode)
      .where('action', 'like', 'delivery.%')
      .orderBy('occurred_at')
      .execute()
    expect(audit.map((entry) => entry.action)).toEqual(['delivery.record', 'delivery.change'])
  })

  it('names and links the direction only for those who may see the intervention record', async () => {
    const laCode = '886' // Kent, in the South East
    const { dfe, recordUrl } = await directedLa(laCode)
    const directionId = page(await dfe.get(`/register/${laCode}/delivery/new`))
      .$('#directionId option')
      .last()
      .attr('value')!
    expect(
      (await dfe.post(`/register/${laCode}/delivery/new`, trust({ name: 'Kent Children First', directionId })))
        .statusCode,
    ).toBe(303)

    // A regional director of Yorkshire and the LA's analyst see Kent in the register, but not its
    // intervention record: the card says a direction is linked, without its dates, issuer or link.
    const elsewhere = await signIn(await createUser(t.db, 'regional-director', { regionCode: 'E12000003' }))
    const analyst = await signIn(await createUser(t.db, 'la-analyst', { laCode }))
    for (const agent of [elsewhere, analyst]) {
      expect([403, 404]).toContain((await agent.get(recordUrl)).statusCode)
      const card = page(await agent.get(`/register/${laCode}`))
        .$('#delivery ~ .govuk-summary-card')
        .first()
      expect(card.text()).toContain('Kent Children First')
      expect(card.text()).toContain('A direction recorded in the local authority’s intervention record')
      expect(card.text()).not.toContain('6 November 2026')
      expect(card.find(`a[href="${recordUrl}"]`).length).toBe(0)
    }
    // The case lead of the LA may open it: the direction is named and linked.
    const own = page(await dfe.get(`/register/${laCode}`))
      .$('#delivery ~ .govuk-summary-card')
      .first()
    expect(own.find(`a[href="${recordUrl}"]`).text()).toBe(
      'Direction issued 6 November 2026 by Minister of State for Children and Families',
    )
  })

  it('a regional director records a voluntary arrangement in their region, not in another', async () => {
    const regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000003' })
    const agent = await signIn(regional)
    const saved = await agent.post(
      '/register/371/delivery/new',
      trust({ name: 'Doncaster Children’s Services Trust', basis: 'voluntary' }),
    )
    expect(saved.statusCode).toBe(303)
    expect(
      page(await agent.get('/register/371'))
        .$('#delivery')
        .next()
        .text(),
    ).not.toContain('No trust')
    // Slough is in another region: the director's grant does not reach it.
    expect((await agent.post('/register/871/delivery/new', trust())).statusCode).toBe(404)
  })

  it('a change refused for a wrong date keeps the version it was built from, so it cannot overwrite a colleague’s', async () => {
    const [first, second] = await Promise.all(
      [1, 2].map(async () => signIn(await createUser(t.db, 'regional-director', { regionCode: 'E12000003' }))),
    )
    const body = trust({ name: 'Sheffield Children’s Trust', basis: 'voluntary' })
    expect((await first!.post('/register/373/delivery/new', body)).statusCode).toBe(303)
    const changeHref = page(await first!.get('/register/373'))
      .$('#delivery ~ .govuk-summary-card .govuk-summary-card__action a')
      .attr('href')!
    const version = page(await first!.get(changeHref))
      .$('input[name="version"]')
      .attr('value')!
    // A colleague saves a change in between.
    const theirs = page(await second!.get(changeHref))
      .$('input[name="version"]')
      .attr('value')!
    expect(
      (await second!.post(changeHref, { ...body, email: 'new@trust.example.org.uk', version: theirs })).statusCode,
    ).toBe(303)

    const wrongDate = page(await first!.post(changeHref, { ...body, ...date('until', '2015-09-30'), version }))
    expect(wrongDate.$('input[name="version"]').attr('value')).toBe(version)
    const again = page(await first!.post(changeHref, { ...body, ...date('until', '2027-03-31'), version }))
    expect(again.errorSummary[0]?.text).toBe('Someone else changed this record. Reload the page and try again.')
    expect(
      page(await first!.get('/register/373'))
        .$('#delivery ~ .govuk-summary-card')
        .first()
        .text(),
    ).not.toContain('31 March 2027')
  })
})
