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

describe.skipIf(!browserAvailable)('pages of many columns on a desktop screen (issue 10)', () => {
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

  it.each([
    ['/register', 'Register of local authorities'],
    ['/programme', 'National programme'],
    ['/programme/capacity?weeks=26', 'Inspector capacity and leave'],
  ])('%s shows every column at 1,920 px, with nothing in a scroll box', { timeout: 120_000 }, async (path, heading) => {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      timezoneId: 'Europe/London',
      locale: 'en-GB',
    })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, `national-director@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD)
    await page.goto(`${service.baseUrl}${path}`)
    await verifyOnPage(page, heading, `wide${path.replace(/\W+/g, '-')}`)
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main table'))
        .map((table) => {
          const box = table.closest('.app-table-scroll') ?? table.parentElement!
          return {
            caption: table.querySelector('caption')?.textContent?.trim(),
            table: table.scrollWidth,
            box: box.clientWidth,
          }
        })
        .filter((item) => item.table > item.box),
    )
    expect(JSON.stringify(overflowing)).toBe('[]')
    expect(await page.locator('main table').count()).toBeGreaterThan(0)
    await context.close()
  })
})
