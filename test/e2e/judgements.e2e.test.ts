import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { activityOnSite, settableClock } from '../../src/test-support/factories/judgements.js'
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
 * The judgements pages in a browser, axe-clean: a lead inspector records the judgements of a
 * standard inspection under ILACS 2026, sees the S6 problem on the check page, confirms with a
 * reason, marks the judgements agreed, records the feedback meeting; the DCS then sees the
 * provisional judgements given. A focused visit's findings page is checked too.
 */
describe.skipIf(!browserAvailable)('in a browser, judgements and feedback', () => {
  // The service's clock: each test sets it where it needs it (activityOnSite sets it before it plans).
  const clock = settableClock('2026-11-23T10:00:00Z')
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'true', LOG_LEVEL: 'silent' })
  let service: RunningService
  let browser: Browser
  let director: TestUser
  let lead: TestUser
  let dcs: TestUser

  beforeAll(async () => {
    service = await startService(clock)
    browser = await launchBrowser()
    const db = service.database.db
    director = await createUser(db, 'national-director')
    lead = await createUser(db, 'hmi')
    dcs = await createUser(db, 'la-dcs', { laCode: '886' })
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  async function asUser(user: TestUser): Promise<Page> {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, user.email, user.password)
    return page
  }

  it('records, checks and confirms the judgements, then gives them at feedback to the DCS', async () => {
    const id = await activityOnSite({
      db: service.database.db,
      config,
      clock,
      director,
      type: 'standard-inspection',
      onsite: '2027-01-11',
      lead,
    })
    const page = await asUser(lead)
    await page.goto(`${service.baseUrl}/activities/${id}`)
    await page.getByRole('link', { name: 'Judgements' }).click()
    await verifyOnPage(page, 'Judgements', 'judgements-overview')

    const grades: Array<[string, string]> = [
      ['The experiences and progress of children who need help and protection', 'Good'],
      ['The experiences and progress of children in care', 'Requires improvement to be good'],
      ['The experiences and progress of care leavers', 'Good'],
      ['The impact of leaders on social work practice with children and families', 'Inadequate'],
    ]
    for (const [index, [label, grade]] of grades.entries()) {
      await page.getByRole('link', { name: `Record ${label.toLowerCase()}` }).click()
      if (index === 0) {
        await page.getByRole('button', { name: 'Save judgement' }).click()
        await verifyOnPage(page, label, 'judgement-errors')
        expect(await page.locator('.govuk-error-summary').textContent()).toContain(
          'Enter the rationale for the judgement',
        )
      } else {
        await verifyOnPage(page, label, `judgement-${index}`)
      }
      await page.getByLabel(grade, { exact: true }).check()
      await page.getByLabel('Rationale').fill(`Case 1234 and case 5678 show ${grade.toLowerCase()} practice.`)
      await page.getByRole('button', { name: 'Save judgement' }).click()
      await verifyOnPage(page, 'Judgements', `judgements-after-${index}`)
    }

    await page.getByRole('button', { name: 'Check and confirm the judgements' }).click()
    await verifyOnPage(page, 'Check the judgements before you confirm them', 'judgements-check')
    expect(await page.locator('.app-judgement-problems').textContent()).toContain('outside the grade descriptors')
    await page.getByRole('button', { name: 'Confirm the judgements' }).click()
    await verifyOnPage(page, 'Check the judgements before you confirm them', 'judgements-check-errors')
    await page
      .getByLabel('Why are you confirming these judgements despite the problems?')
      .fill('Workforce instability is severe; for moderation')
    await page.getByRole('button', { name: 'Confirm the judgements' }).click()
    await verifyOnPage(page, 'Judgements', 'judgements-confirmed')

    // The last day on site: the session has lapsed over the fortnight, so sign in again.
    clock.set('2027-01-22T15:00:00Z')
    await signIn(page, service.baseUrl, lead.email, lead.password)
    await page.goto(`${service.baseUrl}/activities/${id}`)
    await page.getByRole('button', { name: 'Mark as judgements agreed' }).click()
    await verifyOnPage(page, 'Standard inspection of Kent', 'activity-judgements-agreed')
    await page.getByRole('link', { name: 'Feedback meeting' }).click()
    await verifyOnPage(page, 'Feedback meeting', 'feedback-empty')
    await page.getByRole('button', { name: 'Record the feedback meeting' }).click()
    await verifyOnPage(page, 'Record the feedback meeting', 'feedback-form')
    await page.getByLabel('How long it lasted').fill('55')
    await page.getByLabel('Director of children’s services (DCS)').check()
    await page.getByLabel('Lead inspector').check()
    await page.getByLabel('Yes', { exact: true }).check()
    await page.getByRole('button', { name: 'Save the record of the meeting' }).click()
    await verifyOnPage(page, 'Feedback meeting', 'feedback-recorded')
    await page.context().close()

    const la = await asUser(dcs)
    await la.goto(`${service.baseUrl}/activities/${id}`)
    await la.getByRole('link', { name: 'Provisional judgements given at feedback' }).click()
    await verifyOnPage(la, 'Provisional judgements given at feedback', 'feedback-la')
    expect(await la.locator('main').textContent()).toContain('Do not publish them or share them publicly')
    await la.context().close()
  }, 180_000)

  it('records a focused visit’s findings', async () => {
    const id = await activityOnSite({
      db: service.database.db,
      config,
      clock,
      director,
      type: 'focused-visit',
      onsite: '2027-02-02',
      lead,
    })
    const page = await asUser(lead)
    await page.goto(`${service.baseUrl}/activities/${id}/findings`)
    await verifyOnPage(page, 'Focused visit findings', 'findings-empty')
    await page.getByLabel('Area for priority action').check()
    await page.getByLabel('Finding', { exact: true }).fill('Children wait too long for permanence decisions.')
    await page.getByRole('button', { name: 'Add finding' }).click()
    await verifyOnPage(page, 'Focused visit findings', 'findings-errors')
    await page.getByRole('radio', { name: /unnecessary delay/ }).check()
    await page.getByLabel('Finding', { exact: true }).fill('Children wait too long for permanence decisions.')
    await page.getByRole('button', { name: 'Add finding' }).click()
    await verifyOnPage(page, 'Focused visit findings', 'findings-one')
    await page.context().close()
  }, 60_000)
})
