import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { evidenceEntry, fieldwork } from '../../test-support/factories/evidence.js'
import type { TestUser } from '../../test-support/factories/users.js'

// Wednesday 13 January 2027, 16:00 in London: the third day of a standard inspection whose
// fieldwork runs from Monday 11 to Friday 22 January 2027 (factories/evidence.ts).
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-13T16:00:00Z') })
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('QA manager notes (002#190)', () => {
  it('lets the QA manager note an entry, and the lead resolve it', async () => {
    // Two entries by the team inspector, not yet reviewed.
    const { activityId, inspector, lead, qa } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector)
    await evidenceEntry(t, activityId, inspector, { headingId: 'leaders.4', collectedTime: '10:30' })
    const qaAgent = await signIn(qa)
    // Before the note, the entries await the QA manager's review on their home page.
    expect(
      page(await qaAgent.get('/'))
        .$('.app-needs__item:contains("Review the evidence record")')
        .text(),
    ).toMatch(/\d+ entries since your last note/)
    const record = page(await qaAgent.get(`/activities/${activityId}/evidence`))
    const entryId = record.$('input[name="entryId"]').eq(1).attr('value')!
    const noted = await qaAgent.post(`/activities/${activityId}/evidence/qa-notes`, {
      entryId,
      note: 'Quantify how many plans were reviewed on time; consider sampling disabled children.',
    })
    expect(noted.statusCode).toBe(303)
    const wholeRecord = await qaAgent.post(`/activities/${activityId}/evidence/qa-notes`, {
      entryId: '',
      note: 'Little evidence yet on care leavers.',
    })
    expect(wholeRecord.statusCode).toBe(303)

    const inspectorAgent = await signIn(inspector)
    expect(
      (
        await inspectorAgent.post(`/activities/${activityId}/evidence/qa-notes`, {
          entryId: '',
          note: 'Not mine to add',
        })
      ).statusCode,
    ).toBe(404)

    const leadAgent = await signIn(lead)
    const withNotes = page(await leadAgent.get(`/activities/${activityId}/evidence`))
    expect(withNotes.$('#qa-notes').text()).toContain('2 open')
    expect(withNotes.$(`#entry-${entryId}`).text()).toContain('Quantify how many plans')
    const resolveAction = withNotes.$('form[action*="/qa-notes/"]').first().attr('action')!
    const missing = await leadAgent.post(resolveAction, { resolution: '' })
    expect(missing.statusCode).toBe(400)
    expect(
      (await leadAgent.post(resolveAction, { resolution: 'Counted: 8 of 10 reviewed on time; entry updated.' }))
        .statusCode,
    ).toBe(303)
    const after = page(await leadAgent.get(`/activities/${activityId}/evidence`))
    expect(after.$('#qa-notes').text()).toContain('1 open')
    expect(
      page(await leadAgent.get('/'))
        .$('.app-needs__item:contains("QA notes to resolve")')
        .text(),
    ).toContain('1 open note')
    expect(page(await qaAgent.get('/')).$('.app-needs__item:contains("Review the evidence record")').length).toBe(0)
    expect(after.$('main').text()).toContain('Counted: 8 of 10 reviewed on time')
    // The QA manager cannot resolve notes; that is the lead's (002#186).
    const qaAgain = page(await qaAgent.get(`/activities/${activityId}/evidence`))
    expect(qaAgain.$('form[action*="/resolve"]').length).toBe(0)
    expect((await qaAgent.post(resolveAction, { resolution: 'x' })).statusCode).toBe(404)
  })
})
