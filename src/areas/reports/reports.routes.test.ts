import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxText, pdfPageCount, pdfText } from '../../documents/index.js'
import { emailsAbout } from '../../notify/outbox.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, type ReportCast, reportAt } from '../../test-support/factories/reports.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

/** The report's pages through the real app (issue 11); each test takes its own activity of Kent. */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast
let otherDcs: TestUser
let analyst: TestUser

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
  otherDcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
})
afterAll(async () => t?.close())

const as = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const versionOn = async (agent: TestAgent, url: string) =>
  page(await agent.get(url))
    .$('input[name="version"]')
    .first()
    .attr('value') ?? ''

describe('the lead inspector drafts the report', () => {
  it('starts it, changes a section, compares the two versions and downloads both files', async () => {
    const id = await atReportStage(cast, { type: 'short-inspection', onsite: '2027-01-11' })
    const lead = await as(cast.lead)
    const reportUrl = `/activities/${id}/report`
    expect(
      page(await lead.get(reportUrl))
        .$('button')
        .text(),
    ).toContain('Start the report')
    expect((await lead.post(`${reportUrl}/start`, {})).statusCode).toBe(303)
    const report = page(await lead.get(reportUrl))
    expect(report.heading).toBe('Report')
    expect(report.$('.govuk-summary-list').text()).toContain('The experiences and progress of care leavers')
    expect(report.$('table').text()).toContain('Draft report sent to the local authority for factual accuracy checks')

    const sectionUrl = `${reportUrl}/sections/leaders`
    const form = page(await lead.get(sectionUrl))
    expect(form.$('textarea[name="text"]').text()).toBe('Evidence from case 1234 supports good.')
    const saved = await lead.post(sectionUrl, {
      text: 'Leaders know their services well.\n\nThey act on what audits find.',
      judgements: 'leaders',
      note: 'First draft of the leaders section',
      version: await versionOn(lead, sectionUrl),
    })
    expect(saved.statusCode).toBe(303)
    const compare = page(await lead.get(`${reportUrl}/compare?from=1&to=2`))
    expect(compare.heading).toBe('Compare version 1 with version 2')
    expect(compare.$('ins').text()).toContain('Leaders know their services well.')
    expect(compare.$('del').text()).toContain('Evidence from case 1234 supports good.')

    const pdf = await lead.get(`${reportUrl}/versions/2/report.pdf`)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(await pdfPageCount(new Uint8Array(pdf.rawPayload))).toBeGreaterThan(1)
    const docx = await lead.get(`${reportUrl}/versions/2/report.docx`)
    expect(docxText(new Uint8Array(docx.rawPayload)).join('\n')).toContain('They act on what audits find.')

    // A stale form is refused with the page shown again, not saved over the newer version.
    const stale = await lead.post(sectionUrl, { text: 'Other words.', version: '1' })
    expect(stale.statusCode).toBe(400)
    expect(page(stale).errorSummary[0]?.text).toContain('Someone else changed this report')
  })
})

describe('who may see the report', () => {
  it('hides the draft from the LA until factual accuracy, then shows it to its DCS only', async () => {
    const id = await atReportStage(cast, { type: 'focused-visit', onsite: '2027-01-12' })
    await reportAt(cast, id, 'approved')
    const dcs = await as(cast.dcs)
    expect((await dcs.get(`/activities/${id}/report/factual-accuracy`)).statusCode).toBe(404)
    await reportAt(cast, id, 'factual-accuracy')
    const fresh = await as(cast.dcs)
    const laPage = page(await fresh.get(`/activities/${id}/report/factual-accuracy`))
    expect(laPage.heading).toBe('Factual accuracy check of the draft letter')
    expect((await fresh.get(`/activities/${id}/report`)).statusCode).toBe(403)
    expect((await (await as(otherDcs)).get(`/activities/${id}/report/factual-accuracy`)).statusCode).toBe(404)
    expect((await (await as(analyst)).get(`/activities/${id}/report/factual-accuracy`)).statusCode).toBe(403)
  })
})

describe('the status route', () => {
  it('refuses to publish an activity at report stage: only its report’s publication does', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-02-01' })
    const director = await as(cast.director)
    const version = await versionOn(director, `/activities/${id}`)
    const response = await director.post(`/activities/${id}/status`, { to: 'published', version })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary[0]?.text).toContain('published only when its report or letter is published')
    const activity = await t.app.services.activities.load(id)
    expect(activity.status).toBe('report-stage')
  })
})

describe('the final copy under embargo', () => {
  it('goes to each recipient with a link of their own that opens the embargoed PDF without signing in, and the public page once published', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-03-01' })
    await reportAt(cast, id, 'embargoed')
    const emails = await emailsAbout(t.db, id, 'report-embargoed')
    const toCqc = emails.find((email) => email.recipient === 'reports@cqc.example.gov.uk')!
    const toCouncil = emails.find((email) => email.recipient === 'chair@care-council.example.org')!
    expect(toCqc.attachmentName).toMatch(/embargoed\.pdf$/)
    const linkOf = (body: string) => new URL(/http\S+\/embargoed\/\S+/.exec(body)![0]).pathname
    expect(linkOf(toCqc.body)).not.toBe(linkOf(toCouncil.body))

    // The report page lists them, with what became of each email.
    const report = page(await (await as(cast.lead)).get(`/activities/${id}/report`))
    const rows = report.$('table:contains("Recipients of the final copy") tbody tr')
    const cqcRow = rows.filter((_, row) => report.$(row).text().includes('reports@cqc.example.gov.uk'))
    expect(cqcRow.text()).toContain('Partner inspectorate')
    expect(cqcRow.text()).toContain('Waiting to be sent')
    expect(rows.text()).toContain('Children in Care Council')
    // E6 (002#202, #212): what the report is and the rules it is checked against.
    expect(report.$('#report-kind').text()).toContain(
      'Inspection report with judgements on the Ofsted four-point scale',
    )
    expect(report.$('#report-rules').text()).toContain('no more than 10 pages (002#212)')

    const reader = new TestAgent(t.app)
    const copy = await reader.get(linkOf(toCqc.body))
    expect(copy.statusCode).toBe(200)
    expect(copy.headers['content-type']).toBe('application/pdf')
    expect(copy.headers['cache-control']).toBe('private, no-store')
    expect((await pdfText(new Uint8Array(copy.rawPayload))).join(' ')).toMatch(/EMBARGOED UNTIL/i)
    expect((await reader.get(`/embargoed/${'A'.repeat(43)}`)).statusCode).toBe(404)
    expect((await reader.get('/embargoed/short')).statusCode).toBe(404)

    const published = (await t.app.services.reports.read.page(id)).progress.find((p) => p.key === 'report.published')!
    clock.set(`${published.statutory}T09:00:00Z`)
    await t.app.services.reports.publication.runDueWork()
    const after = await reader.get(linkOf(toCqc.body))
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toBe('/published/la/886')
  })
})
