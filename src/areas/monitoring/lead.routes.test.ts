import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reminderSources } from '../index.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Hounslow (313, London) judged inadequate, its report
// received before publication on Monday 7 September 2026: the action planning visit is due by
// Monday 26 October 2026 (001#10), so it is late and on everyone's list.
let t: TestApp
const LA = '313'
const LONDON = 'E12000007'

beforeAll(async () => {
  t = await buildTestApp()
  await inadequateJudgement(t.db, LA, '2026-07-06', '2026-09-14')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ')

/** Who the reminder job reminds of the programme's steps today, as [recipient, step]. */
async function reminded() {
  const all = (await Promise.all(reminderSources(t.app.services).map((source) => source('2026-11-23')))).flat()
  return all
    .filter((reminder) => reminder.kind === 'monitoring-step' && reminder.what.endsWith(': Hounslow'))
    .map((reminder) => [reminder.recipient.email, reminder.what])
    .sort((a, b) => `${a[1]}${a[0]}`.localeCompare(`${b[1]}${b[0]}`))
}

describe('the named lead inspector of a monitoring programme (002#129, ADR 0025)', () => {
  it('is named by the senior HMI and then gets the inspector’s steps, on the home page and by email', async () => {
    const regional = await createUser(t.db, 'regional-director', { regionCode: LONDON })
    const director = await signIn(regional)
    const opened = await director.post(`/monitoring/las/${LA}/open`, { ...date('prePublication', '2026-09-07') })
    const url = opened.headers.location as string
    const lead = await createUser(t.db, 'hmi', { displayName: 'Pat Lead' })
    const other = await createUser(t.db, 'hmi', { displayName: 'Lee Other' })
    const arrange = 'Arrange the action planning visit: Hounslow'

    // None named: the regional director gives the visit out, and every HMI sees it on their home page.
    expect((await reminded()).filter(([, what]) => what === arrange)).toEqual([[regional.email, arrange]])
    expect(text((await (await signIn(other)).get('/')).body)).toContain(arrange)

    // An HMI may not name one; the senior HMI names Pat Lead.
    expect((await (await signIn(other)).post(`${url}/lead-inspector`, { leadInspectorId: other.id })).statusCode).toBe(
      403,
    )
    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    const form = page(await senior.get(url))
    expect(form.$('#leadInspectorId option').length).toBeGreaterThan(2)
    const named = await senior.post(`${url}/lead-inspector`, {
      leadInspectorId: lead.id,
      version: form.$('form[action$="/lead-inspector"] input[name="version"]').attr('value')!,
    })
    expect(named.statusCode).toBe(303)
    expect(
      text(
        page(await director.get(url))
          .$('#lead-inspector + p')
          .text(),
      ),
    ).toContain('Pat Lead leads the monitoring visits')

    // The inspector's part of the step goes to Pat Lead alone; the senior HMI's part stays the director's.
    expect((await reminded()).filter(([, what]) => what === arrange)).toEqual([
      [lead.email, arrange],
      [regional.email, arrange],
    ])
    expect(text((await (await signIn(lead)).get('/')).body)).toContain(arrange)
    expect(text((await (await signIn(other)).get('/')).body)).not.toContain(arrange)
    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'monitoring.lead-inspector')
      .executeTakeFirstOrThrow()
    expect(audit.summary).toBe('Pat Lead named lead inspector of monitoring programme 1')
  })
})
