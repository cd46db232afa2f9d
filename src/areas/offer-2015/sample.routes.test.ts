import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { pdfText } from '../../documents/index.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { dateFields as date } from '../../test-support/date-fields.js'
import { sifInadequateJudgement } from '../../test-support/factories/offer-2015.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Tuesday 8 March 2016, day 7 of Birmingham's progress inspection (on site from Monday 7 March);
// its SIF inadequate report was published on Monday 2 March 2015.
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
const ids = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `BHM${String(from + index).padStart(4, '0')}`).join('\n')

describe('the progress inspection’s cases (000 Annex H, H/B, H/C) and the offer’s named inspectors', () => {
  it('counts the sample against Annex H, keeps child IDs to the named inspectors, and holds the judgement until the sample is met', async () => {
    const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS }))
    const hmiUser = await createUser(t.db, 'hmi', { displayName: 'Ali Khan' })
    const hmi = await signIn(hmiUser)
    const otherHmi = await signIn(await createUser(t.db, 'hmi', { displayName: 'Bo Jones' }))
    const url = (await director.post(`/offer-2015/las/${LA}/open`, {})).headers.location as string
    let offer = page(await director.get(url))
    const version = () => offer.$('input[name="version"]').first().attr('value')!
    expect(
      (await director.post(`${url}/progress-inspection`, { ...date('onsite', '2016-03-07'), version: version() }))
        .statusCode,
    ).toBe(303)

    // Before anyone is named, no inspector reads or records the cases.
    expect((await hmi.post(`${url}/cases`, { childIds: 'BHM0001', source: 'selected' })).statusCode).toBe(404)
    // The regional director names Ali Khan; Bo Jones is not named.
    expect((await director.post(`${url}/inspectors`, { inspectors: [hmiUser.id] })).statusCode).toBe(303)
    expect(
      oneLine(
        page(await director.get(url))
          .$('#inspectors + p')
          .text(),
      ),
    ).toContain('Named: Ali Khan')
    expect((await otherHmi.post(`${url}/cases`, { childIds: 'BHM0001', source: 'selected' })).statusCode).toBe(404)
    // The named HMI's home page lists the offer's inspector steps (feedback on day 10); the other's does not.
    expect(oneLine((await hmi.get('/')).body)).toContain('Day 10: provisional findings given to the DCS: Birmingham')
    expect(oneLine((await otherHmi.get('/')).body)).not.toContain('Birmingham')

    // 28 of the lead's 30, one with a CSE dimension, six for the LA to audit, and the LA's four.
    const add = async (fields: Record<string, string>) => (await hmi.post(`${url}/cases`, fields)).statusCode
    expect(await add({ childIds: 'Jamie Smith', source: 'selected' })).toBe(400)
    expect(await add({ childIds: ids(1, 1), source: 'selected', cse: 'yes' })).toBe(303)
    expect(await add({ childIds: ids(2, 6), source: 'selected', laAudit: 'yes' })).toBe(303)
    expect(await add({ childIds: ids(8, 21), source: 'selected' })).toBe(303)
    expect(await add({ childIds: ids(101, 2), source: 'la-child-protection' })).toBe(303)
    expect(await add({ childIds: ids(201, 2), source: 'la-child-in-need', cse: 'yes' })).toBe(400)
    expect(await add({ childIds: ids(201, 2), source: 'la-child-in-need' })).toBe(303)

    offer = page(await hmi.get(url))
    const counts = oneLine(offer.$('#case-counts').text())
    expect(counts).toContain('Short 28 of 30 cases selected by the lead inspector')
    expect(counts).toContain('Short 1 of 2 with a child sexual exploitation dimension')
    expect(counts).toContain('Met 6 of 6 cases the LA audits')
    expect(offer.$('#sample-cases tbody tr')).toHaveLength(32)
    // The director sees the counts but never a child ID; the named inspector's read is audited.
    const directorsView = await director.get(url)
    expect(oneLine(page(directorsView).$('#case-counts').text())).toContain('28 of 30 cases')
    expect(directorsView.body).not.toContain('BHM0001')
    const reads = await t.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'offer-2015.cases-read')
      .execute()
    expect(new Set(reads.map((read) => read.actor_id))).toEqual(new Set([hmiUser.id]))

    // The judgement waits for the sample (Annex H) …
    offer = page(await director.get(url))
    const refused = await director.post(`${url}/progress-inspection`, {
      ...date('onsite', '2016-03-07'),
      judgement: 'unsatisfactory',
      version: version(),
    })
    expect(refused.statusCode).toBe(400)
    expect(oneLine(refused.body)).toContain('28 of 30 cases selected by the lead inspector; 1 of 2 with a child')

    // … so the lead completes it: two more, one with a CSE dimension.
    expect(await add({ childIds: ids(29, 1), source: 'selected', cse: 'yes' })).toBe(303)
    expect(await add({ childIds: ids(30, 1), source: 'selected' })).toBe(303)
    offer = page(await hmi.get(url))
    const caseIds = offer
      .$('select[name="caseId"] option')
      .toArray()
      .map((option) => [offer.$(option).text(), offer.$(option).attr('value')!] as const)
    const see = async (childId: string, standardsEvident: string, riskManaged: string) =>
      (
        await hmi.post(`${url}/cases/change`, {
          caseId: caseIds.find(([text]) => text === childId)![1],
          standardsEvident,
          riskManaged,
        })
      ).statusCode
    for (let n = 1; n <= 30; n += 1)
      expect(await see(`BHM${String(n).padStart(4, '0')}`, n <= 20 ? 'yes' : 'no', n === 30 ? 'no' : 'yes')).toBe(303)
    offer = page(await director.get(url))
    // Annex B's words for 20 of 30 (E9), and one child whose risk is not managed.
    expect(oneLine(offer.$('#case-evidence').text())).toContain(
      'In 20 of 30 cases seen (66.7%, large majority) the practice standards were evident',
    )
    expect(oneLine(offer.$('#case-evidence').text())).toContain('risk was identified and managed for 29 of the 30')
    const satisfactory = await director.post(`${url}/progress-inspection`, {
      ...date('onsite', '2016-03-07'),
      judgement: 'satisfactory',
      version: version(),
    })
    expect(satisfactory.statusCode).toBe(400)
    expect(oneLine(satisfactory.body)).toContain('risk managed for every child')

    // A case of concern: the response due on a date the inspector sets, not in the past; then answered.
    const concern = (responseDue: string) =>
      hmi.post(`${url}/concerns`, {
        childId: 'BHM0009',
        teamLocation: 'Assessment team (north)',
        issues: 'No strategy discussion after a second referral',
        ...date('responseDue', responseDue),
      })
    expect((await concern('2016-03-07')).statusCode).toBe(400)
    expect((await concern('2016-03-09')).statusCode).toBe(303)
    offer = page(await hmi.get(url))
    expect(oneLine(offer.$('#concerns ~ .govuk-summary-card').text())).toContain('9 March 2016')
    const concernId = offer.$('select[name="concernId"] option').eq(1).attr('value')!
    expect(
      (
        await hmi.post(`${url}/concerns/response`, {
          concernId,
          response: 'A strategy discussion was held the next day',
          ...date('respondedOn', '2016-03-08'),
        })
      ).statusCode,
    ).toBe(303)
    offer = page(await hmi.get(url))
    expect(oneLine(offer.$('#concerns ~ .govuk-summary-card').text())).toContain(
      'A strategy discussion was held the next day (received 8 March 2016)',
    )

    // Unsatisfactory progress, and the progress letter's evidence in Annex B's words, without a child ID.
    offer = page(await director.get(url))
    expect(
      (
        await director.post(`${url}/progress-inspection`, {
          ...date('onsite', '2016-03-07'),
          judgement: 'unsatisfactory',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    offer = page(await director.get(url))
    await director.post(`${url}/steps`, {
      step: 'pi.report.published',
      ...date('doneOn', '2016-03-08'),
      note: 'Progress is too slow.',
      version: version(),
    })
    const letter = await director.get(`${url}/letters/pi.report.published/letter.pdf`)
    expect(letter.statusCode).toBe(200)
    const words = oneLine((await pdfText(new Uint8Array(letter.rawPayload))).join(' '))
    expect(words).toContain('Inspectors considered 34 children’s cases: 30 selected by the lead inspector, 2 of them')
    expect(words).toContain('In 20 of 30 cases seen (66.7%, large majority) the practice standards were evident.')
    expect(words).not.toContain('BHM0')
  })
})
