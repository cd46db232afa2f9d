import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

describe('an LA’s engagement cycle from self-evaluation to letter (002#27-48)', () => {
  it('shares a self-evaluation, arranges and records the meeting, and sends the letter within a month', async () => {
    const laCode = '856' // Leicester
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode }))
    const la = page(await dcs.get(`/engagement/las/${laCode}`))
    expect(la.heading).toBe('Self-evaluation and annual engagement')
    expect(la.$('.govuk-summary-list').text()).toContain('None held yet')

    const empty = await dcs.upload(
      `/engagement/las/${laCode}/self-evaluations`,
      {},
      { field: 'other', name: '', content: Buffer.alloc(0) },
    )
    expect(empty.statusCode).toBe(400)
    expect(page(empty).errorSummary[0]?.text).toBe('Upload the self-evaluation, or answer the three questions (002#33)')
    const shared = await dcs.upload(
      `/engagement/las/${laCode}/self-evaluations`,
      { whatWeKnow: 'Practice is improving', howWeKnow: 'Audits', plans: 'Workforce stability' },
      { field: 'document', name: 'Self-evaluation 2026.docx', content: Buffer.from('self-evaluation') },
    )
    expect(shared.statusCode).toBe(303)
    const after = page(await dcs.get(`/engagement/las/${laCode}`))
    expect(after.$('#self-evaluations + table').text()).toContain('Self-evaluation 2026.docx')
    expect(after.$('a:contains("Arrange a meeting")').length).toBe(0)

    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    await senior.get(`/engagement/las/${laCode}/meetings/new`)
    const arranged = await senior.post(`/engagement/las/${laCode}/meetings/new`, {
      ...date('meetingOn', '2026-11-18'),
      ofstedAttendees: 'Senior HMI',
      laAttendees: 'DCS',
    })
    expect(arranged.statusCode).toBe(303)
    const meetingUrl = arranged.headers.location as string

    // The DCS agrees the agenda with the regional senior HMI (002#47).
    let meeting = page(await dcs.get(meetingUrl))
    expect(
      (
        await dcs.post(`${meetingUrl}/agenda`, {
          agendaItems: ['self-evaluation-content', 'focused-visit-scope'],
          otherItems: '',
          version: meeting.$('input[name="version"]').first().attr('value')!,
        })
      ).statusCode,
    ).toBe(303)
    meeting = page(await senior.get(meetingUrl))
    expect(meeting.$('.govuk-summary-list').text()).toContain('the possible scope of a focused visit')
    expect(meeting.$('#letter + p').text()).toContain('Due by 18 December 2026')

    const version = () => meeting.$('input[name="version"]').first().attr('value')!
    expect(
      (
        await senior.post(`${meetingUrl}/record`, {
          ofstedAttendees: 'Senior HMI',
          laAttendees: 'DCS; assistant director',
          discussion: 'The self-evaluation and the focused visit scope',
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    meeting = page(await senior.get(meetingUrl))
    const refused = await senior.post(`${meetingUrl}/letter`, { ...date('sentOn', '2026-11-23'), version: version() })
    expect(page(refused).errorSummary.map((error) => error.href)).toEqual([
      '#focusedVisitScope',
      '#nextTiming',
      '#nextSteps',
    ])
    const sent = await senior.post(`${meetingUrl}/letter`, {
      ...date('sentOn', '2026-11-23'),
      focusedVisitScope: 'Children in need',
      nextTiming: 'Autumn 2027',
      nextSteps: 'None',
      version: version(),
    })
    expect(sent.statusCode).toBe(303)
    const letter = page(await dcs.get(meetingUrl))
    expect(letter.$('.govuk-inset-text').text()).toContain('not published and contains no judgements')
    expect(letter.$('#letter ~ .govuk-summary-list').text()).toContain('Children in need')

    // Another LA's DCS cannot see it.
    const other = await signIn(await createUser(t.db, 'la-dcs', { laCode: '886' }))
    expect((await other.get(meetingUrl)).statusCode).toBe(404)
  })

  it('does not ask an inadequate LA for a self-evaluation until its first year of monitoring is done (002#30)', async () => {
    const laCode = '855' // Leicestershire
    await inadequateJudgement(t.db, laCode, '2026-09-14', '2026-11-06')
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode }))
    const la = page(await dcs.get(`/engagement/las/${laCode}`))
    expect(la.$('.govuk-summary-list').text()).toContain(
      'Not asked until the monitoring visits in the first 12 months are complete',
    )
    expect(la.$('.govuk-summary-list').text()).toContain('17 March 2028')
  })
})
