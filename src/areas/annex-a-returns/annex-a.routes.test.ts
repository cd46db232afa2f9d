import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook, checkedReturn } from '../../test-support/factories/annex-a.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 11 January 2027, 10:00: the day of notice for fieldwork on Monday 18 January.
let t: TestApp
let clean: Buffer
let withErrors: Buffer
/** LAs for the tests' inspections: each test inspects an LA of its own (887 is "another LA"). */
let laCodes: string[] = []

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-11T10:00:00Z') })
  clean = await annexAWorkbook({ rows: 600, asOf: '2027-01-11', seed: 7 })
  withErrors = await annexAWorkbook({ rows: 600, asOf: '2027-01-11', seed: 7, errorRate: 0.05 })
  laCodes = (await t.app.services.register.localAuthorities()).map((la) => la.laCode).filter((code) => code !== '887')
})
afterAll(async () => t.close())

/**
 * An LA's inspection, notified this morning (002#73), with the LA's analyst and the lead
 * inspector; `noticeAt` gives another time for the call.
 */
async function inspection(noticeAt = '2027-01-11T09:10:00Z') {
  const laCode = laCodes.shift()!
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    onsiteStart: '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt,
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  return { analyst, lead, activityId }
}

/** The actions the audit log holds on the activity's Annex A returns. */
async function auditEventsOf(activityId: string) {
  const returnIds = (await t.app.services.annexA.versions(activityId)).map((version) => version.id)
  return t.db.selectFrom('audit_events').select(['action', 'actor_id']).where('record_id', 'in', returnIds).execute()
}

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

