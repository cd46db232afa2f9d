import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { judgedLas, plannedActivity } from '../../test-support/factories/programme.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW); the register of judgedLas (Kent and Medway in the
// South East, Birmingham in the West Midlands). The programme holds one activity: a focused
// visit of Kent on Tuesday 3 and Wednesday 4 August 2027 (notice Tuesday 27 July), led by Alex
// with Sam, which meets two warnings (August, C3; Kent's inspection due, P4).
let t: TestApp
let national: TestUser
let regional: TestUser
let alex: TestUser
let seniorHmi: TestUser
let hmi: TestUser
let activityId: string

beforeAll(async () => {
  t = await buildTestApp()
  national = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  alex = await createUser(t.db, 'hmi')
  const sam = await createUser(t.db, 'hmi')
  hmi = await createUser(t.db, 'hmi')
  seniorHmi = await createUser(t.db, 'senior-hmi')
  await judgedLas(t.db)
  activityId = await plannedActivity(t.db, t.config, {
    laCode: '886',
    type: 'focused-visit',
    onsiteStart: '2027-08-03',
    topics: ['The front door'],
    leadUserId: alex.id,
    teamUserIds: [sam.id],
  })
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('the plan', () => {
  it('shows a national director every region: overdue LAs, windows opening without a plan, and the charts with their tables', async () => {
    const agent = await signIn(national)
    const response = await agent.get('/programme?from=2027-01&months=3')
    expect(response.statusCode).toBe(200)
    const view = page(response)
    expect(view.heading).toBe('National programme')
    expect(view.$('#overdue + div tbody').text()).toContain('Medway')
    expect(view.$('#overdue + div tbody').text()).toContain('short inspection, due by 1 September 2026')
    const january = view.$('#month-2027-01').nextUntil('h2.govuk-heading-l').text()
    expect(january).toContain('Due windows opening with nothing planned')
    expect(january).toContain('Kent')
    expect(january).toContain('Birmingham')
    expect(view.$('a[href="/programme/proposals/new?laCode=886&type=standard-inspection"]').length).toBe(1)
    const charts = view.$('svg.app-chart')
    expect(charts).toHaveLength(2)
    expect(charts.first().attr('role')).toBe('img')
    expect(view.$('table caption:contains("Inspector-weeks by month") + thead + tbody tr')).toHaveLength(3)
    expect(view.$('nav a[href="/programme"]').length).toBeGreaterThan(0)
  })

  it('shows a regional director their own region only', async () => {
    const agent = await signIn(regional)
    const view = page(await agent.get('/programme?from=2027-01&months=3&region=E12000005'))
    expect(view.heading).toBe('Programme for South East')
    expect(view.$('main').text()).toContain('Kent')
    expect(view.$('main').text()).not.toContain('Birmingham')
    expect(
      view
        .$('#region option')
        .map((_, option) => view.$(option).attr('value'))
        .get(),
    ).toEqual(['E12000008'])
  })

  it('uses the register’s filters and finds the same local authorities', async () => {
    const agent = await signIn(national)
    for (const query of [
      'pathway=2',
      'pathway=1',
      'grade=good',
      'due=2027-03',
      'overdue=yes',
      'region=E12000005',
      'q=kent',
      'grade=none',
    ]) {
      const register = page(await agent.get(`/register?${query}`))
      const plan = page(await agent.get(`/programme?${query}`))
      const count = (view: typeof plan) => view.$('p[role="status"] strong').first().text()
      expect(count(plan), query).toBe(count(register))
      expect(plan.$('#pathway').val(), query).toBe(register.$('#pathway').val())
    }
  })

  it('lets senior HMI read the plan without proposing, and refuses HMI', async () => {
    const senior = await signIn(seniorHmi)
    const view = page(await senior.get('/programme'))
    expect(view.heading).toBe('National programme')
    expect(view.$('a[href="/programme/proposals/new"]').length).toBe(0)
    expect((await senior.get('/programme/proposals/new')).statusCode).toBe(403)
    const inspector = await signIn(hmi)
    expect((await inspector.get('/programme')).statusCode).toBe(403)
  })

  it('shows the planned activity on the plan with its checks and a link to defer it (P6)', async () => {
    const agent = await signIn(regional)
    const view = page(await agent.get('/programme?from=2027-08&months=3'))
    const august = view.$('#month-2027-08').nextUntil('h2.govuk-heading-l')
    expect(august.text()).toContain('886-FV-2027-08-03')
    expect(august.find('.app-checks li')).toHaveLength(2)
    expect(august.find(`a[href="/activities/${activityId}"]:contains("Defer or cancel")`).length).toBe(1)
    expect(august.find('a[href="/rules/P6"]').length).toBe(1)
  })
})

describe('the Excel export', () => {
  it('is a real workbook: header row, frozen panes, date-typed cells and filters, checked cell by cell', async () => {
    const agent = await signIn(regional)
    const response = await agent.get('/programme/export.xlsx')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ilacs-programme-2026-11-23.xlsx"; filename\*=/,
    )
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Programme')!
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'LA code',
      'Local authority',
      'Region',
      'Pathway',
      'Next judgement inspection',
      'Due from',
      'Due to',
      'Overdue',
      'Activity',
      'Type',
      'Notice',
      'First day on site',
      'Last day on site',
      'Lead inspector',
      'Status',
      'Errors',
      'Warnings',
      'Rule checks',
    ])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 })
    expect(sheet.autoFilter).toBe(`A1:R${sheet.rowCount}`)

    // A regional director's export holds their region only: LAs of the South East, none of Birmingham.
    const laNames = sheet.getColumn(2).values.slice(2) as string[]
    expect(laNames).toContain('Kent')
    expect(laNames).not.toContain('Birmingham')
    expect([...laNames].sort((a, b) => a.localeCompare(b, 'en-GB'))).toEqual(laNames)

    const kentRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(9).value === '886-FV-2027-08-03')!
    const cell = (column: number) => kentRow.getCell(column).value
    expect(cell(1)).toBe('886')
    expect(cell(2)).toBe('Kent')
    expect(cell(3)).toBe('South East')
    expect(cell(4)).toBe(2)
    expect(cell(5)).toBe('Standard inspection')
    expect(cell(6)).toEqual(new Date('2027-01-01T00:00:00Z'))
    expect(kentRow.getCell(6).numFmt).toBe('d mmm yyyy')
    expect(cell(7)).toEqual(new Date('2028-01-01T00:00:00Z'))
    expect(cell(8)).toBe('No')
    expect(cell(10)).toBe('Focused visit')
    expect(cell(11)).toEqual(new Date('2027-07-27T00:00:00Z'))
    expect(cell(12)).toEqual(new Date('2027-08-03T00:00:00Z'))
    expect(cell(13)).toEqual(new Date('2027-08-04T00:00:00Z'))
    expect(kentRow.getCell(13).type).toBe(ExcelJS.ValueType.Date)
    const lead = await t.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', alex.id)
      .executeTakeFirstOrThrow()
    expect(cell(14)).toBe(lead.display_name)
    expect(cell(15)).toBe('Planned')
    expect(cell(16)).toBe(0)
    expect(cell(17)).toBe(2)
    expect(String(cell(18))).toContain(
      'Warning C3 (002#14): A focused visit on site in August (Tuesday 3 August 2027) takes place only by agreement or if concerns arise',
    )

    const medway = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(2).value === 'Medway')!
    expect(medway.getCell(8).value).toBe('Yes')
    expect(medway.getCell(9).value).toBeNull()

    const checks = workbook.getWorksheet('Rule checks')!
    expect(checks.getRow(1).values).toEqual([
      undefined,
      'Activity',
      'Local authority',
      'Severity',
      'Rule',
      'Citation',
      'Check',
      'Note',
    ])
    expect(checks.getRow(2).values).toEqual([
      undefined,
      '886-FV-2027-08-03',
      'Kent',
      'Warning',
      'C3',
      '002#14',
      'A focused visit on site in August (Tuesday 3 August 2027) takes place only by agreement or if concerns arise',
    ])
  })
})
