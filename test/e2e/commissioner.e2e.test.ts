import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../src/auth/users.js'
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
 * Issue 13: a commissioner sees only the LA they were appointed to. Birmingham and Coventry are
 * both in intervention; the commissioner named on Birmingham's board owes its first report. In a
 * browser they find the report on their home page, the national dashboard shows Birmingham alone
 * (the Excel workbook too), they answer a reflective question on Birmingham's checklists, and
 * Coventry's record and checklists are "Page not found".
 */
describe.skipIf(!browserAvailable)('a commissioner, in a browser', { timeout: 180_000 }, () => {
  const [birmingham, coventry] = ['330', '331']
  const context = { requestId: 'e2e' }
  let service: RunningService
  let browser: Browser
  let commissioner: TestUser
  let coventryRecord: string

  beforeAll(async () => {
    // Monday 23 November 2026, 10:00.
    service = await startService(fixedClock('2026-11-23T10:00:00Z'))
    browser = await launchBrowser()
    const { db } = service.database
    await inadequateJudgement(db, birmingham, '2026-07-06', '2026-09-14')
    await inadequateJudgement(db, coventry, '2026-07-06', '2026-09-14')
    const lead = (await principalFor(
      db,
      (await createUser(db, 'dfe-case-lead', { laCodes: [birmingham, coventry] })).id,
    ))!
    commissioner = await createUser(db, 'commissioner', { laCodes: [birmingham], displayName: 'Alex Commissioner' })
    const { intervention } = service.app.services
    const record = await intervention.open(lead, birmingham, { dfeToldOn: '2026-09-01', note: '' }, context)
    await intervention.setBoard(
      lead,
      record,
      {
        chairName: 'Pat Chair',
        chairIndependent: true,
        members: 'The leader, the lead member, the DCS',
        setUpOn: '2026-10-12',
        adviserKind: 'commissioner',
        adviserName: 'Alex Commissioner',
        version: undefined,
      },
      context,
    )
    await intervention.scheduleReport(
      lead,
      record,
      {
        title: 'Commissioner’s first report',
        dueFrom: 'commissioner',
        ownerEmail: commissioner.email,
        dueOn: '2026-11-30',
      },
      context,
    )
    coventryRecord = await intervention.open(lead, coventry, { dfeToldOn: '2026-09-01', note: '' }, context)
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  async function signedIn(user: TestUser): Promise<Page> {
    const browserContext = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' })
    browserContext.setDefaultTimeout(15_000)
    const page = await browserContext.newPage()
    await signIn(page, service.baseUrl, user.email, user.password)
    return page
  }

  it('sees and works on its own LA only', async () => {
    const page = await signedIn(commissioner)
    await verifyOnPage(page, /^Welcome, /, 'commissioner-home')
    await page.getByRole('link', { name: 'Commissioner’s first report for Birmingham' }).click()
    await verifyOnPage(page, 'Intervention in Birmingham', 'commissioner-record')

    await page.goto(`${service.baseUrl}/interventions`)
    await verifyOnPage(page, 'Local authorities in intervention', 'commissioner-dashboard')
    const rows = page.locator('main table tbody tr')
    expect(await rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('Birmingham')
    expect(await page.locator('main').innerText()).not.toContain('Coventry')
    const workbookResponse = await page.request.get(
      `${service.baseUrl}${await page.getByRole('link', { name: 'Download this table as an Excel workbook' }).getAttribute('href')}`,
    )
    expect(workbookResponse.status()).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await workbookResponse.body()) as unknown as ArrayBuffer)
    const names = (workbook.getWorksheet('In intervention')!.getSheetValues().slice(2) as unknown[][]).map(
      (row) => row[2],
    )
    expect(names).toEqual(['Birmingham'])

    await page.goto(`${service.baseUrl}/interventions/las/${birmingham}/checklists`)
    await verifyOnPage(page, 'Checklists', 'commissioner-checklists')
    const question = page.locator('#reflective-0')
    await question.getByLabel('Your answer').fill('Practice audits show assessments are timelier since the summer')
    await question.getByRole('button', { name: 'Save answer: Reflective questions, item 1' }).click()
    await page.waitForURL(/\/checklists#reflective-0$/)
    expect(await page.locator('#reflective-0').innerText()).toContain('Answered by Alex Commissioner, 23 November 2026')

    for (const url of [`/interventions/${coventryRecord}`, `/interventions/las/${coventry}/checklists`]) {
      await page.goto(`${service.baseUrl}${url}`)
      expect(await page.locator('h1').innerText(), url).toBe('Page not found')
    }
  })
})