describe('Annex A in the browser', () => {
  it('lets the LA upload a workbook with errors, shows them by list, row and column, and keeps every version', async () => {
    const { analyst, activityId } = await inspection()
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get(`/activities/${activityId}/annex-a`)
    const uploaded = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Kent Annex A.xlsx', content: withErrors, type: xlsx },
    )
    expect(uploaded.statusCode).toBe(303)
    const returnPath = uploaded.headers.location!
    await t.app.services.processor.drain()
    const result = page(await agent.get(returnPath))
    expect(result.heading).toBe('Annex A version 1: errors to fix')
    expect(result.errorSummary.length).toBeGreaterThan(0)
    const firstTable = result.$('.app-table-scroll table').first().text()
    expect(firstTable).toMatch(/List_\d+/)
    // The marked-up workbook opens in Excel with a summary sheet first.
    const reportHref = result.$('a[href$="report.xlsx"]').attr('href')!
    const report = await agent.get(reportHref)
    expect(report.headers['content-type']).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets[0]!.name).toBe('Annex A check')

    // A double submit of the same file is not a second version.
    await agent.get(`/activities/${activityId}/annex-a`)
    const again = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Kent Annex A.xlsx', content: withErrors, type: xlsx },
    )
    expect(again.headers.location).toContain('duplicate=1')

    // The fixed workbook becomes version 2; version 1 is kept.
    const fixed = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Kent Annex A fixed.xlsx', content: clean, type: xlsx },
    )
    await t.app.services.processor.drain()
    expect(page(await agent.get(fixed.headers.location!)).heading).toBe('Annex A version 2: no errors')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    expect(overview.$('table').first().text()).toContain('Version 1')
    const reads = await auditEventsOf(activityId)
    expect(reads.map((r) => r.action)).toEqual(
      expect.arrayContaining(['annex-a.upload', 'annex-a.read-findings', 'annex-a.read-report']),
    )
  })

  it('never lets a file it cannot read replace the last good version', async () => {
    const { analyst, activityId } = await inspection()
    // Versions 1 (with errors) and 2 (clean) are in.
    for (const content of [withErrors, clean])
      await checkedReturn(t.db, t.app.services, { activityId, uploaderId: analyst.id, content })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get(`/activities/${activityId}/annex-a`)
    // Not a workbook at all: refused at its first bytes, before it is kept.
    const notAWorkbook = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Annex A.xlsx', content: Buffer.from('this is not a spreadsheet at all'), type: xlsx },
    )
    expect(notAWorkbook.statusCode).toBe(400)
    expect(page(notAWorkbook).errorSummary[0]!.text).toContain('holds plain text, not an Excel workbook')
    // A damaged workbook is kept as a version that could not be read.
    await agent.get(`/activities/${activityId}/annex-a`)
    const damaged = Buffer.concat([clean.subarray(0, 2000), Buffer.alloc(3000, 0xff)])
    const bad = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Annex A.xlsx', content: damaged, type: xlsx },
    )
    await t.app.services.processor.drain()
    const shown = page(await agent.get(bad.headers.location!))
    expect(shown.heading).toBe('Annex A version 3: could not be read')
    expect(shown.$('main').text()).toContain('the last good version stays current')
    expect((await t.app.services.annexA.current(activityId))?.version).toBe(2)
    await agent.get(`/activities/${activityId}/annex-a`)
    const wrongType = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'notes.pdf', content: Buffer.from('%PDF-1.4'), type: 'application/pdf' },
    )
    expect(wrongType.statusCode).toBe(400)
    expect(page(wrongType).errorSummary[0]!.text).toContain('must be an Excel workbook (.xlsx)')
  })

  it('takes documents against the 1.01–3.11 checklist by their number prefix (002#262)', async () => {
    const { analyst, activityId } = await inspection()
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get(`/activities/${activityId}/annex-a`)
    const uploaded = await agent.upload(
      `/activities/${activityId}/annex-a/documents`,
      { item: '' },
      { field: 'document', name: '1.07 Workforce profile.xlsx', content: clean, type: xlsx },
    )
    expect(uploaded.statusCode).toBe(303)
    // The page it returns to says what was uploaded, as what.
    const banner = page(await agent.get(uploaded.headers.location!)).$('.govuk-notification-banner--success')
    expect(banner.text()).toContain('“1.07 Workforce profile.xlsx” uploaded as 1.07')
    // A refused upload keeps the item chosen.
    const refused = await agent.upload(
      `/activities/${activityId}/annex-a/documents`,
      { item: '1.07' },
      { field: 'document', name: 'Workforce.exe', content: clean, type: xlsx },
    )
    expect(refused.statusCode).toBe(400)
    expect(page(refused).$('#item option[selected]').attr('value')).toBe('1.07')
    // Long titles are shortened before their brackets or at a word, never cut mid-word.
    const form = page(refused)
    const options = form
      .$('#item option')
      .map((_, option) => form.$(option).text().trim())
      .get()
    expect(options).toContain('1.01 Organisational structure showing lines of reporting and accountability')
    expect(options).toContain('1.04 Arrangements to gather feedback from children and families, complaints and…')
    expect(options.join('\n')).not.toContain('includin…')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const row = overview.$('tr').filter((_, el) => overview.$(el).text().includes('1.07'))
    expect(row.text()).toContain('1.07 Workforce profile.xlsx')
    // A name with a dash and a curly apostrophe downloads under that name (RFC 6266 filename*).
    await agent.upload(
      `/activities/${activityId}/annex-a/documents`,
      { item: '' },
      {
        field: 'document',
        name: '1.08 Social workers – children’s.xlsx',
        content: clean,
        type: xlsx,
      },
    )
    const listed = page(await agent.get(`/activities/${activityId}/annex-a`))
    const link = listed.$('a').filter((_, el) => listed.$(el).text().includes('Social workers'))
    const download = await agent.get(link.attr('href')!)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''1.08%20Social%20workers%20%E2%80%93%20children%E2%80%99s.xlsx",
    )
    const unnumbered = await agent.upload(
      `/activities/${activityId}/annex-a/documents`,
      { item: '' },
      { field: 'document', name: 'Workforce.pdf', content: Buffer.from('%PDF'), type: 'application/pdf' },
    )
    expect(unnumbered.statusCode).toBe(400)
    expect(page(unnumbered).errorSummary[0]!.text).toContain('Select which Annex A item this document is for')
  })

  it('shows the profile and the case sample to the lead inspector only, and audits each read', async () => {
    const { analyst, lead, activityId } = await inspection()
    const otherAnalyst = await createUser(t.db, 'la-analyst', { laCode: '887' })
    const outsider = await createUser(t.db, 'hmi')
    await checkedReturn(t.db, t.app.services, { activityId, uploaderId: analyst.id, content: clean })
    const leadAgent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const profile = page(await leadAgent.get(`/activities/${activityId}/annex-a/profile`))
    expect(profile.heading).toBe('Profile of the children on the lists')
    expect(profile.$('svg.app-bar-chart__svg').length).toBeGreaterThan(3)
    expect(profile.$('.app-bar-chart__table').length).toBe(profile.$('svg.app-bar-chart__svg').length)
    const sample = page(await leadAgent.get(`/activities/${activityId}/case-sample?factor=disabled`))
    // S9: six months before the first day on site, Monday 18 January 2027.
    expect(sample.$('#contemporary-practice').text()).toContain('18 July 2026')
    const ids = sample
      .$('input[name="childId"]')
      .map((_, el) => sample.$(el).attr('value'))
      .get()
      .slice(0, 8)
    expect(ids.length).toBe(8)
    await leadAgent.post(`/activities/${activityId}/case-sample`, { childId: ids, reason: 'Disabled children' })
    // Each child's Remove button sits in that child's row and names the child to screen readers.
    const chosen = page(await leadAgent.get(`/activities/${activityId}/case-sample`))
    const rows = chosen.$('#sample-children tbody tr')
    expect(rows.length).toBe(8)
    const rowIds = rows.map((_, row) => chosen.$(row).find('th, td').first().text().trim()).get()
    expect([...rowIds].sort()).toEqual([...ids].sort())
    rows.each((index, row) => {
      const button = chosen.$(row).find('button')
      expect(button.text().replace(/\s+/g, ' ').trim()).toBe(`Remove child ${rowIds[index]} from the sample`)
      expect(button.find('.govuk-visually-hidden').text()).toContain(rowIds[index])
    })
    const notOnLists = await leadAgent.post(`/activities/${activityId}/case-sample`, { childIds: 'NOT-A-CHILD' })
    expect(page(notOnLists).errorSummary[0]!.text).toContain('not on the Annex A lists: NOT-A-CHILD')
    const tooFew = await leadAgent.post(`/activities/${activityId}/case-sample/audited-cases`, {
      audited: ids.slice(0, 3),
    })
    expect(page(tooFew).errorSummary[0]!.text).toContain('between 6 and 12')
    expect(
      (await leadAgent.post(`/activities/${activityId}/case-sample/audited-cases`, { audited: ids.slice(0, 6) }))
        .statusCode,
    ).toBe(303)

    // The LA sees which audited cases are requested, by child ID only, but not the profile.
    const la = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    expect(
      page(await la.get(`/activities/${activityId}/annex-a`))
        .$('main')
        .text(),
    ).toContain(ids[0]!)
    expect((await la.get(`/activities/${activityId}/annex-a/profile`)).statusCode).toBe(403)
    // Inspection support and a director off the team see the overview, never the child IDs.
    for (const role of ['inspection-support', 'national-director'] as const) {
      const ofsted = await createUser(t.db, role)
      const overview = await (
        await new TestAgent(t.app).signIn(ofsted.email, ofsted.password)
      ).get(`/activities/${activityId}/annex-a`)
      expect(overview.statusCode, role).toBe(200)
      for (const id of ids) expect(overview.body, role).not.toContain(id)
    }
    const idReads = await t.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'case-sample.read-requested')
      .where('record_id', '=', activityId)
      .execute()
    expect(idReads.map((read) => read.actor_id)).toEqual([analyst.id])
    // An inspector not on the team, and another LA, get nothing.
    const stranger = await new TestAgent(t.app).signIn(outsider.email, outsider.password)
    expect((await stranger.get(`/activities/${activityId}/annex-a/profile`)).statusCode).toBe(404)
    const other = await new TestAgent(t.app).signIn(otherAnalyst.email, otherAnalyst.password)
    expect((await other.get(`/activities/${activityId}/annex-a`)).statusCode).toBe(404)
    const reads = (await auditEventsOf(activityId)).filter((event) =>
      ['annex-a.read-profile', 'annex-a.read-children'].includes(event.action),
    )
    expect(reads.every((read) => read.actor_id === lead.id)).toBe(true)
    expect(reads.length).toBeGreaterThanOrEqual(2)
  })
})

