import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { pdfText } from '../../documents/index.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { deliveryBody } from '../../test-support/factories/register.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Slough (871, South East), judged inadequate and published on
// Monday 14 September 2026, its children's services run by a trust set up at the Secretary of State's direction.
let t: TestApp
const LA = '871'
const SOUTH_EAST = 'E12000008'

beforeAll(async () => {
  t = await buildTestApp()
  await inadequateJudgement(t.db, LA, '2026-07-06', '2026-09-14')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ')

describe('the monitoring programme and activities of an LA whose services a trust runs (002#236-237)', () => {
  it('the action plan names the trust and its part, the letters copy it, and its activities name it', async () => {
    const regional = await createUser(t.db, 'regional-director', { regionCode: SOUTH_EAST })
    await deliveryBody(t.db, LA, regional.id, { name: 'Slough Children First' })
    const director = await signIn(regional)
    const opened = await director.post(`/monitoring/las/${LA}/open`, {
      'prePublication-day': '7',
      'prePublication-month': '9',
      'prePublication-year': '2026',
    })
    const url = opened.headers.location as string
    const programme = page(await director.get(url))
    const plan = text(programme.$('#plan-delivery').text())
    expect(plan).toContain('Slough Children First (a trust, since 1 October 2015) runs children’s services')
    expect(plan).toContain('Slough Children First: the operational content')
    expect(plan).toContain('the plan is copied to the Secretary of State')

    const version = programme.$('input[name="version"]').first().attr('value')!
    expect(
      (
        await director.post(`${url}/planning-visit/letter`, {
          letterCopies: '002#118',
          'sentOn-day': '8',
          'sentOn-month': '9',
          'sentOn-year': '2026',
          version,
        })
      ).statusCode,
    ).toBe(303)
    const letter = await director.get(`${url}/planning-visit/letter.pdf`)
    expect(text((await pdfText(new Uint8Array(letter.rawPayload))).join(' '))).toContain(
      'Slough Children First, running children’s services under delegated functions',
    )

    // An activity's page names the body that runs the services during its fieldwork.
    const services = createServices({ db: t.db, clock: t.clock, config: t.config })
    const national = (await principalFor(t.db, (await createUser(t.db, 'national-director')).id))!
    const activityId = await services.activities.plan(
      national,
      { laCode: LA, type: 'standard-inspection', variant: null, onsiteStart: '2027-01-11', topics: [] },
      { requestId: 'test' },
    )
    const activity = page(await director.get(`/activities/${activityId}`))
    const row = activity
      .$('.govuk-summary-list__row')
      .filter((_, el) => activity.$(el).text().includes('Services run by'))
    expect(text(row.text())).toContain('Slough Children First (a trust, since 1 October 2015)')
  })
})
