import { describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page } from '../../test-support/agent.js'
import type { JudgementSpec } from '../../test-support/factories/judgements.js'
import { createUser } from '../../test-support/factories/users.js'
import { judgementsTestbed } from '../../test-support/judgements-testbed.js'
import { createServices } from '../index.js'
import { checkJudgement } from '../register/index.js'
import { registerForm } from './service.js'

/**
 * Confirming the judgements of a standard inspection under ILACS 2023 (S6), withdrawing the
 * confirmation, marking them agreed, and what the register is given at publication. Each test
 * starts from its own inspection with its judgements recorded through the services.
 */
const bed = judgementsTestbed()
const { signIn, onSite, record, statusTo, versionOf } = bed

/** All five judgements, with leaders inadequate while practice is RI or better: outside the descriptors (002#241). */
const FLAGGED = {
  'help-and-protection': { grade: 'good', evidenceHeadings: ['help-and-protection.1', 'help-and-protection.4'] },
  'children-in-care': 'requires-improvement',
  'care-leavers': { grade: 'good', evidenceHeadings: ['children-in-care.7'] },
  leaders: 'inadequate',
  overall: 'requires-improvement',
} as const satisfies Record<string, JudgementSpec>

/** The same with leaders requires improvement: no problems, so confirming needs no reason. */
const AGREED = { ...FLAGGED, leaders: 'requires-improvement' } as const satisfies Record<string, JudgementSpec>

describe('a standard inspection under ILACS 2023, from confirmation to the register', () => {
  it('will not confirm a flagged problem without a reason, then confirms with one', async () => {
    const { lead, seniorHmi, regional } = bed.users()
    const id = await onSite('standard-inspection', '2023-02-13')
    await bed.judgementsRecorded(id, FLAGGED)
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
    const audit = await bed
      .t()
      .db.selectFrom('audit_events')
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
    const id = await onSite('standard-inspection', '2023-02-20')
    await bed.judgementsRecorded(id, FLAGGED, {
      confirmed: { reason: 'Leaders lack grip on workforce stability; moderation to review' },
    })
    const agent = await signIn(bed.users().lead)
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
    // Its own lead and LA (Brighton and Hove), so the lead's home page shows this inspection alone.
    const lead = await createUser(bed.t().db, 'hmi')
    const laCode = '846'
    const id = await onSite('standard-inspection', '2023-01-09', { laCode, lead })
    await bed.judgementsRecorded(id, AGREED, { confirmed: { reason: '' }, lead })
    const registered = () =>
      bed.t().db.selectFrom('judgement_records').select('id').where('la_code', '=', laCode).execute()
    const before = await registered()
    const agent = await signIn(lead)
    expect((await statusTo(agent, id, 'judgements-agreed')).statusCode).toBe(303)
    const after = await registered()
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
    const { t, clock } = bed
    const { director } = bed.users()
    const id = await onSite('standard-inspection', '2023-01-09')
    await bed.judgementsRecorded(id, AGREED, { confirmed: { reason: '' }, agreed: true })
    const services = createServices({ db: t().db, clock, config: t().config })
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
    const national = (await principalFor(t().db, director.id))!
    const recordId = await services.register.record(national, judgement.laCode, registerForm(judgement, '2023-02-20'), {
      requestId: 'test',
    })
    const stored = await t()
      .db.selectFrom('judgement_grades')
      .select(['area', 'grade'])
      .where('record_id', '=', recordId)
      .orderBy('area')
      .execute()
    expect(stored).toHaveLength(5)
    const register = page(await (await signIn(director)).get('/register/886'))
    expect(register.$('main').text()).toContain('published 20 February 2023')
  })
})
