import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LAs, so tests share only the app.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const context = { requestId: 'test' }
const principal = async (user: TestUser) => (await principalFor(t.db, user.id))!

/** Ofsted reviews Enfield's plan, it does not reflect the recommendations, and the difference is referred to the DfE (001#21-22). */
async function referActionPlan(laCode: string, director: TestUser, dcs: TestUser) {
  const { monitoring } = t.app.services
  const ofsted = await principal(director)
  const programmeId = await monitoring.open(ofsted, laCode, { dates: { 'pre-publication': '2026-09-07' } }, context)
  const itemId = await monitoring.addRecommendation(
    ofsted,
    programmeId,
    { kind: 'recommendation', text: 'Improve supervision' },
    context,
  )
  const file = await monitoring.storeDocument({
    fileName: 'plan.pdf',
    contentType: 'application/pdf',
    stream: Readable.from([Buffer.from('%PDF')]),
  })
  await monitoring.submitPlan(await principal(dcs), programmeId, { file, actions: { [itemId]: 'Train' } }, context)
  const review = { letterSentOn: '2026-11-23', differences: 'No action on supervision', discussedOn: undefined }
  await monitoring.reviewPlan(ofsted, programmeId, { ...review, outcome: 'does-not-reflect' }, context)
  await monitoring.reviewPlan(
    ofsted,
    programmeId,
    { ...review, outcome: 'referred-to-dfe', discussedOn: '2026-11-23' },
    context,
  )
}

describe("the DfE's national dashboard and its triggers (issue 13)", () => {
  it('lists each LA in intervention with its late report and its triggers, with rules, and exports it to Excel', async () => {
    const [enfield, haringey] = ['308', '309']
    await inadequateJudgement(t.db, enfield, '2026-07-06', '2026-09-14')
    await inadequateJudgement(t.db, haringey, '2026-06-08', '2026-08-17')
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [enfield, haringey] })
    const director = await createUser(t.db, 'national-director')
    const dcs = await createUser(t.db, 'la-dcs', { laCode: enfield })
    const lead = await principal(caseLead)
    const { intervention } = t.app.services

    const enfieldRecord = await intervention.open(lead, enfield, { dfeToldOn: '2026-09-01', note: '' }, context)
    await intervention.scheduleReport(
      lead,
      enfieldRecord,
      { title: 'Chair’s first report', dueFrom: 'board-chair', ownerEmail: '', dueOn: '2026-11-02' },
      context,
    )
    await intervention.open(lead, haringey, { dfeToldOn: '2026-08-03', note: '' }, context)
    // Haringey will not agree its monitoring visits (002#113); Enfield's plan difference is referred (001#22).
    const { monitoring } = t.app.services
    const ofsted = await principal(director)
    const haringeyProgramme = await monitoring.open(ofsted, haringey, { dates: {} }, context)
    await monitoring.recordDeclined(
      ofsted,
      haringeyProgramme,
      {
        declinedOn: '2026-10-12',
        said: 'The council declined the visits',
        persuasion: 'The regional director met the chief executive',
        version: undefined,
      },
      context,
    )
    await referActionPlan(enfield, director, dcs)

    const agent = await signIn(caseLead)
    const list = page(await agent.get('/interventions'))
    const rowOf = (name: string) => list.$('tbody tr').filter((_, row) => list.$(row).text().includes(name))
    const enfieldRow = rowOf('Enfield')
    expect(enfieldRow.text()).toContain('2 November 2026')
    expect(enfieldRow.text()).toContain('1 report')
    expect(enfieldRow.text()).toContain('An unresolved difference over the action plan')
    expect(enfieldRow.find('a[href="/rules/M3"]').length).toBe(1)
    expect(rowOf('Haringey').text()).toContain('The monitoring programme is not agreed')
    expect(rowOf('Haringey').find('a[href="/rules/M4"]').length).toBe(1)

    // The triggers page of Enfield shows the referral from the monitoring area beside the others.
    const la = page(await agent.get(`/interventions/las/${enfield}`))
    const difference = la
      .$('.govuk-summary-card')
      .filter((_, card) => la.$(card).text().includes('An unresolved difference over the action plan'))
    expect(difference.text()).toContain('Recorded 23 November 2026')
    expect(difference.text()).toContain("Referred by Ofsted's review of the plan in the monitoring programme")
    expect(difference.text()).toContain('Yes')

    const xlsx = await agent.get(list.$('a[download]').attr('href')!)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.headers['content-disposition']).toContain('Local authorities in intervention 2026-11-23.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('In intervention')!
    expect(sheet.getRow(1).getCell(2).value).toBe('Local authority')
    const rows = sheet.getSheetValues().slice(2) as unknown[][]
    const enfieldCells = rows.find((row) => row[2] === 'Enfield')!
    expect(enfieldCells[7]).toEqual(new Date('2026-11-02T00:00:00Z'))
    expect(enfieldCells[9]).toBe('1 report')
    expect(String(enfieldCells[10])).toContain('An unresolved difference over the action plan (M3, 001#22; 002#126)')
    expect(String(rows.find((row) => row[2] === 'Haringey')![10])).toContain(
      'The monitoring programme is not agreed (M4',
    )
  })

  it("gives the LA's DCS only their own LA's record in the workbook", async () => {
    const [hounslow, ealing] = ['313', '307']
    await inadequateJudgement(t.db, hounslow, '2026-07-06', '2026-09-14')
    await inadequateJudgement(t.db, ealing, '2026-07-06', '2026-09-14')
    const lead = await principal(await createUser(t.db, 'dfe-case-lead', { laCodes: [hounslow, ealing] }))
    for (const laCode of [hounslow, ealing])
      await t.app.services.intervention.open(lead, laCode, { dfeToldOn: '2026-09-01', note: '' }, context)
    const agent = await signIn(await createUser(t.db, 'la-dcs', { laCode: hounslow }))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await agent.get('/interventions/national.xlsx')).rawPayload as unknown as ArrayBuffer)
    const names = (workbook.getWorksheet('In intervention')!.getSheetValues().slice(2) as unknown[][]).map(
      (row) => row[2],
    )
    expect(names).toEqual(['Hounslow'])
  })
})
