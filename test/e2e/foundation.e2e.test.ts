import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import { ROLE_INFO, ROLES } from '../../src/auth/roles.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import {
  browserAvailable,
  launchBrowser,
  type RunningService,
  signIn,
  startService,
  verifyOnPage,
} from './support/browser.js'

describe.skipIf(!browserAvailable)('in a browser, every role', { timeout: 120_000 }, () => {
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

  it.each(ROLES)('%s signs in, sees home and the register, with no axe violations', async (role) => {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    const page = await context.newPage()
    await signIn(page, service.baseUrl, `${role}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
    await verifyOnPage(page, /^Welcome, /, `${role}-home`)
    expect(await page.locator('.govuk-service-navigation').textContent()).toContain(ROLE_INFO[role].label)

    await page.goto(`${service.baseUrl}/register`)
    await verifyOnPage(page, 'Register of local authorities', `${role}-register`)
    const rows = await page.locator('tbody tr').count()
    if (ROLE_INFO[role].kind === 'la') expect(rows).toBe(1)
    if (ROLE_INFO[role].kind === 'ofsted') expect(rows).toBe(153)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await verifyOnPage(page, 'You have signed out', `${role}-signed-out`)
    await context.close()
  })

  it('shows an LA with its pathway and history, and the rulebook, with no axe violations', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/London' })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, `national-director@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
    await page.goto(`${service.baseUrl}/register/886`)
    await verifyOnPage(page, 'Kent', 'la-page')
    await page.getByRole('button', { name: 'Record a judgement' }).click()
    await verifyOnPage(page, 'Which framework was the inspection under?', 'choose-framework')
    await page.getByLabel('ILACS (from January 2023: care leavers graded separately)').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await verifyOnPage(page, 'Record a judgement', 'judgement-form')
    await page.getByRole('button', { name: 'Record judgement' }).click()
    await verifyOnPage(page, 'Record a judgement', 'judgement-form-errors')
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the first day of the inspection')
    await page.goto(`${service.baseUrl}/rules`)
    await verifyOnPage(page, 'Rulebook', 'rulebook')
    await page.goto(`${service.baseUrl}/rules/C2`)
    await verifyOnPage(page, /Notification/, 'rule-c2')
    await context.close()
  })

  it('works with JavaScript turned off: sign in, filter the register, error pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'Europe/London' })
    const page = await context.newPage()
    await signIn(page, service.baseUrl, `hmi@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
    await page.goto(`${service.baseUrl}/register`)
    await page.getByLabel('Region').selectOption({ label: 'North East' })
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await verifyOnPage(page, 'Register of local authorities', 'no-js-register-filtered', { axe: false })
    expect(await page.locator('tbody tr').count()).toBe(12)
    await page.goto(`${service.baseUrl}/no-such-page`)
    await verifyOnPage(page, 'Page not found', 'not-found', { axe: false })
    await context.close()
  })
})
