import { randomUUID } from 'node:crypto'
import * as cheerio from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { publishedActivity, tinyPdf } from '../../test-support/factories/publications.js'
import { createUser } from '../../test-support/factories/users.js'
import { insertPublication } from './repository.js'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const PUBLISHED_AT = '2026-11-23T09:30:00Z'

/** A publication row written straight to the table (for states `publish` refuses to make, and for volume). */
async function storedPublication(
  activityId: string,
  laCode: string,
  overrides: {
    public?: boolean
    publishedAt?: string
    title?: string
    kind?: 'partner-letter' | 'monitoring-visit-letter'
  } = {},
): Promise<string> {
  const pdf = await t.app.services.blobs.put((await import('node:stream')).Readable.from([Buffer.from(tinyPdf())]))
  return insertPublication(t.db, {
    activityId,
    laCode,
    kind: overrides.kind ?? 'partner-letter',
    activityType: 'focused-visit',
    title: overrides.title ?? 'A letter',
    fieldworkStart: '2026-10-13',
    fieldworkEnd: '2026-10-14',
    statutoryPublicationDate: '2026-11-05',
    publishedAt: new Date(overrides.publishedAt ?? PUBLISHED_AT),
    public: overrides.public ?? true,
    judgements: null,
    pdf,
    summaryPdf: null,
    recordedBy: null,
  })
}

