import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { activityOnSite, judgementsGivenAtFeedback, settableClock } from '../../test-support/factories/judgements.js'
import { createUser } from '../../test-support/factories/users.js'

const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(async () => t.close())

const taskText = (parsed: ReturnType<typeof page>, title: string) =>
  parsed.$(`.govuk-task-list__item:contains("${title}")`).text().replace(/\s+/g, ' ')

describe('once fieldwork is over (issue 10)', () => {
  it('shows what never came as history, not overdue, on the activity page and the home page', async () => {
    // A short inspection on site Monday 1 to Friday 5 February 2027; the LA sent nothing and no
    // keep-in-touch notes were written. Judgements were given at feedback on the Friday.
    const director = await createUser(t.db, 'national-director')
    const lead = await createUser(t.db, 'hmi')
    const id = await activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      type: 'short-inspection',
      laCode: '845',
      onsite: '2027-02-01',
      lead,
      notifiedOnly: true,
    })
    // During fieldwork, the LA's missing parts are overdue, for the lead to chase.
    clock.set('2027-02-03T10:00:00Z')
    const during = page(await (await new TestAgent(t.app).signIn(lead.email, lead.password)).get(`/activities/${id}`))
    expect(taskText(during, 'list of audits from the last six months')).toContain('Overdue')
    expect(taskText(during, 'Keep-in-touch meetings')).toContain('Overdue')
    // The contacts task says what is missing (issue 10).
    expect(taskText(during, 'Local authority contacts')).toMatch(
      /Add the link person source: 002#73, #76\s*In progress/,
    )

    await judgementsGivenAtFeedback({
      db: t.db,
      config: t.config,
      director,
      lead,
      activityId: id,
      lastDay: '2027-02-05',
    })
    clock.set('2027-02-09T10:00:00Z')
    const agent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const after = page(await agent.get(`/activities/${id}`))
    expect(taskText(after, 'list of audits from the last six months')).toContain('Not received')
    expect(taskText(after, 'Documents 1.01 to 3.11')).toContain('Not received')
    expect(taskText(after, 'Child-level lists 1 to 11')).toContain('Not received')
    expect(taskText(after, 'Keep-in-touch meetings')).toContain('Closed')
    expect(taskText(after, 'Local authority contacts')).toContain('No record of the link person')
    expect(after.$('.govuk-task-list .govuk-tag--red').length).toBe(0)
    const home = page(await agent.get('/'))
      .$('main')
      .text()
    expect(home).not.toContain('Overdue from the LA')
  })

  it('says on the contacts page which contact is still needed, and completes once both are recorded', async () => {
    const director = await createUser(t.db, 'national-director')
    const lead = await createUser(t.db, 'hmi')
    const id = await activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      type: 'short-inspection',
      laCode: '850',
      onsite: '2027-04-12',
      lead,
      notifiedOnly: true,
    })
    clock.set('2027-04-06T10:00:00Z')
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const contacts = page(await agent.get(`/activities/${id}/contacts`))
    expect(contacts.$('[data-testid="missing-contacts"]').text()).toMatch(/^Still needed: the link person\./)
    const saved = await agent.post(`/activities/${id}/contacts`, {
      contactRole: 'link-person',
      name: 'A Link Person',
      email: 'link.850@example.gov.uk',
    })
    expect(saved.statusCode).toBe(303)
    expect(page(await agent.get(`/activities/${id}/contacts`)).$('[data-testid="missing-contacts"]').length).toBe(0)
    expect(taskText(page(await agent.get(`/activities/${id}`)), 'Local authority contacts')).toContain('Completed')
  })

  it('links the citations in task hints after their words', async () => {
    const director = await createUser(t.db, 'national-director')
    const lead = await createUser(t.db, 'hmi')
    const id = await activityOnSite({
      db: t.db,
      config: t.config,
      clock,
      director,
      type: 'short-inspection',
      laCode: '846',
      onsite: '2027-03-01',
      lead,
      notifiedOnly: true,
    })
    const agent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const shown = page(await agent.get(`/activities/${id}`))
    const audits = shown.$(
      '.govuk-task-list__item:contains("list of audits from the last six months") .govuk-task-list__hint',
    )
    expect(audits.text().replace(/\s+/g, ' ').trim()).toMatch(
      /^A spreadsheet of each audit: child unique ID, audit theme, date completed source: 002#257$/,
    )
    expect(audits.find('a').attr('href')).toBe('/rules/S5')
  })
})
