import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { createUser } from '../../test-support/factories/users.js'

// Tuesday 12 January 2027, 10:00: the day after notice of a standard inspection from Monday 18 January.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-12T10:00:00Z') })
})
afterAll(async () => t.close())

async function analystOfAnActivity(laCode: string) {
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    type: 'standard-inspection',
    onsiteStart: '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt: '2027-01-11T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
  return { activityId, agent }
}

const pdf = { field: 'document', name: 'Audits.pdf', content: Buffer.from('%PDF-1.4'), type: 'application/pdf' }
const csv = {
  field: 'document',
  name: 'Audits.csv',
  content: Buffer.from('Child Unique ID,Audit theme,Date audit completed\r\nA1,Neglect,05/01/2027\r\n'),
  type: 'text/csv',
}

describe('the CSRF token of an upload form (issue 10)', () => {
  it('is the form’s first field, never in its address, so a failed upload’s address has no token', async () => {
    const { activityId, agent } = await analystOfAnActivity('886')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const uploadForms = overview.$('form[enctype="multipart/form-data"]')
    expect(uploadForms.length).toBeGreaterThan(0)
    uploadForms.each((_, form) => {
      expect(overview.$(form).attr('action')).not.toContain('_csrf')
      expect(overview.$(form).find('input').first().attr('name')).toBe('_csrf')
    })

    const url = `/activities/${activityId}/annex-a/documents`
    const failed = await agent.upload(url, { item: 'audits' }, pdf)
    expect(failed.statusCode).toBe(400)
    // The page is shown at the address the form posted to: the action, with no token in it.
    const shown = page(failed)
    expect(shown.errorSummary[0]!.text).toContain('The list of audits must be a spreadsheet')
    shown.$('form[enctype="multipart/form-data"]').each((_, form) => {
      expect(shown.$(form).attr('action')).toMatch(new RegExp(`^/activities/${activityId}/annex-a/(lists|documents)$`))
    })
  })

  it('refuses a multipart post without the token, or with the token only in the address', async () => {
    const { activityId, agent } = await analystOfAnActivity('887')
    const overview = page(await agent.get(`/activities/${activityId}/annex-a`))
    const url = `/activities/${activityId}/annex-a/documents`
    expect((await agent.upload(url, { item: 'audits' }, csv, { withCsrf: false })).statusCode).toBe(403)
    const token = overview.$('input[name="_csrf"]').first().attr('value') ?? ''
    const inQuery = await agent.upload(`${url}?_csrf=${encodeURIComponent(token)}`, { item: 'audits' }, csv, {
      withCsrf: false,
    })
    expect(inQuery.statusCode).toBe(403)
    expect(await t.app.services.annexA.documents(activityId)).toEqual([])
  })

  it('accepts the upload with the token as its first field', async () => {
    const { activityId, agent } = await analystOfAnActivity('888')
    await agent.get(`/activities/${activityId}/annex-a`)
    const sent = await agent.upload(`/activities/${activityId}/annex-a/documents`, { item: 'audits' }, csv)
    expect(sent.statusCode).toBe(303)
    expect((await t.app.services.annexA.documents(activityId)).map((document) => document.fileName)).toEqual([
      'Audits.csv',
    ])
  })
})
