import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/clock.js'
import { inadequateJudgement } from '../../src/test-support/factories/intervention.js'
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
 * The monitoring programme in a browser (issue 12): the regional director opens it for Barnet,
 * judged inadequate; the senior HMI arranges the action planning visit (a date outside 25–35
 * working days refused first) and adds a recommendation; the DCS sees the programme with the
 * form for the action plan. Every page is axe-checked.
 */
describe.skipIf(!browserAvailable)('in a browser, the monitoring programme', () => {
  let service: RunningService
  let browser: Browser
  const people: Record<string, TestUser> = {}

  beforeAll(async () => {
    // Monday 23 November 2026.
    service = await startService(fixedClock('2026-11-23T10:00:00Z'))
    const db = service.database.db
    await inadequateJudgement(db, '302', '2026-07-06', '2026-09-14')
    people.director = await createUser(db, 'regional-director', { regionCode: 'E12000007' })
    people.senior = await createUser(db, 'senior-hmi')
    people.dcs = await createUser(db, 'la-dcs', { laCode: '302' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  async function as(person: string): Promise<Page> {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, people[person]!.email, people[person]!.password)
    return page
  }

  it('opens the programme, arranges the visit and shows it to the DCS', async () => {
    const director = await as('director')
    await director.goto(`${service.baseUrl}/monitoring/las/302`)
    await verifyOnPage(director, 'Monitoring after an inadequate judgement', 'monitoring-la')
    const pre = director.getByRole('group', { name: /pre-publication copy/ })
    await pre.getByLabel('Day').fill('7')
    await pre.getByLabel('Month').fill('9')
    await pre.getByLabel('Year').fill('2026')
    await director.getByRole('button', { name: 'Open the monitoring programme' }).click()
    await verifyOnPage(director, 'Monitoring programme 1', 'monitoring-programme-opened')
    const url = director.url()

    const senior = await as('senior')
    await senior.goto(url)
    const visit = senior.getByRole('group', { name: /Date of the visit/ })
    await visit.getByLabel('Day').fill('6')
    await visit.getByLabel('Month').fill('10')
    await visit.getByLabel('Year').fill('2026')
    await senior.getByRole('button', { name: 'Save the visit' }).click()
    await verifyOnPage(senior, 'Monitoring programme 1', 'monitoring-visit-refused')
    expect(await senior.locator('.govuk-error-summary').textContent()).toContain('21 working days after')
    await visit.getByLabel('Day').fill('14')
    await senior.getByRole('button', { name: 'Save the visit' }).click()
    await senior.getByRole('radio', { name: 'Recommendation' }).check()
    await senior.getByLabel('As the report words it').fill('Improve the quality of supervision')
    await senior.getByRole('button', { name: 'Add the item' }).click()
    await verifyOnPage(senior, 'Monitoring programme 1', 'monitoring-programme-visit')
    expect(await senior.locator('#steps + table').textContent()).toContain('14 October 2026')

    const dcs = await as('dcs')
    await dcs.goto(url)
    await verifyOnPage(dcs, 'Monitoring programme 1', 'monitoring-programme-dcs')
    expect(await dcs.getByLabel(/Your action against R1/).count()).toBe(1)
    expect(await dcs.getByRole('button', { name: 'Record the decision' }).count()).toBe(0)
  })
})