describe('Annex A deadlines', () => {
  it('shows the LA the deadlines counted from a late notice call (002#242), with fieldwork unchanged (002#75)', async () => {
    // Notice was due on Monday 11 January 2027 for fieldwork on Monday 18 January; the call was
    // made on Tuesday 12 January, so every deadline is a working day later.
    const { analyst, activityId } = await inspection('2027-01-12T09:10:00Z')
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const deadlines = overview
      .$('.govuk-summary-list__row')
      .map((_, row) => overview.$(row).text().replace(/\s+/g, ' ').trim())
      .get()
    const due = (label: string) => deadlines.find((row) => row.includes(label))
    expect(due('Notification and request')).toContain('Tuesday 12 January 2027')
    expect(due('child-level data lists')).toContain('Wednesday 13 January 2027')
    expect(due('audits it completed')).toContain('Wednesday 13 January 2027')
    expect(due('manage services')).toContain('Thursday 14 January 2027')
    expect(due('specific children’s cases')).toContain('Friday 15 January 2027')
    expect((await t.app.services.activities.details(activityId)).activity.onsiteStart).toBe('2027-01-18')
  })
})

describe('Annex A through the API', () => {
  it('takes a return from an LA’s own system and gives back the findings as JSON', async () => {
    const { analyst, activityId } = await inspection()
    const otherAnalyst = await createUser(t.db, 'la-analyst', { laCode: '887' })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get('/account/api-tokens')
    const token = page(await agent.post('/account/api-tokens', { name: 'Case management system' }))
      .$('#new-token')
      .text()
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${activityId}/annex-a/returns?fileName=${encodeURIComponent('From CMS.xlsx')}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': xlsx },
      payload: withErrors,
    })
    expect(sent.statusCode).toBe(202)
    expect(sent.json().status).toBe('processing')
    await t.app.services.processor.drain()
    const detail = await t.app.inject({
      url: sent.headers.location as string,
      headers: { authorization: `Bearer ${token}` },
    })
    const body = detail.json()
    expect(body.status).toBe('errors')
    expect(body.lists.map((l: { list: number }) => l.list)).toContain(8)
    expect(body.findings[0]).toEqual(
      expect.objectContaining({
        rule: expect.stringMatching(/^AA-/),
        severity: expect.any(String),
        message: expect.any(String),
      }),
    )

    const otherAgent = await new TestAgent(t.app).signIn(otherAnalyst.email, otherAnalyst.password)
    await otherAgent.get('/account/api-tokens')
    const otherToken = page(await otherAgent.post('/account/api-tokens', { name: 'CMS' }))
      .$('#new-token')
      .text()
    expect(
      (await t.app.inject({ url: sent.headers.location as string, headers: { authorization: `Bearer ${otherToken}` } }))
        .statusCode,
    ).toBe(404)
    const noName = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${activityId}/annex-a/returns`,
      headers: { authorization: `Bearer ${token}`, 'content-type': xlsx },
      payload: clean,
    })
    expect(noName.statusCode).toBe(400)
    expect(noName.json().fieldErrors.fileName).toContain('fileName query parameter')
  })
})

describe('a crash while checking', () => {
  it('picks up a return another process left half-checked once its lease runs out', async () => {
    const { analyst, activityId } = await inspection()
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    await agent.get(`/activities/${activityId}/annex-a`)
    const uploaded = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Crash test.xlsx', content: clean, type: xlsx },
    )
    const returnId = uploaded.headers.location!.split('/').pop()!.split('?')[0]!
    await t.app.services.processor.drain()
    // Simulate a process that claimed the next upload and died: status processing, lease expired.
    await t.db
      .updateTable('annex_a_returns')
      .set({ status: 'processing', claimed_until: new Date('2027-01-11T09:00:00Z'), result: null })
      .where('id', '=', returnId)
      .execute()
    await t.app.services.processor.drain()
    const row = await t.db
      .selectFrom('annex_a_returns')
      .select(['status', 'claimed_until'])
      .where('id', '=', returnId)
      .executeTakeFirstOrThrow()
    expect(['valid', 'errors']).toContain(row.status)
    expect(row.claimed_until).toBeNull()
  })
})
