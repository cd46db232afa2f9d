import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/clock.js'
import { loadConfig, type Config } from '../../src/config.js'
import { notifiedActivity } from '../../src/test-support/factories/activities.js'
import { evidenceEntry } from '../../src/test-support/factories/evidence.js'
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
 * The fieldwork records in a browser (issue 6): an inspector writes evidence (and meets the
 * check for names), the QA manager notes it, the lead records a keep-in-touch meeting, a request
 * and a case of concern go to the LA, and the DCS answers both. Every page is axe-checked.
 */
describe.skipIf(!browserAvailable)('in a browser, the fieldwork records', () => {
  let service: RunningService
  let browser: Browser
  const people: Record<string, TestUser> = {}
  let config: Config

  beforeAll(async () => {
    // Wednesday 13 January 2027, 10:00: day three of the standard inspections the tests plan.
    service = await startService(fixedClock('2027-01-13T10:00:00Z'))
    const db = service.database.db
    for (const [key, role] of [
      ['lead', 'hmi'],
      ['inspector', 'hmi'],
      ['qa', 'qa-manager'],
    ] as const)
      people[key] = await createUser(db, role)
    people.dcs = await createUser(db, 'la-dcs', { laCode: '886' })
    config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'silent' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  /**
   * Each test's own standard inspection, on site since Monday 11 January with the team: of a
   * different LA in each test, since an LA has one inspection of a kind starting on a day.
   */
  async function inspectionOnDayThree(laCode: string): Promise<string> {
    return notifiedActivity(service.database.db, config, {
      laCode,
      onsiteStart: '2027-01-11',
      plannedAt: '2026-11-23T10:00:00Z',
      noticeAt: '2027-01-04T09:00:00Z',
      team: [
        { userId: people.lead!.id, teamRole: 'lead-inspector' },
        { userId: people.inspector!.id, teamRole: 'team-inspector' },
        { userId: people.qa!.id, teamRole: 'qa-manager' },
      ],
    })
  }

  async function as(person: string): Promise<Page> {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await signIn(page, service.baseUrl, people[person]!.email, people[person]!.password)
    return page
  }

  it('lets an inspector write evidence, warned about a name first', async () => {
    const activityId = await inspectionOnDayThree('887')
    const page = await as('inspector')
    await page.goto(`${service.baseUrl}/activities/${activityId}`)
    await page.getByRole('link', { name: 'Evidence record' }).click()
    await verifyOnPage(page, 'Evidence record', 'evidence-record-empty')
    await page.getByRole('button', { name: 'Add an entry' }).click()
    await verifyOnPage(page, 'Add an evidence entry', 'evidence-entry-form')
    await page
      .getByLabel('Evaluation criteria heading')
      .selectOption({ label: 'Help and protection: Management oversight of frontline practice' })
    await page.getByLabel('1. Evaluative statement').fill('Management oversight is consistently strong.')
    await page
      .getByLabel('2. Evidence')
      .fill("In 9 of 10 cases supervision gave clear direction. Jamie's mother said the plan is reviewed.")
    await page.getByLabel('3. Impact on children and young people').fill('Plans progress without drift.')
    await page.getByLabel('Case file or case records').check()
    await page.getByLabel('Case references (optional)').fill('C104532')
    await page.getByRole('button', { name: 'Save entry' }).click()
    await verifyOnPage(page, 'Add an evidence entry', 'evidence-entry-names-warning')
    expect(await page.locator('#possible-names').textContent()).toContain("Jamie's mother")
    await page
      .getByLabel('2. Evidence')
      .fill("In 9 of 10 cases supervision gave clear direction. J's mother said the plan is reviewed.")
    await page.getByRole('button', { name: 'Save entry' }).click()
    await verifyOnPage(page, 'Evidence record', 'evidence-record-one-entry')
    expect(await page.locator('#coverage').textContent()).toContain('1 of 17 headings')
    await page.context().close()
  }, 60_000)

  it('lets the QA manager add a note and the lead record a keep-in-touch meeting', async () => {
    const activityId = await inspectionOnDayThree('846')
    // The entry the QA manager notes, written earlier that morning by the team inspector.
    await evidenceEntry(
      { db: service.database.db, config, clock: fixedClock('2027-01-13T09:45:00Z') },
      activityId,
      people.inspector!,
      // Collected at 09:30 that morning, naming nobody (002#191), with one case reference.
      { headingId: 'help-and-protection.3', collectedTime: '09:30', caseIds: 'C104532' },
    )
    const qa = await as('qa')
    await qa.goto(`${service.baseUrl}/activities/${activityId}/evidence`)
    await qa.getByLabel('Your note').fill('Quantify the sample; look at disabled children.')
    await qa.getByRole('button', { name: 'Add QA note' }).click()
    await verifyOnPage(qa, 'Evidence record', 'evidence-record-qa-note')
    await qa.context().close()

    const lead = await as('lead')
    await lead.goto(`${service.baseUrl}/activities/${activityId}/keep-in-touch`)
    await verifyOnPage(lead, 'Keep-in-touch meetings', 'keep-in-touch-gaps')
    await lead.getByLabel('Director of children’s services (DCS)').check()
    await lead.getByLabel('Emerging findings shared').fill('Early help is well coordinated.')
    await lead.getByRole('button', { name: 'Save meeting note' }).click()
    await verifyOnPage(lead, 'Keep-in-touch meetings', 'keep-in-touch-recorded')
    await lead.context().close()
  }, 60_000)

  it('takes a request and a case of concern from the lead to the DCS and back', async () => {
    // Kent, whose DCS answers.
    const activityId = await inspectionOnDayThree('886')
    const lead = await as('lead')
    await lead.goto(`${service.baseUrl}/activities/${activityId}/further-information/new`)
    await verifyOnPage(lead, 'Raise a request for further information', 'rfi-form')
    await lead.getByLabel('Information', { exact: true }).check()
    await lead.getByLabel('Reason for request').fill('No record of the strategy discussion outcome.')
    await lead.locator('#dateResponseRequired-day').fill('14')
    await lead.locator('#dateResponseRequired-month').fill('1')
    await lead.locator('#dateResponseRequired-year').fill('2027')
    await lead.getByRole('button', { name: 'Raise request' }).click()
    await verifyOnPage(lead, 'Request for further information 1', 'rfi-raised')
    await lead.goto(`${service.baseUrl}/activities/${activityId}/concerns/new`)
    await verifyOnPage(lead, 'Raise a case of concern', 'concern-form')
    await lead.getByLabel('Child Unique ID').fill('0045671')
    await lead.getByLabel('Team or location').fill('Assessment team 2')
    await lead.getByLabel('Issues of concern').fill('Section 47 enquiry not started after a second referral.')
    await lead.getByLabel('Your view of the significance of these concerns').fill('Serious.')
    await lead
      .getByLabel('Who you raised it with, by role, and why it was not resolved')
      .fill('Team manager; no plan agreed.')
    await lead.getByRole('button', { name: 'Send to the lead inspector' }).click()
    await verifyOnPage(lead, 'Case of concern 1', 'concern-with-lead')
    await lead.locator('#responseDue-day').fill('14')
    await lead.locator('#responseDue-month').fill('1')
    await lead.locator('#responseDue-year').fill('2027')
    await lead.getByRole('button', { name: 'Refer to the local authority' }).click()
    await verifyOnPage(lead, 'Case of concern 1', 'concern-escalated')
    await lead.context().close()

    const dcs = await as('dcs')
    await dcs.goto(`${service.baseUrl}/activities/${activityId}`)
    await dcs.getByRole('link', { name: 'Requests for further information' }).click()
    await verifyOnPage(dcs, 'Requests for further information', 'rfi-list-la')
    await dcs.getByRole('link', { name: 'Request 1' }).click()
    await dcs.getByLabel('Response from the local authority').fill('Record added to the file today.')
    await dcs.getByRole('button', { name: 'Send response' }).click()
    await verifyOnPage(dcs, 'Request for further information 1', 'rfi-answered-la')
    await dcs.goto(`${service.baseUrl}/activities/${activityId}/concerns`)
    await verifyOnPage(dcs, 'Cases of concern', 'concerns-la')
    await dcs.getByRole('link', { name: 'Case of concern 1' }).click()
    await dcs.getByLabel('The local authority’s response').fill('The enquiry started today and the child is safe.')
    await dcs.getByRole('button', { name: 'Send response' }).click()
    await verifyOnPage(dcs, 'Case of concern 1', 'concern-responded-la')
    await dcs.context().close()
  }, 120_000)
})
