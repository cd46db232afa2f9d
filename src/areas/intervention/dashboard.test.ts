import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA.
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const context = { requestId: 'test' }
/** The items of "What needs you" on the person's home page, each as one line of text. */
async function needs(user: TestUser): Promise<string[]> {
  const home = page(await (await new TestAgent(t.app).signIn(user.email, user.password)).get('/'))
  return home
    .$('.app-needs__item')
    .map((_, item) => home.$(item).text().replace(/\s+/g, ' ').trim())
    .get()
}

describe('the intervention work on the home page (issues 10 and 13)', () => {
  it('asks the case lead to open a record for a new inadequate judgement, then for the late report; the DCS for the council’s', async () => {
    const laCode = '332' // Dudley
    await inadequateJudgement(t.db, laCode, '2026-06-08', '2026-08-14')
    const lead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    const dcs = await createUser(t.db, 'la-dcs', { laCode })
    const other = await createUser(t.db, 'dfe-case-lead', { laCodes: ['886'] })

    expect(await needs(lead)).toEqual([
      expect.stringContaining('New inadequate judgement: open an intervention record for Dudley'),
    ])
    expect((await needs(other)).join()).not.toContain('Dudley')

    const principal = (await principalFor(t.db, lead.id))!
    const services = t.app.services.intervention
    const id = await services.open(principal, laCode, { dfeToldOn: '2026-08-04', note: '' }, context)
    for (const [title, dueFrom, dueOn] of [
      ['Adviser’s first report', 'adviser', '2026-11-16'],
      ['Improvement plan update', 'council', '2026-11-30'],
      ['Board chair’s report', 'board-chair', '2027-03-01'],
    ] as const)
      await services.scheduleReport(principal, id, { title, dueFrom, ownerEmail: '', dueOn }, context)

    const leads = await needs(lead)
    expect(leads).toEqual([
      expect.stringMatching(
        /^Overdue Adviser’s first report for Dudley .*due Monday 16 November 2026.*Due from: DfE social care adviser/,
      ),
      expect.stringMatching(/^Coming up Improvement plan update for Dudley .*due Monday 30 November 2026/),
    ])
    expect(await needs(dcs)).toEqual([expect.stringMatching(/^Coming up Improvement plan update for Dudley/)])
    expect((await needs(other)).join()).not.toContain('Dudley')
  })
})
