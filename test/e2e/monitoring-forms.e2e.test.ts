import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { inadequateJudgement } from '../../src/test-support/factories/intervention.js'
import { createUser } from '../../src/test-support/factories/users.js'
import { browserAvailable, verifyOnPage } from './support/browser.js'
import { castInBrowser, fillDate } from './support/cast.js'

/**
 * The regional director's two forms on a monitoring programme (issue 12), in a browser without
 * JavaScript: the LA declines the programme (002#113, 001#3), and the lead inspector is named
 * (002#129). Each submits for real, shows the result, and every page is axe-checked.
 */
describe.skipIf(!browserAvailable)(
  'in a browser without JavaScript, a monitoring programme',
  { timeout: 180_000 },
  () => {
    const cast = castInBrowser('2026-11-23T10:00:00Z', async (db) => {
      // Monday 23 November 2026; Brent and Hounslow judged inadequate, published 14 September 2026.
      await inadequateJudgement(db, '304', '2026-07-06', '2026-09-14')
      await inadequateJudgement(db, '313', '2026-07-06', '2026-09-14')
      return {
        director: await createUser(db, 'regional-director', { regionCode: 'E12000007' }),
        lead: await createUser(db, 'hmi', { displayName: 'Pat Lead' }),
      }
    })

    /** The regional director, without JavaScript, on the programme they open for `laCode`. */
    async function programmeOf(laCode: string): Promise<Page> {
      const director = await cast.as('director', { javaScript: false })
      await director.goto(`${cast.service.baseUrl}/monitoring/las/${laCode}`)
      await fillDate(director, /pre-publication copy/, '2026-09-07')
      await director.getByRole('button', { name: 'Open the monitoring programme' }).click()
      await verifyOnPage(director, 'Monitoring programme 1', `monitoring-forms-opened-${laCode}`, { axe: false })
      return director
    }

    /** axe runs as a script in the page: the page the director sees, checked again with JavaScript on. */
    async function axeChecked(url: string, name: string): Promise<void> {
      const page = await cast.as('director')
      await page.goto(url)
      await verifyOnPage(page, 'Monitoring programme 1', name)
      await page.context().close()
    }

    it('records that the LA declines the programme', async () => {
      const director = await programmeOf('304')
      await axeChecked(director.url(), 'monitoring-forms-programme-axe') // the forms, before any is sent
      // A GOV.UK details element opens without JavaScript.
      await director.getByText('The LA will not agree the programme').click()
      await fillDate(director, 'Date the LA declined', '2026-11-16')
      await director.getByLabel('What the LA said').fill('The council will not agree quarterly visits')
      await director
        .getByLabel('What was done to persuade it to agree')
        .fill('The regional director met the chief executive')
      await director.getByRole('button', { name: 'Record that the LA declined and tell the DfE' }).click()
      await verifyOnPage(director, 'Monitoring programme 1', 'monitoring-forms-declined', { axe: false })
      const record = await director.locator('#declined-record').textContent()
      expect(record).toContain('16 November 2026')
      expect(record).toContain('The council will not agree quarterly visits')
      expect(await director.locator('.govuk-warning-text').first().textContent()).toContain('declined this programme')
      await axeChecked(director.url(), 'monitoring-forms-declined-axe')
    })

    it('names the lead inspector', async () => {
      const director = await programmeOf('313')
      await director.getByLabel('Lead inspector', { exact: true }).selectOption({ label: 'Pat Lead' })
      await director.getByRole('button', { name: 'Name the lead inspector' }).click()
      await verifyOnPage(director, 'Monitoring programme 1', 'monitoring-forms-lead', { axe: false })
      expect(await director.locator('#lead-inspector + p').textContent()).toContain(
        'Pat Lead leads the monitoring visits',
      )
      await axeChecked(director.url(), 'monitoring-forms-lead-axe')
    })
  },
)
