import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { docxText } from '../../documents/index.js'
import { offer2015 } from '../../rules/offer-2015.js'
import { progressInspection2015Timeline } from '../../rules/timelines/progress-inspection-2015.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { sifInadequateJudgement } from '../../test-support/factories/offer-2015.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Tuesday 3 March 2015. Birmingham (330, West Midlands) judged inadequate under the SIF, its
// report published on Monday 2 March 2015; Sandwell (333) is another LA of the region.
let t: TestApp
const LA = '330'
const WEST_MIDLANDS = 'E12000005'

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2015-03-03T10:00:00Z') })
  await sifInadequateJudgement(t.db, LA, '2015-03-02')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ')
const long = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })

describe('the 2015 improvement offer from the invitation to the end (000#5-54)', () => {
  it('opens on the SIF inadequate judgement and runs every step with its statutory date from the rules', async () => {
    const director = await signIn(
      await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS, displayName: 'Jo Clarke' }),
    )
    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: LA, displayName: 'Sam Patel' }))
    const otherDcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: '333' }))
    const dfe = await signIn(await createUser(t.db, 'dfe-case-lead', { laCodes: [LA] }))
    const rules = offer2015('2015-03-02')

    expect(text((await director.get('/offer-2015')).body)).toContain(
      'Birmingham: judged inadequate, published 2 March 2015',
    )
    expect(page(await director.get(`/offer-2015/las/${LA}`)).heading).toBe('2015 improvement offer')
    const opened = await director.post(`/offer-2015/las/${LA}/open`, {})
    expect(opened.statusCode).toBe(303)
    const url = opened.headers.location as string
    let offer = page(await senior.get(url))
    const steps = text(offer.$('#steps ~ table').text())
    // 000#8, #12: 25 to 35 working days after Monday 2 March 2015, over Easter; 000#24: 70 working days.
    expect(steps).toContain(`${long(rules.seminar.earliest)} to ${long(rules.seminar.latest)}`)
    expect(steps).toContain('8 April 2015 to 22 April 2015')
    expect(steps).toContain(long(rules.improvementPlanDue))
    expect(text(offer.$('#choices ~ ul').first().text())).toContain('The offer starts on publication')
    expect(text((await director.get('/')).body)).toContain('Invitation to host the improvement planning seminar')
    // Another region's director may read the offer but is not asked to act on it.
    const london = await signIn(await createUser(t.db, 'regional-director', { regionCode: 'E12000007' }))
    expect(text((await london.get('/')).body)).not.toContain('2015 improvement offer')
    expect((await london.get(url)).statusCode).toBe(200)

    // The invitation (Annex A) as Word: the window in dates and the copies of 000#12.
    const word = await director.get(`${url}/invitation.docx`)
    expect(word.statusCode).toBe(200)
    const letter = text(docxText(new Uint8Array(word.rawPayload)).join(' '))
    expect(letter).toContain('In your case this means between 8 April 2015 and 22 April 2015.')
    expect(letter).toContain('the National Director, Social Care')
    const version = () => offer.$('input[name="version"]').first().attr('value')!
    expect(
      (
        await director.post(`${url}/steps`, {
          step: 'invitation',
          ...date('doneOn', '2015-03-02'),
          note: '',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)

    // Declined, then persuaded (000#15-16): the DfE step appears; then accepted for 15 April.
    offer = page(await dcs.get(url))
    expect(
      (
        await dcs.post(`${url}/seminar-reply`, {
          reply: 'declined',
          ...date('repliedOn', '2015-03-09'),
          persuasion: '',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    offer = page(await senior.get(url))
    expect(text(offer.$('#steps ~ table').text())).toContain(
      'the DfE inspections and interventions team is formally notified',
    )
    const accepted = {
      reply: 'accepted',
      ...date('repliedOn', '2015-03-16'),
      ...date('seminarOn', '2015-04-15'),
      persuasion: 'The regional director met the DCS on 12 March; the lines to take were agreed with the SHMI',
    }
    expect((await dcs.post(`${url}/seminar-reply`, { ...accepted, version: version() })).statusCode).toBe(303)
    offer = page(await senior.get(url))
    // 000#20: the agenda five working days before Wednesday 15 April 2015.
    expect(text(offer.$('#step-seminar\\.agenda').parent().text())).toContain(
      long(offer2015('2015-03-02', { seminar: '2015-04-15' }).seminar.agendaBy!),
    )

    const seminar = {
      ...date('heldOn', '2015-04-15'),
      attendees: [
        'DCS',
        'Deputy DCS',
        'Head of safeguarding',
        'LSCB chair',
        'Head of looked after children',
        'Police lead',
      ].join('\n'),
      ...date('recordSentOn', '2015-04-17'),
    }
    const few = await senior.post(`${url}/seminar`, {
      ...seminar,
      priorities: 'Supervision\nDrift',
      version: version(),
    })
    expect(few.statusCode).toBe(400)
    expect(page(few).errorSummary[0]?.text).toContain('Enter three to five priorities, one a line')
    expect(
      (
        await senior.post(`${url}/seminar`, {
          ...seminar,
          priorities: 'Supervision\nDrift\nThe front door',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)

    // Letters F and G follow E (000#32-33); D makes the plan acceptable and starts the visits (000#34).
    offer = page(await senior.get(url))
    const early = await senior.post(`${url}/plan-letter`, {
      letter: 'F',
      ...date('sentOn', '2015-06-20'),
      differences: '',
      version: version(),
    })
    expect(early.statusCode).toBe(400)
    expect(
      (
        await senior.post(`${url}/plan-letter`, {
          letter: 'D',
          ...date('sentOn', '2015-06-20'),
          differences: '',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    const planLetter = await dfe.get(`${url}/plan-letter.docx`)
    expect(planLetter.statusCode).toBe(200)
    expect(text(docxText(new Uint8Array(planLetter.rawPayload)).join(' '))).toContain(
      'seminar that took place on 15 April 2015',
    )
    offer = page(await senior.get(url))
    expect(text(offer.$('#step-visit\\.1').parent().text())).toContain(
      long(offer2015('2015-03-02', { planAccepted: '2015-06-20' }).monitoringVisits.firstBy!),
    )

    // The progress inspection: day 6 must be a Monday (000#42); then day 1 to day 35 as steps.
    const tuesday = await senior.post(`${url}/progress-inspection`, {
      ...date('onsite', '2016-03-08'),
      version: version(),
    })
    expect(tuesday.statusCode).toBe(400)
    // Annex H: no judgement before the sample is complete or its shortfall recorded.
    const unsampled = await senior.post(`${url}/progress-inspection`, {
      ...date('onsite', '2016-03-07'),
      judgement: 'satisfactory',
      version: version(),
    })
    expect(unsampled.statusCode).toBe(400)
    expect(text(unsampled.body)).toContain('0 of 30 cases selected by the lead inspector')
    offer = page(await senior.get(url))
    expect(
      (await senior.post(`${url}/cases/shortfall`, { reason: 'The LA’s case lists came late', version: version() }))
        .statusCode,
    ).toBe(303)
    offer = page(await senior.get(url))
    expect(
      (
        await senior.post(`${url}/progress-inspection`, {
          ...date('onsite', '2016-03-07'),
          judgement: 'satisfactory',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    offer = page(await dfe.get(url))
    const timeline = progressInspection2015Timeline('2016-03-07')
    if (!timeline.ok) throw new Error('expected a timeline')
    const published = timeline.timeline.milestones.find((item) => item.key === 'report.published')!
    expect(text(offer.$('#step-pi\\.report\\.published').parent().text())).toContain(long(published.date))
    expect(text(offer.$('dl').text())).toContain('Satisfactory progress')
    expect(offer.$('form[action$="/steps"]').length).toBe(0)

    // The final letter ends the offer (000#54).
    offer = page(await senior.get(url))
    expect(
      (
        await senior.post(`${url}/steps`, {
          step: 'final-letter',
          ...date('doneOn', '2016-06-01'),
          note: '',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    offer = page(await dcs.get(url))
    expect(text(offer.$('dl').text())).toContain('Ended')
    expect((await otherDcs.get(url)).statusCode).toBe(404)
    expect(text((await director.get('/offer-2015')).body)).toContain('Birmingham')
  })

  it('tells the DfE case lead when the DCS still refuses the seminar (000#7, #15-16)', async () => {
    await sifInadequateJudgement(t.db, '333', '2015-03-02')
    const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: WEST_MIDLANDS }))
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: '333' }))
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: ['333'] })
    const url = (await director.post('/offer-2015/las/333/open', {})).headers.location as string
    let offer = page(await dcs.get(url))
    const version = () => offer.$('input[name="version"]').first().attr('value')!
    await dcs.post(`${url}/seminar-reply`, {
      reply: 'declined',
      ...date('repliedOn', '2015-03-09'),
      persuasion: '',
      version: version(),
    })
    offer = page(await director.get(url))
    const told = await director.post(`${url}/steps`, {
      step: 'seminar.dfe-told',
      ...date('doneOn', '2015-03-20'),
      note: 'The DCS declined again after the regional director met her on 18 March',
      version: version(),
    })
    expect(told.statusCode).toBe(303)
    const emails = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', caseLead.email).execute()
    expect(emails).toHaveLength(1)
    expect(emails[0]!.body_text).toContain(
      'The DCS has refused the improvement planning seminar after a further approach',
    )
    expect(emails[0]!.body_text).toContain('declined again')

    // Unsatisfactory progress is flagged to the DfE too (issue 15).
    offer = page(await director.get(url))
    await director.post(`${url}/cases/shortfall`, { reason: 'Not this test’s concern', version: version() })
    offer = page(await director.get(url))
    await director.post(`${url}/progress-inspection`, {
      ...date('onsite', '2016-03-07'),
      judgement: 'unsatisfactory',
      version: version(),
    })
    const flagged = await t.db
      .selectFrom('outbox')
      .select('body_text')
      .where('recipient', '=', caseLead.email)
      .execute()
    expect(flagged.map((email) => email.body_text).join(' ')).toContain('progress unsatisfactory')
  })
})
