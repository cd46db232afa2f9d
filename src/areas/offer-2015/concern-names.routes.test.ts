import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { dateFields as date } from '../../test-support/date-fields.js'
import { sifInadequateJudgement } from '../../test-support/factories/offer-2015.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Tuesday 8 March 2016, day 7 of Birmingham's progress inspection; its SIF inadequate report was
// published on Monday 2 March 2015.
let t: TestApp
const LA = '330'
const WEST_MIDLANDS = 'E12000005'

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2016-03-08T10:00:00Z') })
  await sifInadequateJudgement(t.db, LA, '2015-03-02')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const oneLine = (value: string) => value.replace(/\s+/g, ' ')

describe('a case of concern that looks as if it names a child (002#191; 000 Annex H/C)', () => {
  it('is shown back with the words found, and saved only once the inspector confirms; initials pass', async () => {
    const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS }))
    const hmiUser = await createUser(t.db, 'hmi')
    const hmi = await signIn(hmiUser)
    const url = (await director.post(`/offer-2015/las/${LA}/open`, {})).headers.location as string
    expect((await director.post(`${url}/inspectors`, { inspectors: [hmiUser.id] })).statusCode).toBe(303)
    const cards = async () => page(await hmi.get(url)).$('#concerns ~ .govuk-summary-card').length

    const concern = {
      childId: 'BHM0009',
      teamLocation: 'Assessment team (north)',
      issues: 'Jamie’s mother was not seen after a second referral about Kayden (9)',
      ...date('responseDue', '2016-03-10'),
    }
    const warned = await hmi.post(`${url}/concerns`, concern)
    expect(warned.statusCode).toBe(400)
    const shown = page(warned)
    expect(oneLine(shown.$('#possible-names table').text())).toContain('Jamie’s mother')
    expect(oneLine(shown.$('#possible-names table').text())).toContain('Kayden')
    expect(shown.$('textarea[name="issues"]').text()).toBe(concern.issues) // what they typed, to edit
    expect(await cards()).toBe(0) // nothing saved yet

    const fingerprint = shown.$('input[name="namesFingerprint"]').attr('value')!
    // Confirming a different text (another name added) is warned about again.
    const changed = await hmi.post(`${url}/concerns`, {
      ...concern,
      issues: `${concern.issues}; Sarah Jones was told`,
      confirmNames: 'yes',
      namesFingerprint: fingerprint,
    })
    expect(changed.statusCode).toBe(400)
    expect(await cards()).toBe(0)

    expect(
      (await hmi.post(`${url}/concerns`, { ...concern, confirmNames: 'yes', namesFingerprint: fingerprint }))
        .statusCode,
    ).toBe(303)
    expect(await cards()).toBe(1)

    // Initials and job titles are saved at once.
    const plain = await hmi.post(`${url}/concerns`, {
      childId: 'BHM0010',
      teamLocation: 'Children in care team',
      issues: 'JB’s social worker has not visited since the review; the team manager agreed to act',
      ...date('responseDue', '2016-03-10'),
    })
    expect(plain.statusCode).toBe(303)
    expect(await cards()).toBe(2)
  })
})
