import { describe, expect, it } from 'vitest'
import { afterInadequate } from '../../src/rules/after-inadequate.js'
import { formatDate } from '../../src/rules/calendar/dates.js'
import { inadequateJudgement } from '../../src/test-support/factories/intervention.js'
import { createUser } from '../../src/test-support/factories/users.js'
import { browserAvailable, verifyOnPage } from './support/browser.js'
import { castInBrowser, fillDate } from './support/cast.js'

/**
 * One monitoring programme walked in a browser by five roles (issue 12), from the inadequate
 * judgement to the re-inspection decision: the regional director opens it and sends the letter;
 * the lead inspector arranges the action planning visit, circulates the agenda and adds the
 * report's items; the senior HMI sends the record; the DCS submits the action plan; the regional
 * director reviews it and decides the re-inspection; the DfE case lead sees every step. The
 * statutory dates on the page are compared with the rules core. Every page is axe-checked.
 */
describe.skipIf(!browserAvailable)('in a browser, five roles walk a monitoring programme', { timeout: 180_000 }, () => {
  const cast = castInBrowser('2026-11-23T10:00:00Z', async (db) => {
    // Monday 23 November 2026; Barnet's report received before publication on Monday 7 September.
    await inadequateJudgement(db, '302', '2026-07-06', '2026-09-14')
    return {
      director: await createUser(db, 'regional-director', { regionCode: 'E12000007' }),
      lead: await createUser(db, 'hmi'),
      senior: await createUser(db, 'senior-hmi'),
      dcs: await createUser(db, 'la-dcs', { laCode: '302' }),
      dfe: await createUser(db, 'dfe-case-lead', { laCodes: ['302'] }),
    }
  })
  const { as } = cast

  it('goes from the inadequate judgement to the re-inspection decision, every date as the rules give it', async () => {
    const rules = afterInadequate('2026-09-07')

    const director = await as('director')
    await director.goto(`${cast.service.baseUrl}/monitoring/las/302`)
    await fillDate(director, /pre-publication copy/, '2026-09-07')
    await director.getByRole('button', { name: 'Open the monitoring programme' }).click()
    await verifyOnPage(director, 'Monitoring programme 1', 'walk-opened')
    const url = director.url()
    const steps = (await director.locator('#steps + table').textContent())!.replace(/\s+/g, ' ')
    expect(steps).toContain(
      `${formatDate(rules.actionPlanningVisit.earliest)} to ${formatDate(rules.actionPlanningVisit.latest)}`,
    )
    expect(steps).toContain(formatDate(rules.actionPlanDue))
    expect(steps).toContain(formatDate(rules.reinspection.latest))
    await director.getByRole('radio', { name: /^002#118/ }).check()
    await fillDate(director, /Date the letter was sent/, '2026-09-08')
    await director.getByRole('button', { name: 'Record the letter as sent' }).click()

    const lead = await as('lead')
    await lead.goto(url)
    await fillDate(lead, /Date of the visit/, '2026-10-14')
    await fillDate(lead, /final agenda/, '2026-10-07')
    await lead.getByRole('button', { name: 'Save the visit' }).click()
    await lead.getByRole('radio', { name: 'Recommendation' }).check()
    await lead.getByLabel('As the report words it').fill('Improve the quality of supervision')
    await lead.getByRole('button', { name: 'Add the item' }).click()
    await verifyOnPage(lead, 'Monitoring programme 1', 'walk-lead')
    expect(await lead.getByRole('link', { name: 'Word' }).count()).toBeGreaterThanOrEqual(2)

    const senior = await as('senior')
    await senior.goto(url)
    await senior.getByLabel('List of attendees').fill('DCS, improvement board chair, lead inspector, senior HMI')
    await senior.getByLabel('Details of discussion').fill('The evidence behind R1')
    await fillDate(senior, /Date sent to the DCS/, '2026-10-16')
    await senior.getByRole('button', { name: 'Send the record' }).click()
    await verifyOnPage(senior, 'Monitoring programme 1', 'walk-senior')

    const dcs = await as('dcs')
    await dcs.goto(url)
    await dcs.getByLabel(/Your action against R1/).fill('Train every team manager in reflective supervision')
    await dcs.getByLabel('The written statement of action').setInputFiles({
      name: 'Barnet action plan.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('plan'),
    })
    await dcs.getByRole('button', { name: 'Submit the action plan' }).click()
    await verifyOnPage(dcs, 'Monitoring programme 1', 'walk-dcs')
    expect(await dcs.locator('#action-plan + table').textContent()).toContain('Barnet action plan.docx')

    await director.goto(url)
    await director.getByRole('radio', { name: /^Reflects the recommendations/ }).check()
    await fillDate(director.locator('form[action$="/action-plan/review"]'), /Date the letter was sent/, '2026-11-23')
    await director.getByRole('button', { name: 'Record the review and tell the DfE' }).click()
    for (const [index, words] of [
      'Steady progress at four visits',
      'The LA considers itself ready',
      'The DfE agrees',
      'Re-referrals down',
      'Its children’s homes are good',
    ].entries())
      await director.locator(`textarea[name="input${index + 1}"]`).fill(words)
    await director.getByRole('radio', { name: 'Full re-inspection' }).check()
    await director.getByLabel('Reasons', { exact: true }).fill('Inadequate in most areas (001#51)')
    await fillDate(director, /Date of the decision/, '2026-11-23')
    await fillDate(director, /Date the LA was told/, '2026-11-23')
    await director.getByRole('button', { name: 'Record the decision' }).click()
    await verifyOnPage(director, 'Monitoring programme 1', 'walk-decided')

    const dfe = await as('dfe')
    await dfe.goto(url)
    await verifyOnPage(dfe, 'Monitoring programme 1', 'walk-dfe')
    const seen = (await dfe.locator('main').textContent())!.replace(/\s+/g, ' ')
    expect(seen).toContain('Full re-inspection')
    expect(seen).toContain('Barnet action plan.docx')
    expect(await dfe.getByRole('button', { name: 'Record the decision' }).count()).toBe(0)
  }, 120_000)
})