describe('the public pages, for a reader who is not signed in', () => {
  it('finds a published report in the national list, opens its page and its PDF', async () => {
    const { publicationId } = await publishedActivity(t.db, t.config, {
      laCode: '936',
      onsiteStart: '2026-10-12',
      fieldworkEnd: '2026-10-23',
      publishedAt: PUBLISHED_AT,
      grade: 'requires-improvement',
    })
    const reader = new TestAgent(t.app)
    const list = await reader.get('/published?region=E12000008&type=inspection-report')
    expect(list.statusCode).toBe(200)
    expect(list.headers['cache-control']).toBe('public, max-age=300')
    expect(list.headers['set-cookie']).toBeUndefined()
    const listed = page(list)
    expect(listed.heading).toBe('Published inspection reports and letters')
    const link = listed.$(`a[href="/published/${publicationId}"]`)
    expect(link.text()).toBe('Inspection of 936 children’s services')
    expect(link.closest('tr').text()).toContain('Surrey')
    expect(link.closest('tr').text()).toContain('Requires improvement to be good')

    const shown = page(await reader.get(`/published/${publicationId}`))
    expect(shown.heading).toBe('Inspection of 936 children’s services')
    expect(shown.$('main').text()).toContain('23 November 2026')
    // 21 working days after 23 October 2026 is 23 November: on time (002#216).
    expect(shown.$('main').text()).toContain('Published 21 working days after fieldwork ended; the guidance sets 21')
    expect(shown.$('main').text()).toContain('The experiences and progress of care leavers')

    const pdf = await reader.get(shown.$('a[href$="report.pdf"]').attr('href')!)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.headers['cache-control']).toBe('public, max-age=86400')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('shows nothing unpublished: an unknown id, a first monitoring letter, one not yet due, a malformed id', async () => {
    const activityId = await plannedActivity(t.db, t.config, {
      laCode: '330',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      plannedAt: '2026-09-01T10:00:00Z',
    })
    const visible = await storedPublication(activityId, '330', { title: 'Visible letter' })
    const first = await storedPublication(activityId, '330', {
      public: false,
      kind: 'monitoring-visit-letter',
      title: 'First monitoring letter',
    })
    const later = await storedPublication(activityId, '330', {
      publishedAt: '2026-11-24T09:30:00Z',
      title: 'Tomorrow’s letter',
    })
    const reader = new TestAgent(t.app)
    expect((await reader.get(`/published/${visible}`)).statusCode).toBe(200)
    for (const id of [first, later, randomUUID(), activityId]) {
      for (const suffix of ['', '/report.pdf', '/summary-for-children.pdf'])
        expect((await reader.get(`/published/${id}${suffix}`)).statusCode, `${id}${suffix}`).toBe(404)
    }
    expect((await reader.get('/published/1')).statusCode).toBe(404)
    expect((await reader.get(`/published/${visible}/summary-for-children.pdf`)).statusCode).toBe(404)
    const la = await reader.get('/published/la/330')
    expect(la.body).toContain('Visible letter')
    expect(la.body).not.toContain('First monitoring letter')
    expect(la.body).not.toContain('Tomorrow’s letter')
    expect((await reader.get('/published/la/999')).statusCode).toBe(404)
    const feed = await reader.get('/published/feed.atom')
    expect(feed.body).not.toContain(first)
    expect(feed.body).not.toContain(later)
  })

  it('filters by type, region and date, and pages through the list 20 at a time', async () => {
    // North East: County Durham (840).
    const activityId = await plannedActivity(t.db, t.config, {
      laCode: '840',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      plannedAt: '2026-09-01T10:00:00Z',
    })
    for (let n = 1; n <= 23; n += 1)
      await storedPublication(activityId, '840', {
        title: `Letter ${String(n).padStart(2, '0')}`,
        publishedAt: `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`,
      })
    const reader = new TestAgent(t.app)
    const first = page(await reader.get('/published?region=E12000001'))
    expect(first.$('[role=status]').text()).toBe('Showing 1 to 20 of 23 reports and letters')
    expect(first.$('tbody tr').first().text()).toContain('Letter 23')
    const next = first.$('.govuk-pagination__next a').attr('href')!
    expect(next).toBe('/published?region=E12000001&page=2')
    const second = page(await reader.get(next))
    expect(second.$('tbody tr')).toHaveLength(3)
    expect(second.$('tbody tr').last().text()).toContain('Letter 01')
    const dated = page(await reader.get('/published?region=E12000001&from=2026-11-10&to=2026-11-12'))
    expect(
      dated
        .$('tbody tr')
        .map((_, row) => dated.$(row).text())
        .get()
        .join(),
    ).toMatch(/Letter 12.*Letter 11.*Letter 10/s)
    expect(dated.$('tbody tr')).toHaveLength(3)
    const reports = page(await reader.get('/published?region=E12000001&type=inspection-report'))
    expect(reports.$('[role=status]').text()).toBe('No reports or letters match')
    const wrong = page(await reader.get('/published?from=next-week'))
    expect(wrong.$('#from-error').text()).toContain('Enter a date as YYYY-MM-DD')
  })

  it('lists each new publication in a valid Atom feed whose entries link their PDF', async () => {
    const { publicationId } = await publishedActivity(t.db, t.config, {
      laCode: '887',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      fieldworkEnd: '2026-10-14',
      publishedAt: PUBLISHED_AT,
    })
    const reader = new TestAgent(t.app)
    const response = await reader.get('/published/feed.atom')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    const $ = cheerio.load(response.body, { xml: { xmlMode: true } })
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom')
    for (const required of ['feed > id', 'feed > title', 'feed > updated', 'feed > author > name'])
      expect($(required).text(), required).not.toBe('')
    const entry = $('entry').filter((_, element) => $(element).find('id').text() === `urn:uuid:${publicationId}`)
    expect(entry).toHaveLength(1)
    expect(entry.find('title').text()).toBe('Focused visit to 887')
    expect(new Date(entry.find('updated').text()).toISOString()).toBe('2026-11-23T09:30:00.000Z')
    const enclosure = entry.find('link[rel=enclosure]')
    expect(enclosure.attr('type')).toBe('application/pdf')
    const href = new URL(enclosure.attr('href')!)
    expect(href.pathname).toBe(`/published/${publicationId}/report.pdf`)
    expect((await reader.get(href.pathname)).statusCode).toBe(200)
    expect(entry.find('link[rel=alternate]').attr('href')).toBe(`${t.config.baseUrl}/published/${publicationId}`)
  })

  it('shows working days from fieldwork to publication against 21 and 16, as a chart with its table', async () => {
    // Published late: fieldwork ended 2 October 2026, statutory 2 November, published 23 November (36 working days).
    await publishedActivity(t.db, t.config, {
      laCode: '370',
      onsiteStart: '2026-09-21',
      fieldworkEnd: '2026-10-02',
      publishedAt: PUBLISHED_AT,
    })
    const reader = new TestAgent(t.app)
    const shown = page(await reader.get('/published/timeliness'))
    expect(shown.heading).toBe('How long publication takes')
    expect(shown.$('svg#by-type title').text()).toContain('by type')
    const typeRow = shown.$('table').first().find('tbody tr').first()
    expect(typeRow.find('th').text()).toBe('Inspection report')
    expect(typeRow.text()).toContain('21')
    const regions = shown.$('table').eq(1)
    expect(regions.find('tbody tr')).toHaveLength(9)
    const yorkshire = regions.find('tbody tr').filter((_, row) => shown.$(row).text().includes('Yorkshire'))
    expect(yorkshire.find('td').eq(1).text()).toBe('36')
    expect(yorkshire.find('td').eq(3).text()).toBe('15')
    await publishedActivity(t.db, t.config, {
      laCode: '371',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      fieldworkEnd: '2026-10-14',
      publishedAt: PUBLISHED_AT,
    })
    const letters = page(await reader.get('/published/timeliness?type=focused-visit-letter'))
    const row = letters
      .$('table')
      .eq(1)
      .find('tbody tr')
      .filter((_, element) => letters.$(element).text().includes('Yorkshire'))
    expect(row.find('td').eq(2).text()).toBe('16')
  })

  it('chooses a local authority from a select that works without JavaScript (a GET form)', async () => {
    const reader = new TestAgent(t.app)
    const list = page(await reader.get('/published'))
    const form = list.$('form:has(select[name="la"])')
    expect(form.attr('method')).toBe('get')
    expect(form.attr('action')).toBe('/published/la')
    expect(form.find('option[value="886"]').text()).toBe('Kent')
    expect(form.find('option').first().text()).toBe('Choose a local authority')

    const chosen = await reader.get('/published/la?la=886')
    expect(chosen.statusCode).toBe(303)
    expect(chosen.headers.location).toBe('/published/la/886')
    expect(page(await reader.get(chosen.headers.location as string)).heading).toBe(
      'Kent: published reports and letters',
    )

    // Nothing chosen: the form on its own page, with an error that links to the select.
    const none = page(await reader.get('/published/la?la='))
    expect(none.heading).toBe('Choose a local authority')
    expect(none.errorSummary[0]?.text).toBe('Choose a local authority from the list')
    expect(page(await reader.get('/published/la?la=999')).errorSummary[0]?.text).toBe(
      'Choose a local authority from the list',
    )
    expect(page(await reader.get('/published/la')).errorSummary).toEqual([])
  })

  it('gives a signed-in reader the same pages, marked private', async () => {
    const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
    const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
    const list = await agent.get('/published')
    expect(list.statusCode).toBe(200)
    expect(list.headers['cache-control']).toBe('private, no-cache')
  })
})
