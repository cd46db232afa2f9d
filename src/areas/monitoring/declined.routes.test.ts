import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Each test opens the programme of its own London LA, judged
// inadequate and published on Monday 14 September 2026.
let t: TestApp
const LONDON = 'E12000007'

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ').trim()

async function programmeOf(laCode: string) {
  await inadequateJudgement(t.db, laCode, '2026-07-06', '2026-09-14')
  const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: LONDON }))
  const opened = await director.post(`/monitoring/las/${laCode}/open`, { ...date('prePublication', '2026-09-07') })
  expect(opened.statusCode).toBe(303)
  return { director, url: opened.headers.location as string }
}

const version = async (agent: TestAgent, url: string) =>
  page(await agent.get(url))
    .$('input[name="version"]')
    .first()
    .attr('value')!

const triggerCard = async (agent: TestAgent, laCode: string) => {
  const la = page(await agent.get(`/interventions/las/${laCode}`))
  return text(
    la
      .$('.govuk-summary-card')
      .filter((_, card) => la.$(card).text().includes('The monitoring programme is not agreed'))
      .text(),
  )
}

describe('an LA that will not agree its monitoring programme (002#113, 001#3)', () => {
  it('is recorded by the regional director, told to the DfE, shown on the programme and as a trigger, until the LA accepts', async () => {
    const LA = '304'
    const { director, url } = await programmeOf(LA)
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [LA] })
    const dfe = await signIn(caseLead)
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: LA }))
    expect(page(await dcs.get(url)).$('form[action$="/declined"]').length).toBe(0)

    const missing = await director.post(`${url}/declined`, {
      ...date('declinedOn', '2026-11-16'),
      said: 'The council will not agree quarterly visits',
      persuasion: '',
      version: await version(director, url),
    })
    expect(missing.statusCode).toBe(400)
    expect(page(missing).errorSummary[0]?.text).toBe('Enter what was done to persuade the LA to agree')
    const declined = await director.post(`${url}/declined`, {
      ...date('declinedOn', '2026-11-16'),
      said: 'The council will not agree quarterly visits',
      persuasion: 'The regional director met the chief executive and the lead member',
      version: await version(director, url),
    })
    expect(declined.statusCode).toBe(303)

    // The DfE case lead is told by email, and sees it on the programme and as a trigger with its rule.
    const emails = await t.db
      .selectFrom('outbox')
      .select(['recipient', 'subject', 'body_text'])
      .where('kind', '=', 'monitoring-dfe')
      .where('subject', 'like', 'Brent:%')
      .execute()
    expect(emails.map((email) => [email.recipient, email.subject])).toEqual([
      [caseLead.email, 'Brent: the LA will not agree its monitoring programme'],
    ])
    expect(emails[0]!.body_text).toContain(
      'What Ofsted did to persuade it: The regional director met the chief executive',
    )
    const programme = page(await dfe.get(url))
    expect(text(programme.$('.govuk-warning-text').text())).toContain(
      'The LA declined this programme on 16 November 2026',
    )
    expect(text(programme.$('#declined-record').text())).toContain('The council will not agree quarterly visits')
    const trigger = await triggerCard(dfe, LA)
    expect(trigger).toContain('Recorded 16 November 2026')
    expect(trigger).toContain('Recorded on the monitoring programme')
    expect(trigger).toContain('Yes')
    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'monitoring.declined')
      .where('la_code', '=', LA)
      .executeTakeFirstOrThrow()
    expect(audit.summary).toBe(
      'The LA declined monitoring programme 1 on Monday 16 November 2026; 1 DfE case lead(s) told',
    )

    // The LA accepts a week later: the state is back, dated, and the trigger no longer stands.
    const early = await director.post(`${url}/accepted`, {
      ...date('acceptedOn', '2026-11-13'),
      version: await version(director, url),
    })
    expect(early.statusCode).toBe(400)
    expect(page(early).errorSummary[0]?.text).toBe(
      'The date must be from Monday 16 November 2026, when the LA declined, to today',
    )
    const accepted = await director.post(`${url}/accepted`, {
      ...date('acceptedOn', '2026-11-23'),
      version: await version(director, url),
    })
    expect(accepted.statusCode).toBe(303)
    const after = page(await dfe.get(url))
    expect(after.$('.govuk-warning-text').length).toBe(0)
    expect(text(after.$('#declined-record').text())).toContain('Accepted 23 November 2026')
    expect(await triggerCard(dfe, LA)).toContain('Not recorded')
    const told = await t.db
      .selectFrom('outbox')
      .select('subject')
      .where('kind', '=', 'monitoring-dfe')
      .where('subject', 'like', 'Brent:%')
      .execute()
    expect(told.map((email) => email.subject)).toContain('Brent: the LA now agrees its monitoring programme')
  })

  it('is recorded only by the regional director of the LA’s region, not by inspectors or the DfE', async () => {
    const LA = '305'
    const { url } = await programmeOf(LA)
    const form = {
      ...date('declinedOn', '2026-11-16'),
      said: 'No',
      persuasion: 'Asked twice',
    }
    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    expect((await senior.post(`${url}/declined`, form)).statusCode).toBe(403)
    const caseLead = await signIn(await createUser(t.db, 'dfe-case-lead', { laCodes: [LA] }))
    expect((await caseLead.post(`${url}/declined`, form)).statusCode).toBe(403)
    const elsewhere = await signIn(await createUser(t.db, 'regional-director', { regionCode: 'E12000008' }))
    expect((await elsewhere.post(`${url}/declined`, form)).statusCode).toBe(404)
  })
})
