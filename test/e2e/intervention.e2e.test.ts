import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import { fixedClock } from '../../src/clock.js'
import { inadequateJudgement } from '../../src/test-support/factories/intervention.js'
import { publishedJudgement } from '../../src/test-support/factories/register.js'
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
 * Issue 13's walk: Walsall judged inadequate (report published Friday 24 April 2026). The
 * DfE case lead sees the alert on their home page, opens the record, names themself, records the
 * improvement notice, runs it to "in force", sets up the board, schedules the reports, records a
 * meeting with its minutes and a report received, and after a re-inspection judged requires
 * improvement lifts it. The LA's DCS reads the record without its forms; another LA's DCS is
 * refused. Then the LA's engagement cycle: the DCS shares a self-evaluation, the senior HMI
 * arranges the meeting, the DCS agrees the agenda, the senior HMI records it and sends the letter.
 */
describe.skipIf(!browserAvailable)(
  'the DfE’s intervention and the LA’s engagement, in a browser',
  { timeout: 180_000 },
  () => {
    const laCode = '335' // Walsall: its demo history's latest judgement is from 2024
    let service: RunningService
    let browser: Browser
    let dir: string
    let caseLead: TestUser
    let dcs: TestUser
    let otherDcs: TestUser

    beforeAll(async () => {
      // Monday 23 November 2026, 10:00.
      service = await startService(fixedClock('2026-11-23T10:00:00Z'))
      browser = await launchBrowser()
      await inadequateJudgement(service.database.db, laCode, '2026-03-02', '2026-04-24')
      caseLead = await createUser(service.database.db, 'dfe-case-lead', { laCodes: [laCode] })
      dcs = await createUser(service.database.db, 'la-dcs', { laCode })
      otherDcs = await createUser(service.database.db, 'la-dcs', { laCode: '886' })
      dir = await mkdtemp(join(tmpdir(), 'e2e-intervention-'))
    })
    afterAll(async () => {
      await browser?.close()
      await service?.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    async function as(who: TestUser | string): Promise<Page> {
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      if (typeof who === 'string') await signIn(page, service.baseUrl, `${who}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
      else await signIn(page, service.baseUrl, who.email, who.password)
      return page
    }

    /** Fill a GOV.UK date input, found by its fieldset's legend. */
    async function fillDate(page: Page, legend: string, iso: string): Promise<void> {
      const [year, month, day] = iso.split('-')
      const group = page.getByRole('group', { name: legend })
      await group.getByLabel('Day').fill(String(Number(day)))
      await group.getByLabel('Month').fill(String(Number(month)))
      await group.getByLabel('Year').fill(year!)
    }

    async function pdf(name: string): Promise<string> {
      const file = join(dir, name)
      await writeFile(file, `%PDF-1.4\n% ${name}\n%%EOF\n`)
      return file
    }

    async function recordStep(page: Page, label: string, on: string): Promise<void> {
      await page.getByRole('radio', { name: label, exact: true }).check()
      await fillDate(page, 'Date of the step', on)
      await page.getByRole('button', { name: 'Record step' }).click()
      await expect.poll(() => page.locator('table').first().textContent()).toContain(label)
    }

    const main = (page: Page) => page.locator('main').innerText()

    it('runs an intervention from the alert to its lifting; the LA’s DCS reads it, another LA’s is refused', async () => {
      const page = await as(caseLead)
      await verifyOnPage(page, /^Welcome, /, 'intervention-case-lead-home')
      await page
        .getByRole('link', { name: 'New inadequate judgement: open an intervention record for Walsall' })
        .click()
      await verifyOnPage(page, 'Intervention triggers and records', 'intervention-la-alert')
      const alert = page.locator('.govuk-summary-card').first()
      expect(await alert.locator('.govuk-summary-card__title').textContent()).toBe('A new inadequate judgement')
      expect(await alert.locator('a[href="/rules/G7"]').count()).toBe(1)

      await fillDate(page, 'When was the DfE told of the outcome?', '2026-04-14')
      await page.getByRole('button', { name: 'Open intervention record' }).click()
      await verifyOnPage(page, 'Intervention in Walsall', 'intervention-record-opened')
      const recordUrl = page.url()
      await recordStep(page, 'Case lead named', '2026-04-16')

      await page.getByRole('button', { name: 'Record a notice or direction' }).click()
      await verifyOnPage(page, /notice or direction/i, 'intervention-instrument')
      await page.locator('input[name="form"][value="improvement-notice"]').check()
      await page.getByLabel('Issued by').fill('Minister of State for Children and Families')
      await fillDate(page, 'When was the council consulted on its content?', '2026-04-20')
      await fillDate(page, 'Date issued', '2026-04-24')
      await fillDate(page, 'Date published (optional)', '2026-04-24')
      await page.getByLabel('Areas of improvement').fill('Help and protection; leadership')
      await page.getByLabel('What must improve').fill('Timely assessments; management oversight')
      await page.getByLabel('How and when it will be assessed').fill('Quarterly by the adviser; at re-inspection')
      await page
        .getByLabel('What follows if improvement is not achieved')
        .fill('A statutory direction under section 497A')
      await page.getByRole('button', { name: 'Save notice or direction' }).click()
      await page.waitForURL(recordUrl)
      const notice = page.locator('#instruments ~ .govuk-summary-card').first()
      expect(await notice.locator('.govuk-summary-card__title').innerText()).toBe(
        'Improvement notice, issued 24 April 2026',
      )
      expect(await notice.innerText()).toContain('Published on the day of the Ofsted report')
      await recordStep(page, 'Notice or direction drafted', '2026-04-20')
      await recordStep(page, 'Issued and published', '2026-04-24')
      await recordStep(page, 'In force', '2026-04-24')

      await page.getByRole('button', { name: 'Set up the board' }).click()
      await page.getByLabel('Chair', { exact: true }).fill('Alex Chair')
      await page.getByLabel('The chair is independent').check()
      await page.getByLabel('Members (one a line)').fill('Leader\nLead member\nDCS')
      await fillDate(page, 'Date set up', '2026-05-20')
      await page.getByRole('radio', { name: 'DfE social care adviser' }).check()
      await page.getByLabel('Name of the adviser or commissioner').fill('Sam Adviser')
      await page.getByRole('button', { name: 'Save board' }).click()
      await page.waitForURL(recordUrl)

      for (const [title, from, due] of [
        ['Adviser’s quarterly report', 'DfE social care adviser', '2026-11-16'],
        ['Improvement plan update', 'The council', '2026-12-01'],
      ] as const) {
        await page.getByLabel('Report', { exact: true }).fill(title)
        await page.getByRole('radio', { name: from, exact: true }).check()
        await fillDate(page, 'Due date', due)
        await page.getByRole('button', { name: 'Add report' }).click()
        await expect.poll(() => page.locator('#reports ~ table').first().textContent()).toContain(title)
      }
      await fillDate(page, 'Date of the meeting', '2026-11-10')
      await page.getByLabel('Summary (optional)').fill('Progress against the improvement plan')
      await page.getByLabel('Minutes (optional)').setInputFiles(await pdf('Minutes 10 November.pdf'))
      await page.getByRole('button', { name: 'Record meeting' }).click()
      await page.waitForURL(recordUrl)
      await verifyOnPage(page, 'Intervention in Walsall', 'intervention-record-in-force')
      const reports = page.locator('#reports ~ table tbody tr')
      expect(await reports.nth(0).innerText()).toContain('Late')
      expect(await reports.nth(1).innerText()).toContain('Due')
      const minutes = await page.request.get(
        new URL(
          (await page.getByRole('link', { name: 'Minutes 10 November.pdf' }).getAttribute('href'))!,
          service.baseUrl,
        ).href,
      )
      expect(minutes.status()).toBe(200)
      expect((await minutes.body()).toString()).toContain('Minutes 10 November.pdf')

      await reports
        .nth(0)
        .getByRole('link', { name: /Record received/ })
        .click()
      await fillDate(page, 'Date received', '2026-11-20')
      await page.getByLabel('The report (optional)').setInputFiles(await pdf('Adviser report.pdf'))
      await page.getByRole('button', { name: 'Save' }).click()
      await page.waitForURL(recordUrl)
      expect(await reports.nth(0).innerText()).toContain('Received 20 November 2026, 4 days late')

      // The LA's DCS: the record, with no forms, and the council's report on their home page.
      const la = await as(dcs)
      expect(await main(la)).toContain('Improvement plan update for Walsall')
      await la.goto(recordUrl)
      await verifyOnPage(la, 'Intervention in Walsall', 'intervention-record-dcs')
      expect(await la.locator('main form').count()).toBe(0)
      const other = await as(otherDcs)
      expect((await other.goto(recordUrl))?.status()).toBe(404)

      // Re-inspected in October, judged requires improvement: lifted, with 12 months of support (G4).
      await publishedJudgement(service.database.db, {
        laCode,
        inspectionStart: '2026-10-05',
        inspectionEnd: '2026-10-16',
        publishedOn: '2026-11-13',
        grades: {
          overall: 'requires-improvement',
          'help-and-protection': 'requires-improvement',
          'children-in-care': 'requires-improvement',
          leaders: 'requires-improvement',
        },
      })
      await page.reload()
      await recordStep(page, 'Re-inspected', '2026-10-16')
      await recordStep(page, 'Lifted', '2026-11-20')
      await verifyOnPage(page, 'Intervention in Walsall', 'intervention-record-lifted')
      expect(await main(page)).toContain('13 November 2027')
      expect(await page.locator('form[action$="/steps"]').count()).toBe(0)
    })

    it('runs the LA’s engagement cycle from self-evaluation to the letter (002#27-48)', async () => {
      // Dudley, judged good in 2025: it is asked for its self-evaluation (an inadequate LA is not, 002#30).
      const engagedLa = '332'
      const la = await as(await createUser(service.database.db, 'la-dcs', { laCode: engagedLa }))
      await la.goto(`${service.baseUrl}/engagement/las/${engagedLa}`)
      await verifyOnPage(la, 'Self-evaluation and annual engagement', 'engagement-la-dcs')
      await la.locator('#whatWeKnow').fill('Our front door is timely')
      await la.locator('#howWeKnow').fill('Audits and performance data')
      await la.locator('#plans').fill('Permanence planning')
      await la
        .getByLabel('Self-evaluation document (optional if you answered the questions)')
        .setInputFiles(await pdf('Self-evaluation 2026.pdf'))
      await la.getByRole('button', { name: 'Share self-evaluation' }).click()
      await expect.poll(() => main(la)).toContain('Self-evaluation 2026.pdf')

      const senior = await as('senior-hmi')
      await senior.goto(`${service.baseUrl}/engagement/las/${engagedLa}`)
      await senior.getByRole('button', { name: 'Arrange a meeting' }).click()
      await fillDate(senior, 'Date of the meeting', '2026-11-18')
      await senior.getByLabel('Ofsted attendees').fill('Regional senior HMI')
      await senior.getByLabel('Local authority attendees').fill('DCS')
      await senior.getByRole('button', { name: 'Arrange meeting' }).click()
      await senior.waitForURL(/\/engagement\/meetings\//)
      const meetingUrl = senior.url()

      await la.goto(meetingUrl)
      await la.locator('input[name="agendaItems"][value="self-evaluation-content"]').check()
      await la.locator('input[name="agendaItems"][value="focused-visit-scope"]').check()
      await la.getByRole('button', { name: 'Agree agenda' }).click()
      await expect.poll(() => main(la)).toContain('the possible scope of a focused visit')

      await senior.goto(meetingUrl)
      await senior.getByLabel('Who attended from Ofsted').fill('Regional senior HMI')
      await senior.getByLabel('Who attended from the local authority').fill('DCS; assistant director')
      await senior
        .getByLabel('Factual summary of the agenda items discussed')
        .fill('The self-evaluation and a focused visit')
      await senior.getByRole('button', { name: 'Save record' }).click()
      await expect.poll(() => main(senior)).toContain('Due by 18 December 2026')
      await fillDate(senior, 'Date sent', '2026-11-23')
      await senior.getByLabel('The possible scope of a future focused visit').fill('Children in need')
      await senior.getByLabel('The approximate timing of next year’s self-evaluation and meeting').fill('Autumn 2027')
      await senior.getByLabel('Next steps agreed by the local authority or Ofsted').fill('None')
      await senior.getByRole('button', { name: 'Record letter sent' }).click()
      await verifyOnPage(senior, /meeting/i, 'engagement-letter-sent')

      await la.goto(meetingUrl)
      expect(await la.locator('.govuk-inset-text').innerText()).toContain('not published and contains no judgements')
      expect(await main(la)).toContain('Children in need')
      const other = await as(otherDcs)
      expect((await other.goto(meetingUrl))?.status()).toBe(404)
    })
  },
)
