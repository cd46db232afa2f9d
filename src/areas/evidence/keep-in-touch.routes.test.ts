import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { fieldwork } from '../../test-support/factories/evidence.js'
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

describe('keep-in-touch meetings (002#173-175)', () => {
  it('shows which fieldwork days have no note, and records one', async () => {
    const { activityId, lead } = await fieldwork(t)
    const agent = await signIn(lead)
    const before = page(await agent.get(`/activities/${activityId}/keep-in-touch`))
    const rows = before
      .$('table')
      .first()
      .find('tbody tr')
      .map((_, row) => before.$(row).text().replace(/\s+/g, ' ').trim())
      .get()
    // Ten working days from 11 to 22 January 2027; today is the 13th.
    expect(rows).toHaveLength(10)
    expect(rows[0]).toContain('Monday 11 January 2027')
    expect(rows[0]).toContain('No note')
    // Today is not missed until it is over (issue 10).
    expect(rows[1]).toContain('No note')
    expect(rows[2]).toContain('Due today')
    expect(rows[3]).toContain('To come')
    expect(before.$('caption').first().text()).toContain('2 without a note')

    const saved = await agent.post(`/activities/${activityId}/keep-in-touch`, {
      'meetingOn-day': '11',
      'meetingOn-month': '1',
      'meetingOn-year': '2027',
      attendeeRoles: ['dcs', 'lead-inspector'],
      findingsShared: 'Early help is well coordinated; some drift in child in need plans.',
      dcsClear: 'yes',
      noSurprises: 'yes',
    })
    expect(saved.statusCode).toBe(303)
    const after = page(await agent.get(`/activities/${activityId}/keep-in-touch`))
    expect(after.$('table').first().find('tbody tr').first().text()).toContain('Recorded')
    expect(after.$('caption').first().text()).toContain('1 without a note')
    expect(after.$('.govuk-summary-card').text()).toContain('Director of children’s services (DCS); Lead inspector')

    const again = await agent.post(`/activities/${activityId}/keep-in-touch`, {
      'meetingOn-day': '11',
      'meetingOn-month': '1',
      'meetingOn-year': '2027',
      attendeeRoles: 'dcs',
      findingsShared: 'Again',
    })
    expect(again.statusCode).toBe(400)
    expect(page(again).errorSummary[0]!.text).toBe(
      'A keep-in-touch note for Monday 11 January 2027 is already recorded',
    )
    const outside = await agent.post(`/activities/${activityId}/keep-in-touch`, {
      'meetingOn-day': '9',
      'meetingOn-month': '1',
      'meetingOn-year': '2027',
      attendeeRoles: 'dcs',
      findingsShared: 'Weekend',
    })
    expect(page(outside).errorSummary[0]!.text).toMatch(
      /^Enter a fieldwork day, from Monday 11 January 2027 to Friday 22 January 2027/,
    )

    const show = page(await agent.get(`/activities/${activityId}`))
    const kit = show.$('.govuk-task-list__item:contains("Keep-in-touch meetings")')
    expect(kit.text()).toContain('Overdue')
    expect(kit.text()).toContain('1 fieldwork day without a note')
  })
})
