import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { docxText, pdfText } from '../../documents/index.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { sifInadequateJudgement } from '../../test-support/factories/offer-2015.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Wednesday 1 June 2016. Birmingham (330, West Midlands) judged inadequate under the SIF, its
// report published on Monday 2 March 2015; the offer's letters are generated from its steps.
let t: TestApp
const LA = '330'
const WEST_MIDLANDS = 'E12000005'

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2016-06-01T10:00:00Z') })
  await sifInadequateJudgement(t.db, LA, '2015-03-02')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const oneLine = (value: string) => value.replace(/\s+/g, ' ')
const word = async (agent: TestAgent, url: string) => {
  const response = await agent.get(url)
  expect(response.statusCode).toBe(200)
  return oneLine(docxText(new Uint8Array(response.rawPayload)).join(' '))
}
const pdf = async (agent: TestAgent, url: string) => {
  const response = await agent.get(url)
  expect(response.statusCode).toBe(200)
  return oneLine((await pdfText(new Uint8Array(response.rawPayload))).join(' '))
}

describe('the 2015 offer’s letters, generated from each recorded step (000#23, #35-38, Annex H/D)', () => {
  it('generates the seminar record, the visit and review letters and the progress letter; alerts on an offer at risk', async () => {
    const director = await signIn(
      await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS, displayName: 'Jo Clarke' }),
    )
    const national = await createUser(t.db, 'national-director', { displayName: 'Pat Nolan' })
    const hmi = await signIn(await createUser(t.db, 'hmi', { displayName: 'Lee Hughes' }))
    const otherHmi = await signIn(await createUser(t.db, 'hmi'))
    const senior = await signIn(await createUser(t.db, 'senior-hmi', { displayName: 'Kim Ward' }))
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: LA, displayName: 'Sam Patel' }))
    const otherDcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: '333' }))
    const url = (await director.post(`/offer-2015/las/${LA}/open`, {})).headers.location as string
    let offer = page(await senior.get(url))
    const version = () => offer.$('input[name="version"]').first().attr('value')!
    const post = async (path: string, body: Record<string, string>) => {
      offer = page(await senior.get(url))
      return (await senior.post(`${url}/${path}`, { ...body, version: version() })).statusCode
    }
    const step = (key: string, on: string, note: string, extra: Record<string, string> = {}) =>
      post('steps', { step: key, ...date('doneOn', on), note, ...extra })

    // Annex C: the record sent to the DCS on Friday 17 April 2015.
    expect(
      await post('seminar', {
        ...date('heldOn', '2015-04-15'),
        priorities: 'Supervision\nDrift\nThe front door',
        attendees: ['DCS', 'Deputy DCS', 'Head of safeguarding', 'LSCB chair', 'Head of LAC', 'Police lead'].join('\n'),
        evidence: 'The lead HMI presented the case tracking findings.',
        discussion: 'The LA disputed the finding on the front door.',
        ...date('recordSentOn', '2015-04-17'),
      }),
    ).toBe(303)
    const record = await word(dcs, `${url}/letters/seminar.record/letter.docx`)
    expect(record).toContain('seminar held on 15 April 2015')
    expect(record).toContain('The LA disputed the finding on the front door.')
    expect(record).toContain('Lee Hughes, HMI; Kim Ward, Senior HMI')
    expect(record).toContain('Date of record: 17 April 2015')

    // 000#35: the first monthly visit's letter, two days from Tuesday 14 July 2015, never published.
    expect(await post('plan-letter', { letter: 'D', ...date('sentOn', '2015-06-20'), differences: '' })).toBe(303)
    expect(await step('visit.1', '2015-07-14', 'Supervision is now monthly in most teams.')).toBe(303)
    const visit = await pdf(dcs, `${url}/letters/visit.1/letter.pdf`)
    expect(visit).toContain('first of twelve monthly improvement monitoring visits')
    expect(visit).toContain('14 to 15 July 2015')
    expect(visit).toContain('Supervision is now monthly in most teams.')
    expect(visit).toContain('it will not be published by Ofsted')

    // 000#37-38: the first review is not published; the second is, and it finds the offer at risk.
    expect(await step('visit.2', '2015-08-11', 'Findings', { atRisk: 'yes' })).toBe(400)
    expect(await step('review.1', '2015-06-02', 'Early days.')).toBe(303)
    expect(await word(dcs, `${url}/letters/review.1/letter.docx`)).toContain('this letter will not be published')
    expect(await step('review.2', '2015-09-01', 'Progress has stalled at the front door.', { atRisk: 'yes' })).toBe(303)
    const second = await word(dcs, `${url}/letters/review.2/letter.docx`)
    expect(second).toContain('second of four quarterly reviews')
    expect(second).toContain('will be published on the Ofsted website')
    expect(second).toContain('threaten the continuing viability of the improvement offer')
    const alerts = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'offer-at-risk').execute()
    expect(alerts.map((email) => email.recipient).sort()).toEqual(
      [
        national.email,
        (
          await t.db
            .selectFrom('users')
            .select('email')
            .where('display_name', '=', 'Jo Clarke')
            .executeTakeFirstOrThrow()
        ).email,
      ].sort(),
    )
    expect(alerts[0]!.body_text).toContain('Progress has stalled at the front door.')
    offer = page(await senior.get(url))
    expect(oneLine(offer.$('#step-offer\\.at-risk').parent().text())).toContain('1 September 2015')

    // Annex H/D: published on day 35 and copied to four.
    // The sample is not this test's: its shortfall is recorded so the judgement can be given (Annex H).
    expect(await post('cases/shortfall', { reason: 'No case sample recorded in this test' })).toBe(303)
    expect(await post('progress-inspection', { ...date('onsite', '2016-03-07'), judgement: 'satisfactory' })).toBe(303)
    expect(await step('pi.report.published', '2016-04-08', 'Most children are now safe.')).toBe(303)
    const letter = await pdf(dcs, `${url}/letters/pi.report.published/letter.pdf`)
    expect(letter).toContain('Following the progress inspection of Birmingham on 7 to 11 March 2016')
    expect(letter).toContain('the local authority is making satisfactory progress')
    expect(letter).toContain('the Secretary of State, the chair of the Local Safeguarding Children Board')
    expect(letter).toContain('Most children are now safe.')
    offer = page(await dcs.get(url))
    expect(oneLine(offer.$('#letters ~ ul').first().text())).toContain('Quarterly review letter 2, published')
    // 000#42: the partner inspectorates within five working days of the actual publication, Friday 15 April 2016.
    expect(oneLine(offer.$('#step-pi\\.other-inspectorates\\.notified').parent().text())).toContain('15 April 2016')

    // An HMI's tasks are the offers they work on (have recorded a step of), not every offer.
    offer = page(await hmi.get(url))
    expect(
      (
        await hmi.post(`${url}/steps`, {
          step: 'visit.2',
          ...date('doneOn', '2015-08-11'),
          note: 'Drift is reducing.',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    expect(oneLine((await hmi.get('/')).body)).toContain('Monthly improvement monitoring visit 3 of 12')
    expect(oneLine((await otherHmi.get('/')).body)).not.toContain('Monthly improvement monitoring visit')

    expect((await otherDcs.get(`${url}/letters/visit.1/letter.pdf`)).statusCode).toBe(404)
    expect((await dcs.get(`${url}/letters/visit.3/letter.pdf`)).statusCode).toBe(404)
    expect((await dcs.get(`${url}/letters/plan.chase/letter.pdf`)).statusCode).toBe(404)
  })
})
