import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxFurniture, docxText, pdfPageCount, pdfText } from '../../src/documents/index.js'
import { formatDate } from '../../src/rules/calendar/dates.js'
import { publicationMilestones } from '../../src/rules/timelines/publication.js'
import type { Milestone } from '../../src/rules/types.js'
import { settableClock } from '../../src/test-support/factories/judgements.js'
import { atReportStage, type ReportCast, writeEverySection } from '../../src/test-support/factories/reports.js'
import { createUser, type TestUser } from '../../src/test-support/factories/users.js'
import {
  browserAvailable,
  launchBrowser,
  type RunningService,
  signIn,
  startService,
  verifyOnPage,
} from './support/browser.js'

/**
 * Issue 11's walk: one standard inspection of Kent from agreed judgements to publication, in a
 * browser, as each person does their part. The factories take it on site and agree its judgements
 * (requires improvement throughout, where Kent's last judgement was good); then the lead
 * inspector starts the report, QA and the regional director approve it, the lead sends it to the
 * LA, whose DCS comments on a paragraph, the lead answers and sends the final copy under embargo,
 * the publication job publishes it on its day, and a reader who is not signed in finds it. Each
 * date on the report page is compared with the rules core (002#216); the Word and PDF files are
 * opened and read; the register's pathway moves from 1 to 2.
 */
/** The report's title, as the template writes it. */
const TITLE = /^Inspection of Kent local authority children.s services$/

