import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { progressInspection2015Timeline } from '../../rules/timelines/progress-inspection-2015.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { dateFields as date } from '../../test-support/date-fields.js'
import { sifInadequateJudgement } from '../../test-support/factories/offer-2015.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Wednesday 13 April 2016. Coventry (331, West Midlands) judged inadequate under the SIF, its
// report published on Monday 2 March 2015; its progress inspection was on site from 7 March 2016.
let t: TestApp
const LA = '331'
const WEST_MIDLANDS = 'E12000005'

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2016-04-13T10:00:00Z') })
  await sifInadequateJudgement(t.db, LA, '2015-03-02')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const oneLine = (value: string) => value.replace(/\s+/g, ' ')

describe('the 2015 offer’s letters on the public list (000#38, #42; ADR 0028)', () => {
  it('publishes the later review letters and the progress letter once published, never the first review', async () => {
    const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS }))
    const publicReader = new TestAgent(t.app)
    const url = (await director.post(`/offer-2015/las/${LA}/open`, {})).headers.location as string
    let offer = page(await director.get(url))
    const version = () => offer.$('input[name="version"]').first().attr('value')!
    const post = async (path: string, body: Record<string, string | string[]>) => {
      offer = page(await director.get(url))
      return (await director.post(`${url}/${path}`, { ...body, version: version() })).statusCode
    }
    const step = (key: string, on: string, note: string) => post('steps', { step: key, ...date('doneOn', on), note })
    expect(await step('review.1', '2015-06-02', 'Early days.')).toBe(303)
    expect(await step('review.2', '2015-09-02', 'Referrals are now screened within a day.')).toBe(303)
    expect(await post('progress-inspection', { ...date('onsite', '2016-03-07') })).toBe(303)
    expect(await post('cases/shortfall', { reason: 'The sample is not this test’s' })).toBe(303)
    expect(await post('progress-inspection', { ...date('onsite', '2016-03-07'), judgement: 'satisfactory' })).toBe(303)
    expect(await step('pi.report.published', '2016-04-08', 'Children are safer.')).toBe(303)

    // Nothing is public before it is published; the first review letter has no publish action.
    const list = async () => oneLine((await publicReader.get('/published?type=offer-review-letter')).body)
    expect(await list()).not.toContain('Coventry: quarterly review letter')
    offer = page(await director.get(url))
    const actions = offer
      .$('#letters ~ ul form')
      .toArray()
      .map((form) => offer.$(form).attr('action'))
    expect(actions).toEqual([`${url}/letters/review.2/publish`, `${url}/letters/pi.report.published/publish`])
    expect((await director.post(`${url}/letters/review.1/publish`, {})).statusCode).toBe(400)

    expect((await director.post(`${url}/letters/review.2/publish`, {})).statusCode).toBe(303)
    expect((await director.post(`${url}/letters/pi.report.published/publish`, {})).statusCode).toBe(303)
    expect((await director.post(`${url}/letters/review.2/publish`, {})).statusCode).toBe(409)
    expect(await list()).toContain('Coventry: quarterly review letter 2')
    expect(await list()).not.toContain('quarterly review letter 1')
    const progress = page(await publicReader.get('/published?type=progress-inspection-letter'))
    const link = progress.$('a:contains("Coventry: progress inspection letter")').attr('href')!
    const shown = await publicReader.get(link)
    expect(shown.statusCode).toBe(200)
    // Day 35 of the timeline from Monday 7 March 2016 on site (000#42), from the rules core.
    const timeline = progressInspection2015Timeline('2016-03-07')
    if (!timeline.ok) throw new Error('expected a timeline')
    const day35 = timeline.timeline.milestones.find((milestone) => milestone.key === 'report.published')!.date
    expect(day35).toBe('2016-04-19')
    expect(oneLine(shown.body)).toContain('the 2015 improvement offer set 19 April 2016')
    expect((await publicReader.get(`${link}/report.pdf`)).statusCode).toBe(200)
    offer = page(await director.get(url))
    expect(oneLine(offer.$('#letters ~ ul').first().text())).toContain('on the public list since 13 April 2016')
  })
})
