import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sifInadequateJudgement } from '../../src/test-support/factories/offer-2015.js'
import { createUser } from '../../src/test-support/factories/users.js'
import { browserAvailable, verifyOnPage } from './support/browser.js'
import { castInBrowser } from './support/cast.js'

/**
 * The progress inspection's sample (issue 15; 000 Annex H) in a browser without JavaScript: the
 * named HMI enters cases, the page counts them against Annex H and shows what is short, and the
 * regional director records the shortfall's reason. Each result page is axe-checked with
 * JavaScript on (axe runs as a script in the page).
 */
describe.skipIf(!browserAvailable)(
  'in a browser without JavaScript, the progress inspection sample',
  { timeout: 180_000 },
  () => {
    const cast = castInBrowser('2016-03-08T10:00:00Z', async (db) => {
      // Tuesday 8 March 2016; Birmingham's SIF inadequate report was published on 2 March 2015.
      await sifInadequateJudgement(db, '330', '2015-03-02')
      return {
        director: await createUser(db, 'regional-director', { regionCode: 'E12000005' }),
        hmi: await createUser(db, 'hmi', { displayName: 'Ali Khan' }),
      }
    })
    const heading = '2015 improvement offer'

    async function axeChecked(person: 'director' | 'hmi', url: string, name: string): Promise<void> {
      const page = await cast.as(person)
      await page.goto(url)
      await verifyOnPage(page, heading, name)
      await page.context().close()
    }
    const counts = (page: Page) => page.locator('#case-counts').textContent()

    it('counts the cases entered against Annex H and shows the shortfall', async () => {
      const director = await cast.as('director', { javaScript: false })
      await director.goto(`${cast.service.baseUrl}/offer-2015/las/330`)
      await director.getByRole('radio', { name: 'Published 2 March 2015' }).check()
      await director.getByRole('button', { name: 'Open the improvement offer' }).click()
      await director.getByRole('checkbox', { name: /Ali Khan/ }).check()
      await director.getByRole('button', { name: 'Save the inspectors' }).click()
      await verifyOnPage(director, heading, 'offer-sample-named', { axe: false })
      const url = director.url().replace(/#.*$/, '')

      const hmi = await cast.as('hmi', { javaScript: false })
      await hmi.goto(url)
      await hmi.getByLabel('The LA’s child IDs, one a line').fill('BHM0001\nBHM0002')
      await hmi.getByRole('radio', { name: /selected by the lead inspector/i }).check()
      await hmi.getByRole('checkbox', { name: 'With a child sexual exploitation dimension' }).check()
      await hmi.getByRole('button', { name: 'Add the cases' }).click()
      await verifyOnPage(hmi, heading, 'offer-sample-cases', { axe: false })
      expect(await counts(hmi)).toContain('2 of 30 cases selected by the lead inspector')
      expect(await counts(hmi)).toContain('2 of 2 with a child sexual exploitation dimension')
      expect(await hmi.locator('#case-counts .govuk-tag', { hasText: 'Short' }).count()).toBeGreaterThan(0)
      expect(await hmi.locator('#sample-cases tbody tr').count()).toBe(2)
      await axeChecked('hmi', url, 'offer-sample-cases-axe')

      await director.goto(url)
      expect(await counts(director)).toContain('2 of 30 cases selected by the lead inspector')
      await director
        .getByLabel('Why the sample falls short of Annex H')
        .fill('The LA’s case system was down for two days')
      await director.getByRole('button', { name: 'Record the shortfall' }).click()
      await verifyOnPage(director, heading, 'offer-sample-shortfall', { axe: false })
      expect(await director.locator('#case-shortfall').textContent()).toContain('The LA’s case system was down')
      await axeChecked('director', url, 'offer-sample-shortfall-axe')
    })
  },
)