describe.skipIf(!browserAvailable)(
  'a standard inspection from agreed judgements to publication',
  { timeout: 120_000 },
  () => {
    const clock = settableClock('2026-11-23T10:00:00Z')
    let service: RunningService
    let browser: Browser
    let cast: ReportCast
    let activityId: string
    let lastDay: string
    let milestones: Milestone[]
    const dateOf = (key: string) => milestones.find((m) => m.key === key)!.date

    beforeAll(async () => {
      service = await startService(clock)
      browser = await launchBrowser()
      const db = service.database.db
      cast = {
        db,
        config: service.config,
        clock,
        director: await createUser(db, 'national-director'),
        lead: await createUser(db, 'hmi'),
        qa: await createUser(db, 'qa-manager'),
        regional: await createUser(db, 'regional-director', { regionCode: 'E12000008' }),
        dcs: await createUser(db, 'la-dcs', { laCode: '886' }),
      }
      activityId = await atReportStage(cast, {
        type: 'standard-inspection',
        onsite: '2027-01-11',
        grade: 'requires-improvement',
      })
      lastDay = clock.today()
      milestones = publicationMilestones('inspection', lastDay)
    })
    afterAll(async () => {
      await browser?.close()
      await service?.close()
    })

    async function as(user?: TestUser): Promise<Page> {
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      if (user) await signIn(page, service.baseUrl, user.email, user.password)
      return page
    }
    const reportUrl = () => `${service.baseUrl}/activities/${activityId}/report`

    /** The report page's "Dates" table, row by row: step, statutory date, actual date. */
    async function datesTable(page: Page): Promise<string[][]> {
      const table = page.locator('table', { has: page.locator('caption', { hasText: 'Statutory and actual dates' }) })
      return table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td, th')).map((cell) => cell.textContent?.trim() ?? '')),
        )
    }

    /** Each statutory date is the rules core's; each actual date is `actual[key]` or "Not yet". */
    async function expectDates(page: Page, actual: Record<string, string>): Promise<void> {
      const rows = await datesTable(page)
      expect(rows).toHaveLength(milestones.length)
      milestones.forEach((milestone, index) => {
        const [step, statutory, done] = rows[index]!
        expect(step).toContain(milestone.label)
        expect(statutory).toContain(formatDate(milestone.date))
        expect(done).toBe(actual[milestone.key] ? formatDate(actual[milestone.key]!) : 'Not yet')
      })
    }

    /** Click a link that downloads a file, and return its bytes. */
    async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<Uint8Array> {
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
      return new Uint8Array(await readFile((await file.path())!))
    }

    async function pathwayOfKent(): Promise<string> {
      const page = await as(cast.director)
      await page.goto(`${service.baseUrl}/register/886`)
      const text = (await page.locator('main').textContent()) ?? ''
      await page.context().close()
      return /Pathway (\d)/.exec(text)?.[1] ?? 'none'
    }

    it('goes through every step, each date against the rules, to a public report and a new pathway', async () => {
      expect(await pathwayOfKent()).toBe('1')

      // The lead inspector starts the report from the agreed judgements, writes it and submits it.
      let page = await as(cast.lead)
      await page.goto(reportUrl())
      await page.getByRole('button', { name: 'Start the report' }).click()
      await verifyOnPage(page, 'Report', 'report-started')
      await expectDates(page, {})
      await writeEverySection(cast, activityId)
      await page.goto(`${reportUrl()}/sections/leaders`)
      await page
        .getByLabel('Text', { exact: true })
        .fill('Leaders know where practice is not yet good enough.\n\nTheir plans to improve it are recent.')
      await page.getByRole('button', { name: /Save/ }).click()
      await page.getByRole('button', { name: 'Submit for QA' }).click()
      expect(await page.locator('main').textContent()).toContain('QA review')
      await page.context().close()

      // The QA manager comments on a section and approves; the regional director approves.
      page = await as(cast.qa)
      await page.goto(`${reportUrl()}/review`)
      await verifyOnPage(page, 'Review the report', 'report-qa-review')
      await page.getByText('Comment on section 1', { exact: false }).first().click()
      await page.locator('textarea[name="comment"]').first().fill('Say which teams the summary means.')
      await page.getByRole('button', { name: 'Add the comment' }).first().click()
      expect(await page.locator('main').textContent()).toContain('Say which teams the summary means.')
      await page.getByLabel('Approve').check()
      await page.getByRole('button', { name: 'Confirm the decision' }).click()
      await page.context().close()
      page = await as(cast.regional)
      await page.goto(`${reportUrl()}/review`)
      await page.getByLabel('Approve').check()
      await page.getByRole('button', { name: 'Confirm the decision' }).click()
      await page.context().close()

      // Day 10: the lead sends the draft to the LA (002#216).
      const sentForComments = dateOf('report.to-la-for-factual-accuracy')
      clock.set(`${sentForComments}T10:00:00Z`)
      page = await as(cast.lead)
      await page.goto(reportUrl())
      await page.getByRole('button', { name: 'Send to the local authority' }).click()
      await expectDates(page, { 'report.to-la-for-factual-accuracy': sentForComments })
      await page.context().close()

      // The LA's DCS reads the draft, comments on a paragraph and submits, the next working day.
      const commented = dateOf('report.factual-accuracy-due')
      clock.set(`${commented}T11:00:00Z`)
      page = await as(cast.dcs)
      await page.goto(`${reportUrl()}/factual-accuracy`)
      await verifyOnPage(page, 'Factual accuracy check of the draft report', 'report-factual-accuracy')
      const draftPdf = await download(page, page.getByRole('link', { name: 'PDF', exact: true }))
      expect((await pdfText(draftPdf)).join(' ')).toContain('DRAFT')
      await page.getByLabel('Paragraph').selectOption({ index: 1 })
      await page.getByLabel('The correction you ask for').fill('Say “most” rather than “all”.')
      await page.getByLabel('Your evidence').fill('Our audit of May 2026.')
      await page.getByRole('button', { name: 'Add the comment' }).click()
      await page.getByRole('button', { name: 'Submit your comments' }).click()
      expect(await page.locator('main').textContent()).toMatch(/Submitted\s*\d/)
      await page.context().close()

      // Day 18: the lead accepts the comment and sends the final copy under embargo.
      const finalDay = dateOf('report.final-to-la')
      clock.set(`${finalDay}T10:00:00Z`)
      page = await as(cast.lead)
      await page.goto(`${reportUrl()}/la-comments`)
      await page.getByLabel('Accepted, and changed').check()
      await page.getByLabel('The change you made, or why you do not accept it').fill('Changed to “most”.')
      await page.getByRole('button', { name: 'Save the answer' }).click()
      await page.goto(`${reportUrl()}/embargo`)
      await verifyOnPage(page, 'Send the final report under embargo', 'report-embargo')
      expect(await page.getByLabel('Day').inputValue()).toBe(String(Number(dateOf('report.published').slice(8))))
      await page
        .getByLabel('Name of the chair, or the worker who supports the council')
        .fill('Kent Children in Care Council')
      await page.getByLabel('Email address').nth(1).fill('chair@kent-cicc.example.org')
      await page.getByRole('button', { name: /Send the final/ }).click()
      await expectDates(page, {
        'report.to-la-for-factual-accuracy': sentForComments,
        'report.factual-accuracy-due': commented,
        'report.final-to-la': finalDay,
      })
      expect(await page.locator('main').textContent()).toContain('Kent Children in Care Council')

      // The embargoed files: Word with its watermark, a PDF within ten pages (002#212).
      const docx = await download(page, page.getByRole('link', { name: 'Word', exact: true }).first())
      expect(docxFurniture(docx).watermarks[0]).toMatch(/^EMBARGOED UNTIL/)
      expect(docxText(docx).join('\n')).toContain('Leaders know where practice is not yet good enough.')
      const embargoedPdf = await download(page, page.getByRole('link', { name: 'PDF', exact: true }).first())
      const pages = await pdfPageCount(embargoedPdf)
      expect(pages).toBeGreaterThan(1)
      expect(pages).toBeLessThanOrEqual(10)
      const embargoedText = (await pdfText(embargoedPdf)).join(' ')
      expect(embargoedText).toContain('Kent')
      expect(embargoedText).toContain('Requires improvement')
      await page.context().close()

      // Day 21: the job publishes it at 00:01.
      const publishedDay = dateOf('report.published')
      clock.set(`${publishedDay}T09:00:00Z`)
      expect((await service.app.services.reports.publication.runDueWork()).published).toBe(1)
      page = await as(cast.lead)
      await page.goto(reportUrl())
      await expectDates(page, {
        'report.to-la-for-factual-accuracy': sentForComments,
        'report.factual-accuracy-due': commented,
        'report.final-to-la': finalDay,
        'report.published': publishedDay,
      })
      await page.context().close()

      // A reader who is not signed in finds it, with its judgements and its PDF.
      page = await as()
      await page.goto(`${service.baseUrl}/published`)
      await page.getByLabel('Local authority').selectOption({ label: 'Kent' })
      await page.getByRole('button', { name: 'Show its reports and letters' }).click()
      await verifyOnPage(page, 'Kent: published reports and letters', 'report-published-la')
      await page.getByRole('link', { name: TITLE }).click()
      await verifyOnPage(page, TITLE, 'report-published')
      const main = (await page.locator('main').textContent()) ?? ''
      expect(main).toContain('Requires improvement')
      expect(main).toContain('Published 21 working days after fieldwork ended')
      const pdfHref = await page.getByRole('link', { name: /children.s services \(PDF/ }).getAttribute('href')
      const published = await page.request.get(new URL(pdfHref!, service.baseUrl).href)
      const publishedPdf = new Uint8Array(await published.body())
      expect(await pdfPageCount(publishedPdf)).toBe(pages)
      const publishedText = (await pdfText(publishedPdf)).join(' ')
      expect(publishedText).toContain('Kent')
      expect(publishedText).not.toMatch(/EMBARGOED|DRAFT/)
      await page.context().close()

      // The register learned the judgement: requires improvement puts Kent on pathway 2.
      expect(await pathwayOfKent()).toBe('2')
    })
  },
)
