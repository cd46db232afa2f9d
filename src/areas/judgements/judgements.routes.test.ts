import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { activityOnSite, settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { checkJudgement } from '../register/index.js'
import { registerForm } from './service.js'

const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let director: TestUser
let regional: TestUser
let otherRegional: TestUser
let lead: TestUser
let seniorHmi: TestUser
let teamHmi: TestUser
let outsider: TestUser
let qaManager: TestUser
let dcs: TestUser
let analyst: TestUser
let otherDcs: TestUser

beforeAll(async () => {
  t = await buildTestApp({ clock })
  director = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  otherRegional = await createUser(t.db, 'regional-director', { regionCode: 'E12000005' })
  lead = await createUser(t.db, 'hmi')
  seniorHmi = await createUser(t.db, 'senior-hmi')
  teamHmi = await createUser(t.db, 'hmi')
  outsider = await createUser(t.db, 'hmi')
  qaManager = await createUser(t.db, 'qa-manager')
  dcs = await createUser(t.db, 'la-dcs', { laCode: '886' })
  analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
  otherDcs = await createUser(t.db, 'la-dcs', { laCode: '887' })
})
afterAll(async () => t.close())

const onSite = (
  type: 'standard-inspection' | 'short-inspection' | 'focused-visit',
  onsite: string,
  extra: { notifiedOnly?: boolean; laCode?: string } = {},
) =>
  activityOnSite({
    db: t.db,
    config: t.config,
    clock,
    director,
    type,
    onsite,
    lead,
    others: [
      { user: seniorHmi, teamRole: 'senior-hmi' },
      { user: teamHmi, teamRole: 'team-inspector' },
    ],
    ...extra,
  })

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)

async function versionOf(agent: TestAgent, url: string): Promise<string> {
  return (
    page(await agent.get(url))
      .$('input[name="version"]')
      .first()
      .attr('value') ?? ''
  )
}

async function record(
  agent: TestAgent,
  activityId: string,
  area: string,
  grade: string,
  extra: Record<string, string | string[]> = {},
) {
  const url = `/activities/${activityId}/judgements/${area}`
  const version = await versionOf(agent, url)
  return agent.post(url, { grade, rationale: `Evidence from case 1234 supports ${grade}.`, version, ...extra })
}

async function statusTo(agent: TestAgent, activityId: string, to: string) {
  const version = String(
    (await t.db.selectFrom('activities').select('version').where('id', '=', activityId).executeTakeFirstOrThrow())
      .version,
  )
  await agent.get(`/activities/${activityId}`)
  return agent.post(`/activities/${activityId}/status`, { to, version })
}

