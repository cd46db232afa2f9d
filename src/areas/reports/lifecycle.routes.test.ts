import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../documents/index.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { publicationMilestones } from '../../rules/timelines/publication.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import {
  atReportStage,
  createReportCast,
  type ReportCast,
  writeEverySection,
} from '../../test-support/factories/reports.js'
import type { TestUser } from '../../test-support/factories/users.js'

/**
 * A short inspection and a focused visit, each from agreed judgements (or findings) to a public
 * document through the routes, as each person would (issue 11, "Done when"): every page's
 * statutory date is the rules core's (002#216), and each actual date is the day it happened.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast
beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '887')
})
afterAll(async () => t?.close())

const as = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const versionOn = async (agent: TestAgent, url: string) =>
  page(await agent.get(url))
    .$('input[name="version"]')
    .first()
    .attr('value') ?? ''

/** Post a form and expect the redirect of a saved form. */
async function submits(agent: TestAgent, url: string, form: Record<string, string>): Promise<void> {
  const response = await agent.post(url, form)
  expect(
    response.statusCode,
    `${url}: ${page(response)
      .errorSummary.map((e) => e.text)
      .join('; ')}`,
  ).toBe(303)
  expect(response.headers.location, url).not.toMatch(/^\/sign-in/)
}

/** The "Dates" table of the report page: [step, statutory, actual] per row. */
async function datesOf(agent: TestAgent, url: string): Promise<string[][]> {
  const shown = page(await agent.get(url))
  return shown
    .$('table:contains("Statutory and actual dates") tbody tr')
    .map(
      (_, row) =>
        [
          shown
            .$(row)
            .find('td, th')
            .map((__, cell) => shown.$(cell).text().trim())
            .get(),
        ] as never,
    )
    .get() as string[][]
}

async function walk(type: 'short-inspection' | 'focused-visit', onsite: string) {
  const visit = type === 'focused-visit'
  const id = await atReportStage(cast, { type, onsite, laCode: '887' })
  const lastDay = clock.today()
  const milestones = publicationMilestones(visit ? 'visit' : 'inspection', lastDay)
  const dateOf = (key: string) => milestones.find((m) => m.key === key)!.date
  const url = `/activities/${id}/report`

  let lead = await as(cast.lead)
  await submits(lead, `${url}/start`, {})
  await writeEverySection(cast, id)
  await submits(lead, `${url}/submit`, { version: await versionOn(lead, url) })
  const qa = await as(cast.qa)
  await submits(qa, `${url}/review/decision`, {
    decision: 'approve',
    note: '',
    version: await versionOn(qa, `${url}/review`),
  })
  if (!visit) {
    const regional = await as(cast.regional)
    await submits(regional, `${url}/review/decision`, {
      decision: 'approve',
      note: '',
      version: await versionOn(regional, `${url}/review`),
    })
  }

  const sent = dateOf('report.to-la-for-factual-accuracy')
  clock.set(`${sent}T10:00:00Z`)
  lead = await as(cast.lead) // a new day, a new session
  await submits(lead, `${url}/send-for-factual-accuracy`, { version: await versionOn(lead, url) })

  const commented = dateOf('report.factual-accuracy-due')
  clock.set(`${commented}T10:00:00Z`)
  const dcs = await as(cast.dcs)
  lead = await as(cast.lead)
  const laPage = page(await dcs.get(`${url}/factual-accuracy`))
  const anchor = laPage.$('select[name="anchor"] option[value!=""]').first().attr('value')!
  await submits(dcs, `${url}/factual-accuracy/comments`, {
    anchor,
    correction: 'Say “most” rather than “all”.',
    evidence: 'Audit of May.',
  })
  await submits(dcs, `${url}/factual-accuracy/submit`, { version: await versionOn(dcs, `${url}/factual-accuracy`) })
  const commentId = page(await lead.get(`${url}/la-comments`))
    .$('input[name="commentId"]')
    .first()
    .attr('value')!
  await submits(lead, `${url}/la-comments/responses`, { commentId, response: 'accepted', text: 'Changed.' })

  const final = dateOf('report.final-to-la')
  const published = dateOf('report.published')
  clock.set(`${final}T10:00:00Z`)
  lead = await as(cast.lead)
  const [year, month, day] = published.split('-') as [string, string, string]
  // E10 (002#224-226): the embargo page reminds the lead of letters about other agencies.
  expect(page(await lead.get(`${url}/embargo`)).$('#also-sent li')).toHaveLength(2)
  await submits(lead, `${url}/embargo`, {
    'publishAt-day': day,
    'publishAt-month': month,
    'publishAt-year': year,
    'publishAt-hour': '09',
    'publishAt-minute': '30',
    thirdPartyName: '',
    thirdPartyEmail: '',
    careCouncilName: 'Medway Children in Care Council',
    careCouncilEmail: 'chair@medway-cicc.example.org',
    partners: 'cqc',
    version: await versionOn(lead, `${url}/embargo`),
  })

  clock.set(`${published}T10:00:00Z`)
  expect((await t.app.services.reports.publication.runDueWork()).published).toBe(1)
  lead = await as(cast.lead)

  // The report page: every statutory date is the rules core's, every actual date the day it happened.
  const actual: Record<string, string> = {
    'report.to-la-for-factual-accuracy': sent,
    'report.factual-accuracy-due': commented,
    'report.final-to-la': final,
    'report.published': published,
  }
  const rows = await datesOf(lead, url)
  expect(rows.map((row) => [row[1], row[2]])).toEqual(
    milestones.map((m) => [formatDate(m.date), formatDate(actual[m.key]!)]),
  )
  // The activity's timeline shows the same actual dates beside the statutory ones.
  const timeline = page(await lead.get(`/activities/${id}/timeline`))
  const publishedRow = timeline.$(`tr:contains("${milestones.at(-1)!.label}")`).text()
  expect(publishedRow).toContain(formatDate(published))
  expect((await t.app.services.activities.load(id)).status).toBe('published')
  return { id, lastDay, published }
}

describe('from agreed judgements or findings to publication, through the routes', () => {
  it('publishes a short inspection’s report, with its judgements, on its statutory day', async () => {
    const { id } = await walk('short-inspection', '2027-03-01')
    const reader = new TestAgent(t.app)
    const list = page(await reader.get('/published/la/887'))
    const link = list.$('a:contains("Inspection of Medway")').first()
    expect(link.length).toBe(1)
    const shown = page(await reader.get(link.attr('href')!))
    expect(shown.$('main').text()).toContain('Good')
    expect(shown.$('main').text()).toContain('Published 21 working days after fieldwork ended')
    const pdf = await reader.get(`${link.attr('href')}/report.pdf`)
    expect((await pdfText(new Uint8Array(pdf.rawPayload))).join(' ')).toContain('Medway')
    expect(id).toBeTruthy()
  })

  it('publishes a focused visit’s letter, with no grade, on its statutory day', async () => {
    await walk('focused-visit', '2027-04-13')
    const reader = new TestAgent(t.app)
    const list = page(await reader.get('/published/la/887'))
    const link = list.$('a:contains("Focused visit")').first()
    expect(link.length).toBe(1)
    const shown = page(await reader.get(link.attr('href')!))
    expect(shown.$('main').text()).toContain('Published 16 working days after fieldwork ended')
    expect(shown.$('main').text()).not.toMatch(/Requires improvement|Outstanding|Inadequate/)
  })
})
