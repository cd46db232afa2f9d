import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { activityOnSite, settableClock } from '../../test-support/factories/judgements.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { createServices } from '../index.js'

// The app's clock: each test sets it for the day it needs.
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(async () => t.close())

async function homeOf(user: TestUser): Promise<string> {
  const agent = await new TestAgent(t.app).signIn(user.email, user.password)
  return (await agent.get('/')).body
}

describe('the lead inspector’s home page and keep-in-touch notes (E5, 002#173)', () => {
  it('asks for the missing notes while on site, and stops once the judgements are agreed', async () => {
    // Fieldwork from Monday 11 January 2027; by Wednesday the 13th no note has been written.
    const director = await createUser(t.db, 'national-director')
    const lead = await createUser(t.db, 'hmi')
    const id = await activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      type: 'standard-inspection',
      onsite: '2027-01-11',
      lead,
    })
    clock.set('2027-01-13T10:00:00Z')
    expect(await homeOf(lead)).toContain('Keep-in-touch notes: Standard inspection of Kent')

    // On the last day the lead records every judgement, confirms them and marks them agreed.
    clock.set('2027-01-22T15:00:00Z')
    const services = createServices({ db: t.db, clock, config: t.config })
    const principal = (await principalFor(t.db, lead.id))!
    const context = { requestId: 'test' }
    const page = await services.judgements.judgementsPage(id)
    if (page.kind !== 'judgements') throw new Error('expected a judgement inspection')
    for (const area of page.areas) {
      await services.judgements.recordJudgement(
        principal,
        id,
        area.key,
        {
          grade: 'good',
          rationale: 'Best fit: good.',
          evidenceHeadings: [],
          leadersUnderstandFailure: null,
          version: undefined,
        },
        context,
      )
    }
    const recorded = await services.judgements.judgementsPage(id)
    if (recorded.kind !== 'judgements') throw new Error('unreachable')
    await services.judgements.confirmJudgements(principal, id, { reason: '', version: recorded.version }, context)
    await services.activities.changeStatus(
      principal,
      id,
      { to: 'judgements-agreed', note: '', version: (await services.activities.load(id)).version },
      context,
    )

    const home = await homeOf(lead)
    expect(home).not.toContain('Keep-in-touch notes: Standard inspection of Kent')
    expect(home).toContain('Standard inspection of Kent')
  })
})

describe('the keep-in-touch task on the activity page (E5, 002#173)', () => {
  it('is completed once every fieldwork day has its note', async () => {
    // A short inspection, Monday 1 to Friday 5 February 2027, with a note on each day.
    const director = await createUser(t.db, 'national-director')
    const lead = await createUser(t.db, 'hmi')
    const id = await activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      type: 'short-inspection',
      onsite: '2027-02-01',
      lead,
    })
    const principal = (await principalFor(t.db, lead.id))!
    const names = { confirmed: false, fingerprint: '' }
    const agent = async () => new TestAgent(t.app).signIn(lead.email, lead.password)
    const kitTask = async () =>
      page(await (await agent()).get(`/activities/${id}`))
        .$('.govuk-task-list__item:contains("Keep-in-touch meetings")')
        .text()
    for (const day of ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05']) {
      clock.set(`${day}T17:00:00Z`)
      // At 5pm on the last day, before its meeting, today is not yet missed (issue 10).
      if (day === '2027-02-05') expect(await kitTask()).toContain('In progress')
      const services = createServices({ db: t.db, clock, config: t.config })
      await services.evidence.addKitMeeting(
        principal,
        id,
        {
          meetingOn: day,
          attendeeRoles: ['dcs', 'lead-inspector'],
          otherAttendees: '',
          dcsDeclined: false,
          findingsShared: 'Lines of enquiry progressing.',
          dcsClear: true,
          noSurprises: true,
          names,
        },
        { requestId: 'test' },
      )
    }
    expect(await kitTask()).toContain('Completed')
  })
})
