import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REMINDER_KINDS } from '../../notify/reminders.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW).
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

/** The kinds of reminder listed on the page, each row's text. */
async function kindRows(agent: TestAgent): Promise<string[]> {
  const { $ } = page(await agent.get('/account/reminders'))
  return $('table')
    .first()
    .find('tbody tr')
    .map((_, row) => $(row).text().replace(/\s+/g, ' ').trim())
    .get()
}

describe('your reminders (issue 13)', () => {
  it('lists the kinds a DCS can get, in words, and stops one', async () => {
    const dcs = await createUser(t.db, 'la-dcs', { laCode: '886' })
    const agent = await new TestAgent(t.app).signIn(dcs.email, dcs.password)
    const before = await kindRows(agent)
    expect(before.some((row) => row.startsWith(REMINDER_KINDS['la-information']))).toBe(true)
    expect(before.some((row) => row.startsWith(REMINDER_KINDS['report-step']))).toBe(true)
    // An inspector's and the DfE's kinds are not a DCS's.
    expect(before.some((row) => row.startsWith(REMINDER_KINDS['inspection-step']))).toBe(false)
    expect(before.some((row) => row.startsWith(REMINDER_KINDS['board-meeting']))).toBe(false)
    expect(before).toHaveLength(4)

    const stopped = await agent.post('/account/reminders', { kind: 'la-information', stop: 'yes' })
    expect(stopped.statusCode).toBe(303)
    const after = await kindRows(agent)
    expect(after.find((row) => row.startsWith(REMINDER_KINDS['la-information']))).toContain('Stopped')
    expect(await t.db.selectFrom('reminder_stops').select('kind').where('user_id', '=', dcs.id).execute()).toEqual([
      { kind: 'la-information' },
    ])
  })
})
