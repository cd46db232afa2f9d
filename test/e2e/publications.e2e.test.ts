import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Config, loadConfig } from '../../src/config.js'
import { pdfText } from '../../src/documents/index.js'
import { demoReportPdfs } from '../../src/demo/demo-publication-documents.js'
import { addWorkingDays } from '../../src/rules/calendar/working-days.js'
import { plannedActivity } from '../../src/test-support/factories/activities.js'
import { ilacs2026Grades } from '../../src/test-support/factories/publications.js'
import { browserAvailable, launchBrowser, type RunningService, startService, verifyOnPage } from './support/browser.js'

describe.skipIf(!browserAvailable)('in a browser, a reader who is not signed in', { timeout: 180_000 }, () => {
  let service: RunningService
  let browser: Browser
  let scratch: string
  let publicationId: string

  beforeAll(async () => {
    service = await startService()
    browser = await launchBrowser()
    // Surrey's standard inspection: fieldwork 12 to 23 October 2026, its report published on
    // Monday 23 November 2026 at 9:30 (21 working days, 002#216), with the real template's PDF.
    scratch = await mkdtemp(join(tmpdir(), 'ilacs-e2e-plan-'))
    const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: scratch })
    const activityId = await plannedActivity(service.database.db, config, {
      laCode: '936',
      onsiteStart: '2026-10-12',
      plannedAt: '2026-09-10T10:00:00Z',
    })
    const grades = ilacs2026Grades('good')
    const { pdf, summary } = await demoReportPdfs({
      la: { name: 'Surrey', code: '936' },
      inspection: 'standard',
      framework: 'ilacs-2026',
      fieldwork: { start: '2026-10-12', end: '2026-10-23' },
      issued: '2026-11-23',
      grades,
    })
    const result = await service.app.services.publications.publish(
      {
        activityId,
        laId: '936',
        kind: 'inspection-report',
        title: 'Inspection of Surrey local authority children’s services',
        fieldworkStart: '2026-10-12',
        fieldworkEnd: '2026-10-23',
        statutoryPublicationDate: addWorkingDays('2026-10-23', 21),
        publishedAt: new Date('2026-11-23T09:30:00Z'),
        judgements: { framework: 'ilacs-2026', grades },
        pdf,
        childrenSummaryPdf: summary,
      },
      { requestId: 'e2e' },
    )
    publicationId = result.publicationId
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  it('finds a published report, reads its page and its PDF, and finds it in the Atom feed', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await page.goto(`${service.baseUrl}/published`)
    await verifyOnPage(page, 'Published inspection reports and letters', 'published-list')
    await page.getByLabel('Type').selectOption({ label: 'Inspection report' })
    await page.getByLabel('Region').selectOption({ label: 'South East' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await verifyOnPage(page, 'Published inspection reports and letters', 'published-list-filtered')
    expect(await page.locator('[role=status]').textContent()).toBe('Showing 1 to 1 of 1 report or letter')

    await page.getByRole('link', { name: 'Inspection of Surrey local authority children’s services' }).click()
    await verifyOnPage(page, 'Inspection of Surrey local authority children’s services', 'published-report')
    expect(page.url()).toBe(`${service.baseUrl}/published/${publicationId}`)
    expect(await page.locator('main').textContent()).toContain('Published 21 working days after fieldwork ended')

    // The PDF: what the link serves is the published file, with the LA and its judgements in it.
    const pdfLink = page.getByRole('link', { name: /Inspection of Surrey local authority children’s services \(PDF/ })
    const pdfResponse = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, service.baseUrl).href)
    expect(pdfResponse.status()).toBe(200)
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf')
    const text = (await pdfText(new Uint8Array(await pdfResponse.body()))).join(' ')
    expect(text).toContain('Surrey')
    expect(text).toContain('Good')

    await page.getByRole('link', { name: 'All reports and letters of Surrey' }).click()
    await verifyOnPage(page, 'Surrey: published reports and letters', 'published-la')

    // The feed: well-formed Atom (the browser's own XML parser), with an entry whose enclosure is this PDF.
    const feed = await page.request.get(`${service.baseUrl}/published/feed.atom`)
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
    const parsed = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml')
        const atom = 'http://www.w3.org/2005/Atom'
        return {
          error: doc.getElementsByTagName('parsererror').length > 0,
          namespace: doc.documentElement.namespaceURI,
          entries: Array.from(doc.getElementsByTagNameNS(atom, 'entry')).map((entry) => ({
            id: entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent,
            title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent,
            enclosure: Array.from(entry.getElementsByTagNameNS(atom, 'link'))
              .find((link) => link.getAttribute('rel') === 'enclosure')
              ?.getAttribute('href'),
          })),
        }
      },
      await feed.text(),
    )
    expect(parsed.error).toBe(false)
    expect(parsed.namespace).toBe('http://www.w3.org/2005/Atom')
    const entry = parsed.entries.find((candidate) => candidate.id === `urn:uuid:${publicationId}`)
    expect(entry?.title).toBe('Inspection of Surrey local authority children’s services')
    expect(new URL(entry!.enclosure!).pathname).toBe(`/published/${publicationId}/report.pdf`)

    await page.goto(`${service.baseUrl}/published/timeliness`)
    await verifyOnPage(page, 'How long publication takes', 'published-timeliness')
    await context.close()
  })

  it('works with JavaScript turned off, and says "Page not found" for an address that is not published', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Europe/London' })
    const page = await context.newPage()
    await page.goto(`${service.baseUrl}/published`)
    await page.getByLabel('Region').selectOption({ label: 'South East' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await verifyOnPage(page, 'Published inspection reports and letters', 'published-no-js', { axe: false })
    expect(await page.locator('tbody tr').count()).toBe(1)
    // Choosing a local authority is a GET form: no script needed.
    await page.getByLabel('Local authority').selectOption({ label: 'Surrey' })
    await page.getByRole('button', { name: 'Show its reports and letters' }).click()
    await verifyOnPage(page, 'Surrey: published reports and letters', 'published-la-no-js', { axe: false })
    expect(page.url()).toBe(`${service.baseUrl}/published/la/936`)
    const response = await page.goto(`${service.baseUrl}/published/00000000-0000-4000-8000-000000000000`)
    expect(response?.status()).toBe(404)
    await verifyOnPage(page, 'Page not found', 'published-not-found', { axe: false })
    await context.close()
  })
})
