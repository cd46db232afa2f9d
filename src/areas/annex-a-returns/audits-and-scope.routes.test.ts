import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { createUser } from '../../test-support/factories/users.js'

// Tuesday 12 January 2027, 10:00: the day of notice for a focused visit on Tuesday 19 January.
let t: TestApp
let laCodes: string[] = []

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-12T10:00:00Z') })
  laCodes = (await t.app.services.register.localAuthorities()).map((la) => la.laCode).filter((code) => code !== '887')
})
afterAll(async () => t.close())

async function activity(type: 'standard-inspection' | 'focused-visit') {
  const laCode = laCodes.shift()!
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    type,
    onsiteStart: type === 'focused-visit' ? '2027-01-19' : '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt: type === 'focused-visit' ? '2027-01-12T09:10:00Z' : '2027-01-11T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
  await agent.get(`/activities/${activityId}/annex-a`)
  return { activityId, agent }
}

const file = (name: string, content: string, type = 'text/csv') => ({
  field: 'document',
  name,
  content: Buffer.from(content),
  type,
})

describe('the list of audits (002#257)', () => {
  it('is sent from its own section, with a template, and only a list of audits completes it', async () => {
    const { activityId, agent } = await activity('standard-inspection')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const section = overview.$('#audits').nextUntil('h2')
    expect(section.find('input[type="file"]').length).toBe(1)
    const template = section.find('a[href$="audits-template.csv"]').attr('href')!
    const csv = (await agent.get(template)).body
    expect(csv).toContain('Child Unique ID,Audit theme,Date audit completed')

    const url = `/activities/${activityId}/annex-a/documents`
    const pdf = await agent.upload(url, { item: 'audits' }, file('Audits.pdf', '%PDF-1.4', 'application/pdf'))
    expect(pdf.statusCode).toBe(400)
    expect(page(pdf).errorSummary[0]!.text).toContain('The list of audits must be a spreadsheet')
    await agent.get(`/activities/${activityId}/annex-a`)
    const notAList = await agent.upload(url, { item: 'audits' }, file('Audits.csv', 'Team,Caseload\r\nNorth,20\r\n'))
    expect(notAList.statusCode).toBe(400)
    expect(page(notAList).errorSummary[0]!.text).toContain('is not a list of audits')
    expect(await t.app.services.annexA.documents(activityId)).toEqual([])

    await agent.get(`/activities/${activityId}/annex-a`)
    const list = await agent.upload(url, { item: 'audits' }, file('Audits.csv', `${csv}A123,Neglect,03/12/2026\r\n`))
    expect(list.statusCode).toBe(303)
    expect(list.headers.location).toContain('#audits')
    const tasks = page(await agent.get(`/activities/${activityId}`))
    const task = tasks.$('li').filter((_, el) => tasks.$(el).text().includes('Send the list of audits'))
    expect(task.text()).toContain('Completed')
  })
})

describe('a focused visit (002#242)', () => {
  it('asks only for the lists and documents of its topic, and shows only those as due', async () => {
    const { activityId, agent } = await activity('focused-visit')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const text = overview.$('main').text()
    expect(text).toContain('Lists asked for: List 8.')
    expect(text).toContain('Documents for this visit')
    const checklist = overview
      .$('table')
      .last()
      .find('tbody tr')
      .filter((_, el) => overview.$(el).find('td').length > 0)
    expect(checklist.length).toBe(15)
    expect(checklist.text()).not.toContain('Care leavers strategy')
    const tasks = page(await agent.get(`/activities/${activityId}`))
    const task = tasks.$('li').filter((_, el) => tasks.$(el).text().includes('Documents for the visit'))
    expect(task.text()).toContain('0 of 15 received')
  })
})
