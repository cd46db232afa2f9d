import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateAnnexA } from '../../src/annex-a/index.js'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import { formatDate, formatLongDate } from '../../src/rules/calendar/dates.js'
import { timelineFor } from '../../src/rules/timelines/index.js'
import type { Milestone } from '../../src/rules/types.js'
import { settableClock } from '../../src/test-support/factories/judgements.js'
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
 * Issue 6's walk: one standard inspection of Kent in a browser, from the programme planner to
 * agreed judgements, as each person does their part. The regional director proposes it in the
 * planner and names the team; the lead inspector gives notice; the LA's analyst uploads Annex A
 * and sees what to fix; the lead reads the profile and builds the case sample; on site a team
 * inspector writes evidence and the QA manager reviews it; on the last day the lead records,
 * checks and agrees the judgements. The dates on the pages are compared with the rules core,
 * another LA's analyst is refused at every step, and every page is axe-checked and kept as a
 * screenshot.
 */
describe.skipIf(!browserAvailable)(
  'a standard inspection from the planner to agreed judgements',
  { timeout: 120_000 },
  () => {
    // Monday 23 November 2026, 08:30: notice for a first day on site of Monday 30 November.
    const clock = settableClock('2026-11-23T08:30:00Z')
    const onsite = '2026-11-30'
    const expected = timelineFor('standard-inspection', onsite)
    if (!expected.ok) throw new Error(expected.reason)
    const milestones = expected.timeline.milestones
    const dateOf = (key: string): string => milestones.find((m: Milestone) => m.key === key)!.date
    let service: RunningService
    let browser: Browser
    let dir: string
    let workbook: string
    let teamInspector: TestUser

    beforeAll(async () => {
      service = await startService(clock)
      browser = await launchBrowser()
      teamInspector = await createUser(service.database.db, 'hmi')
      dir = await mkdtemp(join(tmpdir(), 'e2e-annex-a-'))
      workbook = join(dir, 'Kent Annex A.xlsx')
      await generateAnnexA({ rows: 800, out: workbook, asOf: '2026-11-23', seed: 11, errorRate: 0.03 })
    })
    afterAll(async () => {
      await browser?.close()
      await service?.close()
      await rm(dir, { recursive: true, force: true })
    })

    async function as(who: string | TestUser): Promise<Page> {
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      if (typeof who === 'string')
        await signIn(page, service.baseUrl, who.includes('@') ? who : `${who}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
      else await signIn(page, service.baseUrl, who.email, who.password)
      return page
    }

    /** Another LA's analyst asks for this activity's pages: each is "Page not found". */
    async function otherLaIsRefused(activityUrl: string, paths: readonly string[]): Promise<void> {
      const page = await as(`la-analyst.medway@${DEMO_EMAIL_DOMAIN}`)
      for (const path of paths) {
        const response = await page.goto(`${activityUrl}${path}`)
        expect(response?.status(), `${activityUrl}${path} as Medway's analyst`).toBe(404)
      }
      await page.context().close()
    }

    /** Run one step of the walk, naming it in any failure. */
    async function step(name: string, run: () => Promise<void>): Promise<void> {
      try {
        await run()
      } catch (error) {
        if (error instanceof Error) error.message = `${name}: ${error.message}`
        throw error
      }
    }

    // One test: each step starts where the one before left the inspection.
    it('walks the inspection from the planner to agreed judgements, each person doing their part', async () => {
      clock.set('2026-11-23T08:30:00Z')
      let activityUrl = ''
      await step(
        'the regional director proposes it in the planner, sees the rules core’s dates and names the team',
        async () => {
          const page = await as('regional-director')
          await page.goto(`${service.baseUrl}/programme`)
          await page.getByRole('button', { name: 'Propose an inspection or visit' }).click()
          await verifyOnPage(page, 'Propose an inspection or visit', 'walk-propose')
          await page.getByLabel('Local authority').selectOption('886')
          await page.getByLabel('Standard inspection').check()
          await page.getByLabel('Day', { exact: true }).fill('30')
          await page.getByLabel('Month', { exact: true }).fill('11')
          await page.getByLabel('Year', { exact: true }).fill('2026')
          await page.getByRole('button', { name: 'Check the proposal' }).click()
          await verifyOnPage(page, 'Propose an inspection or visit', 'walk-proposal-checked')
          const confirm = page.getByLabel(/I have read the/)
          if (await confirm.count()) await confirm.check()
          await page.getByRole('button', { name: 'Plan this activity' }).click()
          await verifyOnPage(page, 'Standard inspection of Kent', 'walk-planned')
          activityUrl = page.url()

          await page.getByRole('link', { name: 'Timeline and dates' }).click()
          await verifyOnPage(page, 'Timeline', 'walk-timeline')
          const rows = await page
            .locator('#table tbody tr')
            .evaluateAll((trs) =>
              trs.map((tr) =>
                Array.from(tr.querySelectorAll('td, th')).map(
                  (cell) => (cell as { textContent: string | null }).textContent?.trim() ?? '',
                ),
              ),
            )
          expect(rows.map(([date, what, , rule]) => ({ date, what, rule: rule?.split(/\s/)[0] }))).toEqual(
            milestones.map((m: Milestone) => ({
              date: formatDate(m.date) + (m.until && m.until !== m.date ? ` to ${formatDate(m.until)}` : ''),
              what: m.label + (m.time ? ` (${m.time})` : ''),
              rule: m.rule,
            })),
          )

          await page.goto(`${activityUrl}/team`)
          for (const [person, role] of [
            [/^Demo His Majesty/, 'Lead inspector'],
            [/^Test His Majesty/, 'Team inspector (social care)'],
            [/^Demo QA manager/, 'Quality assurance manager'],
          ] as const) {
            const value = await page.locator('#userId option').filter({ hasText: person }).first().getAttribute('value')
            await page.getByLabel('Person').selectOption(value!)
            await page.getByLabel(role, { exact: true }).check()
            await page.getByRole('button', { name: 'Add to the team' }).click()
          }
          await verifyOnPage(page, 'Inspection team', 'walk-team')
          const team = await page.locator('main table').textContent()
          for (const role of ['Lead inspector', 'Team inspector (social care)', 'Quality assurance manager'])
            expect(team).toContain(role)

          await page.goto(`${activityUrl}/contacts`)
          await page.getByLabel('Director of children’s services (DCS)').check()
          await page.getByLabel('Name').fill('Sam Director')
          await page.getByLabel('Email address').fill('sam.director@kent.gov.uk')
          await page.getByRole('button', { name: 'Save contact' }).click()
          await verifyOnPage(page, 'Local authority contacts', 'walk-contacts')
          await page.context().close()
          // Before notice the LA does not know of the inspection (002#73), let alone another LA.
          await otherLaIsRefused(activityUrl, ['', '/timeline', '/team'])
        },
      )

      await step('the lead inspector records the 9.30am call, which sends the Annex A request', async () => {
        clock.set('2026-11-23T09:10:00Z')
        const page = await as('hmi')
        await page.goto(`${activityUrl}/notice`)
        await verifyOnPage(page, 'Notice and Annex A request', 'walk-notice-form')
        await page.locator('#calledAt-hour').fill('9')
        await page.locator('#calledAt-minute').fill('05')
        await page.getByLabel('Director of children’s services (DCS)').check()
        await page.getByLabel('Their name').fill('Sam Director')
        await page.getByRole('button', { name: 'Record the call and send the Annex A request' }).click()
        await verifyOnPage(page, 'Notice and Annex A request', 'walk-notice-given')
        expect(await page.locator('main').textContent()).toContain('Confirmation email')
        await page.context().close()
      })

      await step(
        'the LA analyst sees the deadlines the rules core gives, uploads Annex A and sees what to fix',
        async () => {
          clock.set('2026-11-23T11:00:00Z')
          const page = await as('la-analyst')
          await page.goto(`${activityUrl}/annex-a`)
          await verifyOnPage(page, 'Annex A: information for the inspection', 'walk-annex-a-request')
          const request = (await page.locator('main').textContent()) ?? ''
          for (const key of [
            'annex-a.child-level-data',
            'annex-a.audits',
            'annex-a.management-information',
            'annex-a.case-information',
          ]) {
            expect(request, key).toContain(formatLongDate(dateOf(key)))
          }
          await page.locator('#file').setInputFiles(workbook)
          await page.getByRole('button', { name: 'Upload and check' }).click()
          await service.app.services.processor.drain()
          await page.reload()
          await verifyOnPage(page, /^Annex A version 1: /, 'walk-annex-a-findings')
          expect(await page.locator('.govuk-error-summary').count()).toBe(1)
          await page.context().close()
          await otherLaIsRefused(activityUrl, ['', '/annex-a', '/annex-a/profile', '/case-sample'])
        },
      )

      await step('the lead inspector sees the profile with charts and builds the case sample', async () => {
        const page = await as('hmi')
        await page.goto(`${activityUrl}/annex-a/profile`)
        await verifyOnPage(page, 'Profile of the children on the lists', 'walk-annex-a-profile')
        await page.getByRole('button', { name: 'Build the case sample' }).click()
        await verifyOnPage(page, 'Case sample', 'walk-case-sample')
        await page.locator('input[name="childId"][type="checkbox"]').first().check()
        await page.getByRole('button', { name: 'Add to the sample' }).click()
        await verifyOnPage(page, 'Case sample', 'walk-case-sample-added')
        expect(await page.locator('#sample').textContent()).toContain('(1)')
        await page.context().close()
      })

      await step('on site, the team inspector writes evidence and the QA manager reviews it', async () => {
        clock.set(`${onsite}T13:00:00Z`)
        const lead = await as('hmi')
        await lead.goto(activityUrl)
        await lead.getByRole('button', { name: 'Mark as on site' }).click()
        await verifyOnPage(lead, 'Standard inspection of Kent', 'walk-on-site')
        expect(await lead.locator('main').textContent()).toContain('On site')
        await lead.context().close()

        clock.set(`${dateOf('onsite.evidence-gathering')}T11:00:00Z`)
        const inspector = await as(teamInspector)
        await inspector.goto(activityUrl)
        await inspector.getByRole('link', { name: 'Evidence record' }).click()
        await inspector.getByRole('button', { name: 'Add an entry' }).click()
        await inspector
          .getByLabel('Evaluation criteria heading')
          .selectOption({ label: 'Help and protection: Management oversight of frontline practice' })
        await inspector.getByLabel('1. Evaluative statement').fill('Management oversight is consistently strong.')
        await inspector.getByLabel('2. Evidence').fill('In 9 of 10 cases supervision gave clear direction.')
        await inspector.getByLabel('3. Impact on children and young people').fill('Plans progress without drift.')
        await inspector.getByLabel('Case file or case records').check()
        await inspector.getByRole('button', { name: 'Save entry' }).click()
        await verifyOnPage(inspector, 'Evidence record', 'walk-evidence')
        expect(await inspector.locator('#coverage').textContent()).toContain('1 of 17 headings')
        await inspector.context().close()

        const qa = await as('qa-manager')
        await qa.goto(`${activityUrl}/evidence`)
        await qa.getByLabel('Your note').fill('Quantify the sample; look at disabled children.')
        await qa.getByRole('button', { name: 'Add QA note' }).click()
        await verifyOnPage(qa, 'Evidence record', 'walk-evidence-qa-note')
        await qa.context().close()
        await otherLaIsRefused(activityUrl, ['/evidence'])
      })

      await step('on the last day the lead inspector records, checks and agrees the judgements', async () => {
        const lastDay = dateOf('onsite.end')
        clock.set(`${lastDay}T10:00:00Z`)
        const page = await as('hmi')
        await page.goto(activityUrl)
        await page.getByRole('link', { name: 'Judgements' }).click()
        await verifyOnPage(page, 'Judgements', 'walk-judgements')
        const links = page.getByRole('link', { name: /^Record the / })
        const areas = await links.count()
        expect(areas).toBeGreaterThanOrEqual(3)
        for (let index = 0; index < areas; index += 1) {
          await page
            .getByRole('link', { name: /^Record the / })
            .first()
            .click()
          await page.getByLabel('Good', { exact: true }).check()
          await page.getByLabel('Rationale').fill('Case 1234 and case 5678 show good practice.')
          await page.getByRole('button', { name: 'Save judgement' }).click()
          await verifyOnPage(page, 'Judgements', `walk-judgement-${index}`, { axe: index === areas - 1 })
        }
        await page.getByRole('button', { name: 'Check and confirm the judgements' }).click()
        await verifyOnPage(page, 'Check the judgements before you confirm them', 'walk-judgements-check')
        await page.getByRole('button', { name: 'Confirm the judgements' }).click()
        await verifyOnPage(page, 'Judgements', 'walk-judgements-confirmed')

        await page.goto(activityUrl)
        await page.getByRole('button', { name: 'Mark as judgements agreed' }).click()
        await verifyOnPage(page, 'Standard inspection of Kent', 'walk-judgements-agreed')
        expect(await page.locator('main').textContent()).toContain('Judgements agreed')
        await page.context().close()

        // The LA's analyst sees the activity and its stage, but not the judgements before feedback.
        const analyst = await as('la-analyst')
        const response = await analyst.goto(activityUrl)
        expect(response?.status()).toBe(200)
        await verifyOnPage(analyst, 'Standard inspection of Kent', 'walk-la-analyst-activity')
        await analyst.context().close()
        await otherLaIsRefused(activityUrl, ['', '/judgements'])
      })
    }, 300_000)
  },
)
