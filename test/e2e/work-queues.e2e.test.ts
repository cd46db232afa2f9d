import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import type { Role } from '../../src/auth/roles.js'
import { fixedClock } from '../../src/clock.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import {
  browserAvailable,
  launchBrowser,
  type RunningService,
  signIn,
  startService,
  verifyOnPage,
} from './support/browser.js'

/**
 * Issue 10: "each role has a work queue". On the whole demo as `npm start` loads it (Monday 23
 * November 2026), each role signs in and reads "What needs you": the tasks that are theirs are
 * there, the tasks of other roles are not, and every task opens a page they may see.
 */
describe.skipIf(!browserAvailable)('each role’s work queue on the demo’s home page', { timeout: 600_000 }, () => {
  let service: RunningService
  let browser: Browser
  beforeAll(async () => {
    service = await startService(fixedClock('2026-11-23T10:00:00Z'), { wholeDemo: true })
    browser = await launchBrowser()
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  // What belongs to whom: a task that names another role's work never reaches this one.
  const LEAD_WORK = /^(Start the report|Keep-in-touch notes|QA notes to resolve|Give notice)/
  const LA_WORK = /^(Fix the errors in the Annex A lists|Send the list of audits|Send documents|Inspectors on site)/
  const PLANNING = /^(Choose a lead inspector|Plan the|Due window closes)/
  const DFE_WORK = /(intervention record|Improvement board meeting|report for |report on options for )/
  const SUPPORT_WORK = /^Arrange (notice|fieldwork)/

  const queues: ReadonlyArray<{ role: Role; has: readonly RegExp[]; not: readonly RegExp[]; every?: RegExp }> = [
    {
      role: 'qa-manager',
      has: [/^Late: draft report sent to the local authority .*: Short inspection of East Sussex/],
      not: [LEAD_WORK, LA_WORK, PLANNING, DFE_WORK, SUPPORT_WORK],
    },
    {
      role: 'inspection-support',
      has: [/^Arrange fieldwork: Short inspection of Kent/],
      not: [LEAD_WORK, LA_WORK, PLANNING, DFE_WORK, /^Late:/],
    },
    {
      role: 'hmi',
      has: [
        /^Start the report: Short inspection of East Sussex/,
        /^Keep-in-touch notes: Standard inspection of Wokingham/,
        /^Overdue from the LA: Send the list of audits: Standard inspection of Wokingham/,
      ],
      not: [LA_WORK, PLANNING, DFE_WORK, SUPPORT_WORK],
    },
    {
      role: 'regional-director',
      has: [/^Choose a lead inspector: Focused visit of Surrey/],
      not: [LEAD_WORK, LA_WORK, DFE_WORK, SUPPORT_WORK],
    },
    {
      role: 'la-dcs',
      has: [/^Fix the errors in the Annex A lists: Short inspection of Kent/, /^Inspectors on site: .*Kent/],
      not: [LEAD_WORK, PLANNING, DFE_WORK, SUPPORT_WORK],
      every: /Kent/,
    },
    {
      role: 'la-analyst',
      has: [/^Fix the errors in the Annex A lists: Short inspection of Kent/],
      not: [LEAD_WORK, PLANNING, DFE_WORK, SUPPORT_WORK],
      every: /Kent/,
    },
    {
      role: 'dfe-case-lead',
      has: [/^Adviser’s quarterly report for .* Late: due/],
      // Every inadequate LA of theirs was judged long before the demo's today: each has its record.
      not: [LEAD_WORK, LA_WORK, PLANNING, SUPPORT_WORK, /Kent/, /^New inadequate judgement/],
    },
    {
      role: 'commissioner',
      has: [/^Commissioner’s report on options for /],
      not: [LEAD_WORK, LA_WORK, PLANNING, SUPPORT_WORK, /intervention record/],
    },
  ]

  for (const { role, has, not, every } of queues)
    it(`${role}: their tasks, none of others’`, async () => {
      const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
      context.setDefaultTimeout(15_000)
      const page = await context.newPage()
      await signIn(page, service.baseUrl, `${role}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
      await verifyOnPage(page, /^Welcome, /, `home-${role}`)
      const items = page.locator('.app-needs__item')
      const texts = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim())
      // Each item begins with its urgency tag, then the task's title.
      const titles = texts.map((text) => text.replace(/^(Overdue|Today|Coming up) /, ''))
      for (const pattern of has)
        expect(
          titles.some((title) => pattern.test(title)),
          `${role} sees ${pattern}`,
        ).toBe(true)
      for (const pattern of not)
        expect(
          titles.filter((title) => pattern.test(title)),
          `${role} sees no ${pattern}`,
        ).toEqual([])
      if (every) for (const title of titles) expect(title, `${role}: only their LA`).toMatch(every)
      // Every task opens a page this person may see.
      const hrefs = await items
        .locator('a.govuk-link')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
      for (const href of new Set(hrefs)) {
        const response = await page.request.get(new URL(href, service.baseUrl).href)
        expect(response.status(), `${role}: ${href}`).toBe(200)
      }
      await context.close()
    })
})
