import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { ilacs } from '../../test-support/cli.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook, checkedReturn } from '../../test-support/factories/annex-a.js'
import { createUser } from '../../test-support/factories/users.js'

// Monday 11 January 2027, 10:00: the day of notice for fieldwork on Monday 18 January.
let t: TestApp
let clean: Buffer
let laCodes: string[] = []
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const LIST_1 = 'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source'
const LIST_3 =
  'Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of referral,Referral Source,Referral NFA?,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker'
const csv = (name: string, text: string) => ({ field: 'file', name, content: Buffer.from(text), type: 'text/csv' })

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-11T10:00:00Z') })
  clean = await annexAWorkbook({ rows: 600, asOf: '2027-01-11', seed: 7 })
  laCodes = (await t.app.services.register.localAuthorities()).map((la) => la.laCode).filter((code) => code !== '887')
})
afterAll(async () => t.close())

async function inspection() {
  const laCode = laCodes.shift()!
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    onsiteStart: '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt: '2027-01-11T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  const agent = await new TestAgent(t.app).signIn(analyst.email, analyst.password)
  await agent.get(`/activities/${activityId}/annex-a`)
  return { analyst, activityId, agent }
}

async function storedResult(returnId: string) {
  const row = await t.db
    .selectFrom('annex_a_returns')
    .select('result')
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow()
  return row.result as {
    counts: unknown
    findings: Array<{ rule: string; list: number | null; message: string; cell: string | null }>
  }
}

const returnIdOf = (location: string) => location.split('/').pop()!.split('?')[0]!

describe('a return is every list the inspection asks for', () => {
  it('makes a single list a return with errors that never replaces a fuller one', async () => {
    const { analyst, activityId, agent } = await inspection()
    await checkedReturn(t.db, t.app.services, { activityId, uploaderId: analyst.id, content: clean })
    const single = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      csv('List_1.csv', `${LIST_1}\r\nC1,a) Male,a) WBRI,01/04/2015,11,05/01/2027,q) 6: Police\r\n`),
    )
    await t.app.services.processor.drain()
    const shown = page(await agent.get(single.headers.location!))
    expect(shown.heading).toBe('Annex A version 2: errors to fix')
    const missing = (await storedResult(returnIdOf(single.headers.location!))).findings.filter(
      (f) => f.rule === 'AA-LIST-MISSING',
    )
    expect(missing.map((f) => f.list)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(shown.$('main').text()).toContain('This version is not used: it holds 1 of the 11 lists asked for')
    expect((await t.app.services.annexA.current(activityId))?.version).toBe(1)
  })

  it('takes several CSV files as one return with lists declared empty, and the CLI gives the same answer', async () => {
    const { activityId, agent } = await inspection()
    const files = [
      csv('List_3.csv', `${LIST_3}\r\nC1,a) Male,a) WBRI,01/04/2015,11,06/01/2027,q) 6: Police,b) No,1,Team A,W1\r\n`),
      csv('List_1.csv', `${LIST_1}\r\nC1,a) Male,a) WBRI,01/04/2015,11,05/01/2027,q) 6: Police\r\n`),
    ]
    const empty = ['2', '4', '5', '6', '7', '8', '9', '10', '11']
    const uploaded = await agent.upload(`/activities/${activityId}/annex-a/lists`, { empty }, files)
    expect(uploaded.statusCode).toBe(303)
    await t.app.services.processor.drain()
    const version = (await t.app.services.annexA.versions(activityId))[0]!
    expect(version.files.map((f) => f.fileName)).toEqual(['List_3.csv', 'List_1.csv'])
    expect(version.listsCovered).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    const result = await storedResult(version.id)
    expect(result.findings.filter((f) => f.rule === 'AA-LIST-MISSING')).toEqual([])
    expect(result.findings.filter((f) => f.rule === 'AA-LIST-DECLARED-EMPTY')).toHaveLength(9)

    const dir = await mkdtemp(join(tmpdir(), 'annex-a-cli-'))
    for (const file of files) await writeFile(join(dir, file.name), file.content)
    const run = ilacs(
      'annex-a',
      'validate',
      ...files.map((file) => join(dir, file.name)),
      '--as-of',
      '2027-01-18',
      '--empty',
      '2,4-11',
      '--json',
      '--no-progress',
    )
    const cli = JSON.parse(run.stdout) as typeof result
    expect(cli.counts).toEqual(result.counts)
    expect(cli.findings).toEqual(result.findings)
  })

  it('checks dates against the first day on site, and names it', async () => {
    const { activityId, agent } = await inspection()
    // 14 January is after the upload day but before the inspection; 20 January is after it.
    const text = `${LIST_1}\r\nD1,a) Male,a) WBRI,01/04/2015,11,14/01/2027,q) 6: Police\r\nD2,a) Male,a) WBRI,01/04/2015,11,20/01/2027,q) 6: Police\r\n`
    const uploaded = await agent.upload(`/activities/${activityId}/annex-a/lists`, {}, csv('List_1.csv', text))
    await t.app.services.processor.drain()
    const future = (await storedResult(returnIdOf(uploaded.headers.location!))).findings.filter(
      (f) => f.rule === 'AA-DATE-FUTURE',
    )
    expect(future.map((f) => f.cell)).toEqual(['F3'])
    expect(future[0]!.message).toContain('after the inspection date (18/01/2027)')
    const shown = page(await agent.get(uploaded.headers.location!))
    expect(shown.$('main').text()).toContain(
      'Checked against the inspection date, Monday 18 January 2027 (the first day on site)',
    )
  })

  it('reports the same bytes under a new name under the new name', async () => {
    const { activityId, agent } = await inspection()
    const first = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      {
        field: 'file',
        name: 'Annex A draft.xlsx',
        content: clean,
        type: xlsx,
      },
    )
    await agent.get(`/activities/${activityId}/annex-a`)
    const renamed = await agent.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      {
        field: 'file',
        name: 'Annex A final.xlsx',
        content: clean,
        type: xlsx,
      },
    )
    expect(renamed.headers.location).not.toContain('duplicate=1')
    expect(returnIdOf(renamed.headers.location!)).not.toBe(returnIdOf(first.headers.location!))
    await t.app.services.processor.drain()
    const shown = page(await agent.get(renamed.headers.location!))
    expect(shown.heading).toContain('Annex A version 2')
    expect(shown.$('main').text()).toContain('Annex A final.xlsx')
    expect(shown.$('main').text()).not.toContain('Annex A draft.xlsx')
  })
})