describe('the judgements each framework gives (002#96; frameworkInForce on the first day on site)', () => {
  it.each([
    [
      'ILACS 2018 before 1 January 2023: the four judgements of 002#96',
      '2022-12-05',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care and care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2023 from 1 January 2023: care leavers graded separately',
      '2023-01-09',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2023 on its last Monday, 30 March 2026',
      '2026-03-30',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2026 from 1 April 2026: no overall effectiveness grade',
      '2026-04-13',
      [
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
  ])('%s', async (_name, onsite, labels) => {
    // Medway, so the Kent inspections below can use the same dates.
    const id = await onSite('standard-inspection', onsite, { laCode: '887' })
    const overview = page(await (await signIn(director)).get(`/activities/${id}/judgements`))
    expect(overview.heading).toBe('Judgements')
    expect(
      overview
        .$('#judgements .govuk-summary-list__key')
        .map((_, el) => overview.$(el).text().trim())
        .get(),
    ).toEqual(labels)
    // The decision is on the page, with the rule.
    expect(overview.$('main').text()).toContain(`${labels.length} judgements`)
    expect(overview.$('main a[href="/rules/S6"]').length).toBeGreaterThan(0)
  })

  it('gives a short inspection the same judgements as a standard one', async () => {
    const id = await onSite('short-inspection', '2023-01-09')
    const overview = page(await (await signIn(director)).get(`/activities/${id}/judgements`))
    expect(overview.$('#judgements .govuk-summary-list__row')).toHaveLength(5)
  })
})

describe('a standard inspection under ILACS 2023, from judgements to feedback', () => {
  let id = ''

  beforeAll(async () => {
    id = await onSite('standard-inspection', '2023-01-09')
  })

  it('shows a team HMI the judgements, and gives 404 to an HMI who does not lead when they try to record', async () => {
    const team = await signIn(teamHmi)
    expect((await team.get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    expect((await team.get(`/activities/${id}/judgements/leaders`)).statusCode).toBe(404)
    await team.get(`/activities/${id}/judgements`)
    expect(
      (await team.post(`/activities/${id}/judgements/leaders`, { grade: 'good', rationale: 'x', version: '0' }))
        .statusCode,
    ).toBe(404)
    const stranger = await signIn(outsider)
    expect((await stranger.get(`/activities/${id}/judgements`)).statusCode).toBe(404)
    expect((await (await signIn(otherRegional)).get(`/activities/${id}/judgements`)).statusCode).toBe(404)
    expect((await (await signIn(regional)).get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    expect((await (await signIn(qaManager)).get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    // The LA sees nothing before feedback, not even that the page exists.
    expect((await (await signIn(dcs)).get(`/activities/${id}/judgements`)).statusCode).toBe(403)
    expect((await (await signIn(dcs)).get(`/activities/${id}/feedback`)).statusCode).toBe(404)
  })

  it('asks for the grade and the rationale', async () => {
    const agent = await signIn(lead)
    const url = `/activities/${id}/judgements/help-and-protection`
    const form = page(await agent.get(url))
    expect(form.heading).toBe('The experiences and progress of children who need help and protection')
    // The six evaluation-criteria headings of 002#239.
    expect(form.$('input[name="evidenceHeadings"]')).toHaveLength(6)
    const response = await agent.post(url, { grade: '', rationale: '', version: await versionOf(agent, url) })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary.map((error) => error.text)).toEqual([
      'Select the grade for the experiences and progress of children who need help and protection (002#97)',
      'Enter the rationale for the judgement',
    ])
  })

  it('refuses "judgements agreed" while judgements are missing', async () => {
    const agent = await signIn(lead)
    expect(
      (
        await record(agent, id, 'help-and-protection', 'good', {
          evidenceHeadings: ['help-and-protection.1', 'help-and-protection.4'],
        })
      ).statusCode,
    ).toBe(303)
    expect((await record(agent, id, 'children-in-care', 'requires-improvement')).statusCode).toBe(303)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(refused.statusCode).toBe(400)
    expect(page(refused).errorSummary[0]!.text).toBe('Record all 5 judgements first (2 of 5 recorded) (002#96)')
  })

  it('shows the S6 problems with their rule links on the check page before the lead confirms', async () => {
    const agent = await signIn(lead)
    // The senior HMI on the team may record too.
    expect(
      (await record(await signIn(seniorHmi), id, 'care-leavers', 'good', { evidenceHeadings: ['children-in-care.7'] }))
        .statusCode,
    ).toBe(303)
    // Leaders inadequate while both practice judgements are RI or better: outside the descriptors (002#241).
    expect((await record(agent, id, 'leaders', 'inadequate')).statusCode).toBe(303)
    expect((await record(agent, id, 'overall', 'requires-improvement')).statusCode).toBe(303)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(page(refused).errorSummary[0]!.text).toBe('Check and confirm the judgements first (002#99-101, #241)')

    const check = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(check.heading).toBe('Check the judgements before you confirm them')
    const problems = check.$('.app-judgement-problems li')
    expect(problems).toHaveLength(1)
    expect(problems.first().text()).toContain(
      'Leaders judged inadequate while both practice judgements are requires improvement or better is outside the grade descriptors',
    )
    expect(problems.first().find('a[href="/rules/S6"]').attr('title')).toBe('002#241')
    expect(check.$('textarea[name="reason"]')).toHaveLength(1)
    // The rationale and its evaluation criteria are on the check page.
    expect(check.$('#judgements').text()).toContain('Management oversight of frontline practice')
  })

  it('will not confirm a flagged problem without a reason, then confirms with one', async () => {
    const agent = await signIn(lead)
    const url = `/activities/${id}/judgements/check`
    const version = await versionOf(agent, url)
    const refused = await agent.post(url, { reason: '', version })
    expect(refused.statusCode).toBe(400)
    expect(page(refused).errorSummary.map((error) => error.text)).toEqual([
      'Enter why you are confirming these judgements despite the problems the checks found',
    ])
    const confirmed = await agent.post(url, {
      reason: 'Leaders lack grip on workforce stability; moderation to review',
      version,
    })
    expect(confirmed.statusCode).toBe(303)
    const overview = page(await agent.get(`/activities/${id}/judgements`))
    expect(overview.$('#confirmation').text()).toContain('Leaders lack grip on workforce stability')
    expect(overview.$('#confirmation').text()).toContain('outside the grade descriptors')
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('record_id', '=', id)
      .where('action', 'like', 'judgements.%')
      .orderBy('id')
      .execute()
    expect(audit.map((event) => event.action)).toEqual([
      'judgements.record',
      'judgements.record',
      'judgements.record',
      'judgements.record',
      'judgements.record',
      'judgements.confirm',
    ])
    expect(audit.at(-1)!.summary).toContain('with 1 flagged problem')
    // The senior HMI on the team and the regional director see it awaits review; the lead does not.
    for (const user of [seniorHmi, regional]) {
      const home = page(await (await signIn(user)).get('/'))
      expect(home.$('.app-needs').text(), user.role).toContain(
        'Review judgements confirmed with 1 flagged problem: Standard inspection of Kent',
      )
    }
    expect(
      page(await agent.get('/'))
        .$('main')
        .text(),
    ).not.toContain('Review judgements confirmed')
  })

  it('withdraws the confirmation when a judgement changes, and a stale confirm is refused', async () => {
    const agent = await signIn(lead)
    const staleVersion = await versionOf(agent, `/activities/${id}/judgements/check`)
    expect((await record(agent, id, 'leaders', 'requires-improvement')).statusCode).toBe(303)
    const overview = page(await agent.get(`/activities/${id}/judgements`))
    expect(overview.$('#confirmation').text()).toContain('Not confirmed')
    const stale = await agent.post(`/activities/${id}/judgements/check`, { version: staleVersion })
    expect(stale.statusCode).toBe(400)
    expect(page(stale).errorSummary[0]!.text).toMatch(/Someone else changed these judgements/)
    // No problems now: confirming needs no reason.
    const check = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(check.$('.app-judgement-problems li')).toHaveLength(0)
    expect(check.$('textarea[name="reason"]')).toHaveLength(0)
    expect(
      (
        await agent.post(`/activities/${id}/judgements/check`, {
          version: await versionOf(agent, `/activities/${id}/judgements/check`),
        })
      ).statusCode,
    ).toBe(303)
  })

  it('marks the judgements agreed without touching the register, which holds published judgements only', async () => {
    const before = await t.db.selectFrom('judgement_records').select('id').where('la_code', '=', '886').execute()
    const agent = await signIn(lead)
    expect((await statusTo(agent, id, 'judgements-agreed')).statusCode).toBe(303)
    const after = await t.db.selectFrom('judgement_records').select('id').where('la_code', '=', '886').execute()
    expect(after).toHaveLength(before.length)
    // The lead's home page asks for the feedback meeting, due on the last day on site.
    const home = page(await agent.get('/'))
    const item = home.$('.app-needs__item').filter((_, el) => home.$(el).text().includes('Record the feedback meeting'))
    expect(item.text()).toContain('Friday 20 January 2023')
    expect(item.find('a[href="/rules/E5"]').length).toBe(1)
    // Agreed judgements no longer change here.
    const form = page(await agent.get(`/activities/${id}/judgements/leaders`))
    expect(form.$('form[action$="/judgements/leaders"]')).toHaveLength(0)
    expect(form.$('main').text()).toContain('they can no longer change here')
    const refused = await agent.post(`/activities/${id}/judgements/leaders`, {
      grade: 'good',
      rationale: 'Later',
      version: '99',
    })
    expect(refused.statusCode).toBe(400)
  })

  it('gives the reports stage a judgement the register accepts (publishedJudgementFor)', async () => {
    const services = createServices({ db: t.db, clock, config: t.config })
    const judgement = await services.judgements.publishedJudgementFor(id)
    expect(judgement).toEqual({
      laCode: '886',
      framework: 'ilacs-2023',
      activityType: 'standard-inspection',
      inspectionStart: '2023-01-09',
      inspectionEnd: '2023-01-20',
      grades: {
        overall: 'requires-improvement',
        'help-and-protection': 'good',
        'children-in-care': 'requires-improvement',
        'care-leavers': 'good',
        leaders: 'requires-improvement',
      },
    })
    // Published 21 working days after fieldwork (E7): Monday 20 February 2023.
    clock.set('2023-02-21T10:00:00Z')
    const checked = checkJudgement(registerForm(judgement, '2023-02-20'), { today: clock.today(), previous: undefined })
    expect(checked.judgement).toBeDefined()
    expect(checked.errors).toEqual({})
    const national = (await principalFor(t.db, director.id))!
    const recordId = await services.register.record(national, judgement.laCode, registerForm(judgement, '2023-02-20'), {
      requestId: 'test',
    })
    const stored = await t.db
      .selectFrom('judgement_grades')
      .select(['area', 'grade'])
      .where('record_id', '=', recordId)
      .orderBy('area')
      .execute()
    expect(stored).toHaveLength(5)
    const register = page(await (await signIn(director)).get('/register/886'))
    expect(register.$('main').text()).toContain('published 20 February 2023')
  })

  it('records the feedback meeting with the provisional judgements given, and shows them to the DCS only', async () => {
    clock.set('2023-01-20T15:00:00Z')
    const agent = await signIn(lead)
    const url = `/activities/${id}/feedback/record`
    const form = page(await agent.get(url))
    expect(form.heading).toBe('Record the feedback meeting')
    // Due on the last day on site (E5): Friday 20 January 2023.
    expect(form.$('#heldOn-day').attr('value')).toBe('20')
    const invalid = await agent.post(url, {
      'heldOn-day': '20',
      'heldOn-month': '1',
      'heldOn-year': '2023',
      durationMinutes: '',
      dcsToldBefore: '',
    })
    expect(invalid.statusCode).toBe(400)
    expect(page(invalid).errorSummary.map((error) => error.text)).toEqual([
      'Enter how long the meeting lasted, in minutes',
      'Select who attended from the local authority',
      'Select whether the DCS heard the provisional judgements before the meeting',
    ])
    const saved = await agent.post(url, {
      'heldOn-day': '20',
      'heldOn-month': '1',
      'heldOn-year': '2023',
      durationMinutes: '75',
      attendees: ['dcs', 'la-senior-leaders', 'lead-inspector', 'team-inspectors'],
      dcsToldBefore: 'yes',
      judgementsGiven: ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'leaders'],
      setOut: ['provisional', 'no-surprises', 'factual-accuracy', 'publication', 'complaints'],
      notes: 'Internal note for QA',
    })
    expect(saved.statusCode).toBe(303)
    const ofsted = page(await agent.get(`/activities/${id}/feedback`))
    // 75 minutes is over the usual 60 (002#199): recorded, and flagged with its rule.
    expect(ofsted.$('.app-feedback-warnings').text()).toContain('it should usually last no longer than 60')
    expect(ofsted.$('.app-feedback-warnings a[href="/rules/E5"]').length).toBe(1)
    expect(ofsted.$('#feedback').text()).toContain('Internal note for QA')

    const la = await signIn(dcs)
    const seen = page(await la.get(`/activities/${id}/feedback`))
    expect(seen.heading).toBe('Provisional judgements given at feedback')
    expect(seen.$('main').text()).toContain('Do not publish them or share them publicly')
    expect(seen.$('#feedback').text()).toContain('The experiences and progress of care leavers')
    expect(seen.$('#feedback').text()).toContain('Requires improvement to be good')
    // What follows, from the timeline (E7, 002#216): published 21 working days after fieldwork.
    expect(seen.$('#next-steps').text()).toContain('Monday 20 February 2023')
    expect(seen.$('main').text()).not.toContain('Internal note for QA')
    expect(seen.$('main').text()).not.toContain('Evidence from case 1234')
    // The activity page links the DCS to it.
    expect(
      page(await la.get(`/activities/${id}`))
        .$('.govuk-task-list')
        .text(),
    ).toContain('Provisional judgements given at feedback')
    // Still nothing of the judgements themselves, and nothing for other LA roles or LAs.
    expect((await la.get(`/activities/${id}/judgements`)).statusCode).toBe(403)
    expect((await (await signIn(analyst)).get(`/activities/${id}/feedback`)).statusCode).toBe(403)
    expect((await (await signIn(otherDcs)).get(`/activities/${id}/feedback`)).statusCode).toBe(404)
  })
})

describe('a standard inspection under ILACS 2026 (no overall grade)', () => {
  it('checks leaders against the practice judgements (002#101, #241) and suggests no overall grade', async () => {
    const id = await onSite('standard-inspection', '2026-04-20')
    const agent = await signIn(lead)
    expect((await agent.get(`/activities/${id}/judgements/overall`)).statusCode).toBe(404)
    await record(agent, id, 'help-and-protection', 'inadequate')
    await record(agent, id, 'children-in-care', 'good')
    await record(agent, id, 'care-leavers', 'good')
    await record(agent, id, 'leaders', 'outstanding', { leadersUnderstandFailure: 'yes' })
    const check = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(
      check
        .$('.app-judgement-problems li')
        .map((_, el) => check.$(el).text().trim().replace(/\s+/g, ' '))
        .get(),
    ).toEqual([
      'Leaders can be judged good or requires improvement, not outstanding, while a practice judgement is inadequate S6 (rule, 002#101)',
    ])
    await record(agent, id, 'leaders', 'requires-improvement', { leadersUnderstandFailure: '' })
    const warned = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(warned.$('.app-judgement-problems li')).toHaveLength(0)
    expect(warned.$('.app-judgement-warnings').text()).toContain(
      'Confirm that leaders showed sufficient understanding of the failure',
    )
    // No overall grade: the lowest area grade decides the pathway, as in the register (002#100-101).
    const overview = page(await agent.get(`/activities/${id}/judgements`))
    expect(overview.$('#inadequate').text()).toContain('monitoring programme')
    expect(overview.$('#inadequate a[href="/rules/M1"]').length).toBe(1)
  })
})

describe('focused visits (002#104-110)', () => {
  let id = ''

  beforeAll(async () => {
    // A focused visit is on site on a Tuesday (002#103).
    id = await onSite('focused-visit', '2027-01-12')
  })

  it('records findings without grades, and only the two grounds of 002#109 for a priority action', async () => {
    const agent = await signIn(lead)
    const url = `/activities/${id}/findings`
    const findings = page(await agent.get(url))
    expect(findings.heading).toBe('Focused visit findings')
    expect(findings.$('input[name="grade"]')).toHaveLength(0)
    expect(findings.$('input[name="ground"]')).toHaveLength(2)
    // The judgements pages send a focused visit to its findings.
    expect((await agent.get(`/activities/${id}/judgements`)).headers.location).toBe(url)

    const noGround = await agent.post(url, {
      kind: 'priority-action',
      text: 'Children in care wait too long for permanence decisions.',
      ground: '',
      version: await versionOf(agent, url),
    })
    expect(noGround.statusCode).toBe(400)
    expect(page(noGround).errorSummary[0]!.text).toBe(
      'Select why this is an area for priority action: only the two grounds of 002#109 apply',
    )
    const invented = await agent.post(url, {
      kind: 'priority-action',
      text: 'Poor office morale',
      ground: 'low-morale',
      version: await versionOf(agent, url),
    })
    expect(invented.statusCode).toBe(400)

    expect(
      (
        await agent.post(url, {
          kind: 'strength',
          text: 'Social workers know their children well.',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await agent.post(url, {
          kind: 'area-for-improvement',
          text: 'Supervision is not always recorded.',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await agent.post(url, {
          kind: 'priority-action',
          text: 'Children in care wait too long for permanence decisions.',
          ground: 'permanence-delay',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    const shown = page(await agent.get(url))
    expect(shown.$('#priority-action + ol').text()).toContain(
      'unnecessary delay in identifying permanent solutions for children in care',
    )
    const stored = await t.db
      .selectFrom('focused_visit_findings')
      .select(['kind', 'ground'])
      .where('activity_id', '=', id)
      .orderBy('recorded_at')
      .execute()
    expect(stored).toEqual([
      { kind: 'strength', ground: null },
      { kind: 'area-for-improvement', ground: null },
      { kind: 'priority-action', ground: 'permanence-delay' },
    ])
  })

  it('refuses "judgements agreed" until the findings are confirmed, then allows it', async () => {
    const agent = await signIn(lead)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(page(refused).errorSummary[0]!.text).toBe(
      'Record and confirm the focused visit findings first (002#108-110, #195)',
    )
    // Saying there are none while one is recorded is refused.
    const url = `/activities/${id}/findings`
    const contradiction = await agent.post(`${url}/confirm`, {
      noPriorityActions: 'yes',
      version: await versionOf(agent, url),
    })
    expect(contradiction.statusCode).toBe(400)
    expect((await agent.post(`${url}/confirm`, { version: await versionOf(agent, url) })).statusCode).toBe(303)
    expect((await statusTo(agent, id, 'judgements-agreed')).statusCode).toBe(303)
  })

  it('needs the team’s answer on priority actions when there are none (002#195)', async () => {
    const other = await onSite('focused-visit', '2027-02-02')
    const agent = await signIn(lead)
    const url = `/activities/${other}/findings`
    await agent.post(url, { kind: 'strength', text: 'Strong front door.', version: await versionOf(agent, url) })
    const unanswered = await agent.post(`${url}/confirm`, { version: await versionOf(agent, url) })
    expect(page(unanswered).errorSummary.map((error) => error.text)).toEqual([
      'Confirm that the team agreed there are no areas for priority action, or record them (002#195)',
    ])
    expect(
      (await agent.post(`${url}/confirm`, { noPriorityActions: 'yes', version: await versionOf(agent, url) }))
        .statusCode,
    ).toBe(303)
    // Removing a finding withdraws the confirmation.
    const findingId = page(await agent.get(url))
      .$('input[name="findingId"]')
      .first()
      .attr('value')!
    expect((await agent.post(`${url}/remove`, { findingId, version: await versionOf(agent, url) })).statusCode).toBe(
      303,
    )
    expect(
      page(await agent.get(url))
        .$('#confirmation')
        .text(),
    ).toContain('Not confirmed')
  })
})
