import { describe, expect, it } from 'vitest'
import { inadequateJudgement } from '../../src/test-support/factories/intervention.js'
import { createUser } from '../../src/test-support/factories/users.js'
import { browserAvailable, verifyOnPage } from './support/browser.js'
import { castInBrowser, fillDate } from './support/cast.js'

/**
 * The monitoring programme in a browser (issue 12): the regional director opens it for Barnet,
 * judged inadequate; the senior HMI arranges the action planning visit (a date outside 25–35
 * working days refused first) and adds a recommendation; the DCS sees the programme with the
 * form for the action plan. Every page is axe-checked.
 */
describe.skipIf(!browserAvailable)('in a browser, the monitoring programme', { timeout: 180_000 }, () => {
  const cast = castInBrowser('2026-11-23T10:00:00Z', async (db) => {
    // Monday 23 November 2026.
    await inadequateJudgement(db, '302', '2026-07-06', '2026-09-14')
    return {
      director: await createUser(db, 'regional-director', { regionCode: 'E12000007' }),
      senior: await createUser(db, 'senior-hmi'),
      dcs: await createUser(db, 'la-dcs', { laCode: '302' }),
    }
  })
  const { as } = cast

  it('opens the programme, arranges the visit and shows it to the DCS', async () => {
    const director = await as('director')
    await director.goto(`${cast.service.baseUrl}/monitoring/las/302`)
    await verifyOnPage(director, 'Monitoring after an inadequate judgement', 'monitoring-la')
    await fillDate(director, /pre-publication copy/, '2026-09-07')
    await director.getByRole('button', { name: 'Open the monitoring programme' }).click()
    await verifyOnPage(director, 'Monitoring programme 1', 'monitoring-programme-opened')
    const url = director.url()

    const senior = await as('senior')
    await senior.goto(url)
    await fillDate(senior, /Date of the visit/, '2026-10-06')
    await senior.getByRole('button', { name: 'Save the visit' }).click()
    await verifyOnPage(senior, 'Monitoring programme 1', 'monitoring-visit-refused')
    expect(await senior.locator('.govuk-error-summary').textContent()).toContain('21 working days after')
    await fillDate(senior, /Date of the visit/, '2026-10-14')
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
