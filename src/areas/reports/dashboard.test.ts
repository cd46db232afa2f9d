import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, type ReportCast, reportAt } from '../../test-support/factories/reports.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { publicationMilestones } from '../../rules/timelines/publication.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'

/** The report's steps on people's home pages and on the activity's timeline (issue 11). */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast
let caseLead: TestUser

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
  caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: ['886'] })
})
afterAll(async () => t?.close())

const homeOf = async (user: TestUser) =>
  page(await (await new TestAgent(t.app).signIn(user.email, user.password)).get('/'))
    .$('main')
    .text()

describe('each step on its owner’s home page', () => {
  it('asks the QA manager to review, then the lead to send, then the DCS to check; a late draft is flagged', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-03-01', grade: 'inadequate' })
    await reportAt(cast, id, 'qa-review')
    expect(await homeOf(cast.qa)).toContain('Review the draft report: Standard inspection of Kent')
    await reportAt(cast, id, 'approved')
    expect(await homeOf(cast.lead)).toContain('Send the draft report to the local authority')
    // A working day after the statutory day, the draft not sent: late, to the lead and the QA manager.
    const draftDue = publicationMilestones('inspection', '2027-03-12')[0]!.date
    clock.set(`${addWorkingDays(draftDue, 1)}T10:00:00Z`)
    expect(await homeOf(cast.lead)).toContain('Late: draft report sent to the local authority')
    expect(await homeOf(cast.qa)).toContain('Late: draft report sent to the local authority')
    const flagged = await t.app.services.reports.publication.flagLate()
    expect(flagged).toBe(1)
    expect(await t.app.services.reports.publication.flagLate()).toBe(0)
    await reportAt(cast, id, 'factual-accuracy')
    expect(await homeOf(cast.dcs)).toContain('Check the draft report for factual accuracy')
    // 004 "Introduction": the case lead hears of the inadequate judgement as the draft goes to the LA.
    expect(await homeOf(caseLead)).toContain('Inadequate judgement confirmed: Kent')
  })
})

describe('the activity timeline', () => {
  it('shows each report step’s actual date beside its statutory one, and does not grey out one not done', async () => {
    const id = await atReportStage(cast, { type: 'focused-visit', onsite: '2027-04-13' })
    await reportAt(cast, id, 'factual-accuracy')
    const published = publicationMilestones('visit', '2027-04-14')[3]
    clock.set(`${addWorkingDays(published!.date, 2)}T10:00:00Z`)
    const agent = await new TestAgent(t.app).signIn(cast.lead.email, cast.lead.password)
    const timeline = page(await agent.get(`/activities/${id}/timeline`))
    const item = (title: string) =>
      timeline.$('.app-timeline__item').filter((_, el) => timeline.$(el).text().includes(title))
    expect(item('Draft letter sent').hasClass('app-timeline__item--past')).toBe(true)
    expect(item('Draft letter sent').text()).toContain('On time')
    expect(item('Letter published').hasClass('app-timeline__item--past')).toBe(false)
    expect(item('Letter published').text()).toContain('Overdue')
  })
})
