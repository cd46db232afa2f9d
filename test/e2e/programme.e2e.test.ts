import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import {
  browserAvailable,
  launchBrowser,
  type RunningService,
  signIn,
  startService,
  verifyOnPage,
} from './support/browser.js'

describe.skipIf(!browserAvailable)('the programme planner in a browser', () => {
  let service: RunningService
  let browser: Browser

  beforeAll(async () => {
    service = await startService()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  it('a regional director sees the plan, checks a proposal and commits it, with no axe violations', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, `regional-director@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
    await page.getByRole('navigation', { name: 'Service menu' }).getByRole('link', { name: 'Programme' }).click()
    await verifyOnPage(page, 'Programme for South East', 'programme-plan')
    expect(await page.locator('svg.app-chart').count()).toBe(2)

    await page.getByRole('button', { name: 'Propose an inspection or visit' }).click()
    await verifyOnPage(page, 'Propose an inspection or visit', 'programme-propose')
    await page.getByLabel('Local authority').selectOption('886')
    await page.getByLabel('Focused visit').check()
    await page.getByLabel('The front door').check()
    await page.getByLabel('Day', { exact: true }).fill('3')
    await page.getByLabel('Month', { exact: true }).fill('8')
    await page.getByLabel('Year', { exact: true }).fill('2027')
    await page.getByRole('button', { name: 'Check the proposal' }).click()
    await verifyOnPage(page, 'Propose an inspection or visit', 'programme-checked')
    expect(await page.locator('#checks ~ div table').textContent()).toContain('August')
    await page.getByRole('button', { name: 'Plan this activity' }).click()
    await verifyOnPage(page, 'Propose an inspection or visit', 'programme-confirm-error')
    await page.getByLabel(/I have read the/).check()
    await page.getByRole('button', { name: 'Plan this activity' }).click()
    await verifyOnPage(page, 'Focused visit of Kent', 'programme-committed')

    await page.goto(`${service.baseUrl}/programme/capacity`)
    await verifyOnPage(page, 'Inspector capacity and leave', 'programme-capacity')
    await page.getByRole('button', { name: 'Record leave' }).click()
    await verifyOnPage(page, 'Record leave', 'programme-leave')
    await page.getByRole('button', { name: 'Record leave' }).click()
    await verifyOnPage(page, 'Record leave', 'programme-leave-errors')
    await page.goto(`${service.baseUrl}/programme/checks`)
    await verifyOnPage(page, 'How the planner checks a proposal', 'programme-checks')
    await context.close()
  }, 120_000)
})
