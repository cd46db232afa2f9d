import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateAnnexA } from '../../src/annex-a/index.js'
import { DEMO_PASSWORD } from '../../src/auth/passwords.js'
import { DEMO_EMAIL_DOMAIN } from '../../src/demo/load-demo-data.js'
import { browserAvailable, launchBrowser, type RunningService, signIn, startService, verifyOnPage } from './support/browser.js'

/**
 * A standard inspection in the browser, as each person does their part: the regional director
 * plans it and names the team, the lead inspector gives notice, the LA's analyst uploads Annex A
 * and sees what to fix, the lead inspector reads the profile and builds the case sample. Every
 * page is checked with axe and kept as a screenshot.
 */
describe.skipIf(!browserAvailable)('a standard inspection in the browser', { timeout: 120_000 }, () => {
  let service: RunningService
  let browser: Browser
  let dir: string
  let workbook: string
  let activityUrl = ''

  beforeAll(async () => {
    service = await startService()
    browser = await launchBrowser()
    dir = await mkdtemp(join(tmpdir(), 'e2e-annex-a-'))
    workbook = join(dir, 'Kent Annex A.xlsx')
    await generateAnnexA({ rows: 800, out: workbook, asOf: '2026-11-23', seed: 11, errorRate: 0.03 })
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function as(role: string, email = `${role}@${DEMO_EMAIL_DOMAIN}`): Promise<Page> {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, email, DEMO_PASSWORD)
    return page
  }

  it('the regional director plans it, sees its timeline and names the lead inspector', async () => {
    const page = await as('regional-director')
    await page.goto(`${service.baseUrl}/activities/new`)
    await verifyOnPage(page, 'Plan an inspection or visit', 'plan-form')
    await page.getByLabel('Local authority').selectOption('886')
    await page.getByLabel('Standard inspection').check()
    await page.locator('#onsiteStart-day').fill('30')
    await page.locator('#onsiteStart-month').fill('11')
    await page.locator('#onsiteStart-year').fill('2026')
    await page.getByRole('button', { name: 'Plan and see the timeline' }).click()
    await verifyOnPage(page, 'Standard inspection of Kent', 'activity-planned')
    activityUrl = page.url()
    await page.getByRole('link', { name: 'Timeline and dates' }).click()
    await verifyOnPage(page, 'Timeline', 'activity-timeline')
    // Notice five working days before Monday 30 November 2026 is today, Monday 23 November (S1).
    expect(await page.locator('.app-timeline').first().textContent()).toContain('Monday 23 November 2026')
    await page.goto(`${activityUrl}/team`)
    await verifyOnPage(page, 'Inspection team', 'activity-team')
    const hmi = await page.locator('#userId option').filter({ hasText: /^Demo His Majesty/ }).first().getAttribute('value')
    await page.getByLabel('Person').selectOption(hmi!)
    await page.getByLabel('Lead inspector').check()
    await page.getByRole('button', { name: 'Add to the team' }).click()
    await verifyOnPage(page, 'Inspection team', 'activity-team-lead')
    await page.goto(`${activityUrl}/contacts`)
    await page.getByLabel('Director of children’s services (DCS)').check()
    await page.getByLabel('Name').fill('Sam Director')
    await page.getByLabel('Email address').fill('sam.director@kent.gov.uk')
    await page.getByRole('button', { name: 'Save contact' }).click()
    await verifyOnPage(page, 'Local authority contacts', 'activity-contacts')
    await page.context().close()
  })

  it('the lead inspector records the 9.30am call, which sends the Annex A request', async () => {
    const page = await as('hmi')
    await page.goto(`${activityUrl}/notice`)
    await verifyOnPage(page, 'Notice and Annex A request', 'notice-form')
    await page.locator('#calledAt-hour').fill('9')
    await page.locator('#calledAt-minute').fill('05')
    await page.getByLabel('Director of children’s services (DCS)').check()
    await page.getByLabel('Their name').fill('Sam Director')
    await page.getByRole('button', { name: 'Record the call and send the Annex A request' }).click()
    await verifyOnPage(page, 'Notice and Annex A request', 'notice-given')
    expect(await page.locator('main').textContent()).toContain('Confirmation email')
    await page.context().close()
  })

  it('the LA analyst uploads Annex A, sees what to fix by list, row and column', async () => {
    const page = await as('la-analyst')
    await page.goto(`${activityUrl}/annex-a`)
    await verifyOnPage(page, 'Annex A: information for the inspection', 'annex-a-request')
    await page.locator('#file').setInputFiles(workbook)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await service.app.services.processor.drain()
    await page.reload()
    await verifyOnPage(page, /^Annex A version 1: /, 'annex-a-findings')
    expect(await page.locator('.govuk-error-summary').count()).toBe(1)
    await page.context().close()
  })

  it('the lead inspector sees the profile with charts and builds the case sample', async () => {
    const page = await as('hmi')
    await page.goto(`${activityUrl}/annex-a/profile`)
    await verifyOnPage(page, 'Profile of the children on the lists', 'annex-a-profile')
    await page.getByRole('button', { name: 'Build the case sample' }).click()
    await verifyOnPage(page, 'Case sample', 'case-sample')
    await page.locator('input[name="childId"][type="checkbox"]').first().check()
    await page.getByRole('button', { name: 'Add to the sample' }).click()
    await verifyOnPage(page, 'Case sample', 'case-sample-added')
    expect(await page.locator('#sample').textContent()).toContain('(1)')
    await page.goto(activityUrl)
    await verifyOnPage(page, 'Standard inspection of Kent', 'activity-task-list')
    await page.context().close()
  })
})
