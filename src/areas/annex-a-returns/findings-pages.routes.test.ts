import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook, checkedReturn } from '../../test-support/factories/annex-a.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 11 January 2027, 10:00: the day of notice for fieldwork on Monday 18 January.
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-11T10:00:00Z') })
})
afterAll(async () => t.close())

/** Kent's inspection, notified this morning (002#73), with the LA's analyst and the lead inspector. */
async function inspection() {
  const analyst = await createUser(t.db, 'la-analyst', { laCode: '886' })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode: '886',
    onsiteStart: '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt: '2027-01-11T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  return { analyst, lead, activityId }
}

/** Issue 16: a large return's findings page is a page, not the whole list at once. */
describe('a return’s findings page by page', () => {
  it('lists a large return’s findings a hundred at a time, errors first, each list a link away', async () => {
    const { analyst, lead, activityId } = await inspection()
    const returnId = await checkedReturn(t.db, t.app.services, {
      activityId,
      uploaderId: analyst.id,
      content: await annexAWorkbook({ rows: 3000, asOf: '2027-01-11', seed: 11, errorRate: 0.05 }),
    })
    const returnPath = `/activities/${activityId}/annex-a/returns/${returnId}`
    const agent = await new TestAgent(t.app).signIn(lead.email, lead.password)
    const first = page(await agent.get(returnPath))
    const [, shownTo, total] = /Showing findings 1 to (\d+) of (\d+)/
      .exec(first.$('#findings-shown').text())!
      .map(Number)
    expect(shownTo).toBe(100)
    expect(total).toBeGreaterThan(100)
    const findingRows = (shown: typeof first) => shown.$('.app-table-scroll tbody tr')
    expect(findingRows(first)).toHaveLength(100)
    const pages = Math.ceil(total! / 100)
    const lastHref = first.$('.govuk-pagination__item a').last().attr('href')!
    expect(lastHref).toContain(`page=${pages}`)
    const last = page(await agent.get(lastHref))
    expect(findingRows(last)).toHaveLength(total! - (pages - 1) * 100)
    expect(last.$('#findings-shown').text()).toContain(`${(pages - 1) * 100 + 1} to ${total} of ${total}`)
    expect(last.$('.govuk-pagination__prev a').attr('href')).toContain(`page=${pages - 1}`)

    // Every list with findings is in the summary, and its link goes to the page where its findings start.
    const summary = first
      .$('table')
      .filter((_, table) => first.$(table).find('caption').text().includes('Findings by list'))
    const links = summary.find('tbody a')
    expect(links.length).toBeGreaterThan(1)
    const lastList = links.last()
    const target = page(await agent.get(lastList.attr('href')!.split('#')[0]!))
    const anchor = lastList.attr('href')!.split('#')[1]!
    expect(target.$(`#${anchor}`).text()).toContain(lastList.text())
    expect(target.$(`#${anchor}`).text()).not.toContain('continued')
  })
})
