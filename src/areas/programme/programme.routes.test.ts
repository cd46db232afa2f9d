import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

// Monday 23 November 2026, 10:00 (TEST_NOW). Kent (886) and Medway (887) are in the South East
// (E12000008), Birmingham (330) in the West Midlands.
//   Kent: requires improvement, published 1 July 2024 → pathway 2, due 1 January 2027 to 1 January 2028.
//   Medway: good, published 1 March 2023 → pathway 1, due 1 September 2025 to 1 September 2026: overdue.
//   Birmingham: requires improvement, published 1 July 2024.
let t: TestApp
let national: TestUser
let regional: TestUser
let alex: TestUser
let sam: TestUser
let seniorHmi: TestUser
let hmi: TestUser

const TOPIC = 'The front door'

beforeAll(async () => {
  t = await buildTestApp()
  national = await createUser(t.db, 'national-director')
  regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000008' })
  alex = await createUser(t.db, 'hmi')
  sam = await createUser(t.db, 'hmi')
  hmi = await createUser(t.db, 'hmi')
  seniorHmi = await createUser(t.db, 'senior-hmi')
  const grades = (overall: 'good' | 'requires-improvement') => ({
    overall,
    'help-and-protection': overall,
    'children-in-care': overall,
    leaders: overall,
  })
  for (const [laCode, overall, inspectionStart, publishedOn] of [
    ['886', 'requires-improvement', '2024-05-06', '2024-07-01'],
    ['887', 'good', '2023-01-09', '2023-03-01'],
    ['330', 'requires-improvement', '2024-05-06', '2024-07-01'],
  ] as const) {
    const inspectionEnd = inspectionStart.replace(
      /-\d\d$/,
      (day) => `-${String(Number(day.slice(1)) + 11).padStart(2, '0')}`,
    )
    await publishedJudgement(t.db, {
      laCode,
      framework: 'ilacs-2018',
      activityType: 'standard-inspection',
      inspectionStart,
      inspectionEnd,
      publishedOn,
      grades: grades(overall),
      source: 'manual',
      recordedBy: null,
    })
  }
})
afterAll(async () => t.close())

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

/** The proposal form's fields for a first day on site written d/m/yyyy. */
function form(
  fields: {
    laCode: string
    type: string
    onsite: string
    lead?: string
    team?: string[]
    topics?: string[]
    variant?: string
  },
  extra: Record<string, string | string[]> = {},
) {
  const [day, month, year] = fields.onsite.split('/')
  return {
    laCode: fields.laCode,
    type: fields.type,
    variant: fields.variant ?? '',
    'onsiteStart-day': day!,
    'onsiteStart-month': month!,
    'onsiteStart-year': year!,
    leadUserId: fields.lead ?? '',
    ...(fields.team ? { teamUserIds: fields.team } : {}),
    ...(fields.topics ? { topics: fields.topics } : {}),
    ...extra,
  }
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
})

describe('proposing an activity', () => {
  let activityId = ''

  it('shows the rule checks before committing, asks for the warnings to be confirmed, then plans it with its team', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new?laCode=886&type=focused-visit')
    // A focused visit of Kent in August 2027 (C3) while its standard inspection is due (002#9).
    const fields = {
      laCode: '886',
      type: 'focused-visit',
      onsite: '3/8/2027',
      lead: alex.id,
      team: [sam.id],
      topics: [TOPIC],
    }
    const checked = await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))
    expect(checked.statusCode).toBe(200)
    const view = page(checked)
    expect(view.$('#checks').text()).toBe('Rule checks: Focused visit of Kent')
    const rows = view.$('#checks ~ div table tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows.first().text()).toContain(
      'A focused visit on site in August (Tuesday 3 August 2027) takes place only by agreement or if concerns arise',
    )
    expect(rows.first().find('a[href="/rules/C3"]').length).toBe(1)
    expect(view.$('main').text()).toContain('Tuesday 27 July 2027')
    const fingerprint = view.$('input[name="fingerprint"]').val() as string
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)

    const unconfirmed = await agent.post('/programme/proposals/new', form(fields, { action: 'commit', fingerprint }))
    expect(unconfirmed.statusCode).toBe(400)
    expect(page(unconfirmed).errorSummary).toEqual([
      { text: 'Confirm you have read the warnings to plan this activity', href: '#confirm' },
    ])
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '886').execute()).toHaveLength(0)

    const committed = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint, confirm: 'yes' }),
    )
    expect(committed.statusCode).toBe(303)
    activityId = committed.headers.location!.split('/').pop()!
    expect(committed.headers.location).toBe(`/activities/${activityId}`)

    // It appears on /activities with its timeline and team.
    const list = page(await agent.get('/activities'))
    expect(list.$('tbody').text()).toContain('886-FV-2027-08-03')
    const timeline = page(await agent.get(`/activities/${activityId}/timeline`))
    expect(timeline.$('#table tbody').text()).toContain('27 July 2027')
    const team = page(await agent.get(`/activities/${activityId}/team`))
    expect(team.$('main').text()).toContain('Lead inspector')
    const members = await t.db
      .selectFrom('activity_team')
      .select(['user_id', 'team_role'])
      .where('activity_id', '=', activityId)
      .orderBy('team_role')
      .execute()
    expect(members).toEqual([
      { user_id: alex.id, team_role: 'lead-inspector' },
      { user_id: sam.id, team_role: 'team-inspector' },
    ])
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes', 'actor_id'])
      .where('record_id', '=', activityId)
      .where('action', '=', 'programme.commit')
      .executeTakeFirstOrThrow()
    expect(audit.actor_id).toBe(regional.id)
    expect(
      (audit.changes as { warningsConfirmed: Array<{ rule: string }> }).warningsConfirmed.map((check) => check.rule),
    ).toEqual(['C3', 'P4'])
  })

  it('refuses a confirmation of warnings that have changed since they were read', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    // A focused visit of Medway, overdue, on Tuesday 14 September 2027 (notice Tuesday 7 September).
    const fields = { laCode: '887', type: 'focused-visit', onsite: '14/9/2027', lead: hmi.id, topics: [TOPIC] }
    const checked = page(await agent.post('/programme/proposals/new', form(fields, { action: 'check' })))
    expect(checked.$('#checks ~ div table tbody tr')).toHaveLength(1)
    const fingerprint = checked.$('input[name="fingerprint"]').val() as string
    // Meanwhile the lead's leave is recorded over the notice day: a new warning (PC3).
    await agent.get('/programme/leave/new')
    await agent.post('/programme/leave/new', {
      userId: hmi.id,
      'startsOn-day': '6',
      'startsOn-month': '9',
      'startsOn-year': '2027',
      'endsOn-day': '8',
      'endsOn-month': '9',
      'endsOn-year': '2027',
    })
    const stale = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint, confirm: 'yes' }),
    )
    expect(stale.statusCode).toBe(400)
    const view = page(stale)
    expect(view.errorSummary).toEqual([
      {
        text: 'The rule checks have changed since you checked this proposal: read them again and confirm',
        href: '#confirm',
      },
    ])
    expect(view.$('#checks ~ div table tbody tr')).toHaveLength(2)
    expect(view.$('#checks ~ div table').text()).toContain(
      'the lead inspector, is on leave from Monday 6 September 2027 to Wednesday 8 September 2027, which includes the notice day, Tuesday 7 September 2027',
    )
    expect(view.$('input[name="fingerprint"]').val()).not.toBe(fingerprint)
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '887').execute()).toHaveLength(0)
  })

  it('refuses at commit a proposal that clashes with another activity of the LA (PC1)', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    const fields = { laCode: '886', type: 'focused-visit', onsite: '10/8/2027', topics: [TOPIC] }
    const response = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', fingerprint: '0000000000000000', confirm: 'yes' }),
    )
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary.map((error) => error.text)).toContain(
      'Clashes with 886-FV-2027-08-03, a focused visit of Kent running from its notice on Tuesday 27 July 2027 to Wednesday 4 August 2027; this focused visit would run from Tuesday 3 August 2027 to Wednesday 11 August 2027 (PC1, 002#73-74, #242)',
    )
  })

  it('refuses a proposal with an error, before and at commit, and plans nothing', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/proposals/new')
    // Monday 28 December 2026 is the Boxing Day substitute bank holiday (C5), over Christmas (C3).
    const fields = { laCode: '886', type: 'standard-inspection', onsite: '28/12/2026' }
    const checked = await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))
    expect(checked.statusCode).toBe(400)
    const view = page(checked)
    expect(view.errorSummary[0]).toEqual({
      text: "2026-12-28 is a bank holiday in England and Wales: Boxing Day (substitute day); a standard inspection's fieldwork must start on a working day (C5, 002#52-53)",
      href: '#check-1',
    })
    expect(view.$('#check-1').text()).toBe('Error')
    expect(view.$('button[value="commit"]').length).toBe(0)
    const committed = await agent.post(
      '/programme/proposals/new',
      form(fields, { action: 'commit', confirm: 'yes', fingerprint: '' }),
    )
    expect(committed.statusCode).toBe(400)
    expect(
      await t.db.selectFrom('activities').select('id').where('reference', 'like', '886-SI-%').execute(),
    ).toHaveLength(0)
  })

  it('refuses an inspector on leave during fieldwork (PC3) and one already on site elsewhere (PC4)', async () => {
    const agent = await signIn(regional)
    await agent.get('/programme/leave/new')
    const leave = await agent.post('/programme/leave/new', {
      userId: sam.id,
      'startsOn-day': '3',
      'startsOn-month': '3',
      'startsOn-year': '2027',
      'endsOn-day': '5',
      'endsOn-month': '3',
      'endsOn-year': '2027',
    })
    expect(leave.statusCode).toBe(303)
    await agent.get('/programme/proposals/new')
    const onLeave = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '887', type: 'short-inspection', onsite: '1/3/2027', team: [sam.id] }, { action: 'check' }),
    )
    expect(onLeave.statusCode).toBe(400)
    expect(page(onLeave).errorSummary[0]!.text).toMatch(
      /^Test His Majesty's Inspector \(HMI\) \d+ is on leave from Wednesday 3 March 2027 to Friday 5 March 2027, which covers 3 days of fieldwork \(from Wednesday 3 March 2027\) \(PC3, Planner decision\)$/,
    )
    const twoPlaces = await agent.post(
      '/programme/proposals/new',
      form({ laCode: '887', type: 'short-inspection', onsite: '2/8/2027', lead: alex.id }, { action: 'check' }),
    )
    expect(twoPlaces.statusCode).toBe(400)
    expect(
      page(twoPlaces)
        .errorSummary.map((error) => error.text)
        .join('\n'),
    ).toMatch(
      /is on site at 886-FV-2027-08-03 \(focused visit of Kent\) on 3 August 2027, 4 August 2027 \(PC4, Planner decision\)/,
    )
  })

  it('answers 404 to a regional director proposing outside their region', async () => {
    const agent = await signIn(regional)
    expect((await agent.get('/programme/proposals/new?laCode=330')).statusCode).toBe(404)
    await agent.get('/programme/proposals/new')
    const fields = { laCode: '330', type: 'standard-inspection', onsite: '1/3/2027' }
    expect((await agent.post('/programme/proposals/new', form(fields, { action: 'check' }))).statusCode).toBe(404)
    expect(
      (
        await agent.post(
          '/programme/proposals/new',
          form(fields, { action: 'commit', confirm: 'yes', fingerprint: '' }),
        )
      ).statusCode,
    ).toBe(404)
    expect(await t.db.selectFrom('activities').select('id').where('la_code', '=', '330').execute()).toHaveLength(0)
    const view = page(await agent.get('/programme/proposals/new'))
    expect(
      view
        .$('#laCode option')
        .map((_, option) => view.$(option).attr('value'))
        .get(),
    ).not.toContain('330')
  })

  it('shows the planned activity on the plan with its checks and a link to defer it (P6)', async () => {
    const agent = await signIn(regional)
    const view = page(await agent.get('/programme?from=2027-08&months=3'))
    const august = view.$('#month-2027-08').nextUntil('h2.govuk-heading-l')
    expect(august.text()).toContain('886-FV-2027-08-03')
    expect(august.text()).toContain('2 warnings')
    expect(august.find(`a[href="/activities/${activityId}"]:contains("Defer or cancel")`).length).toBe(1)
    expect(august.find('a[href="/rules/P6"]').length).toBe(1)
  })
})

describe('inspector capacity', () => {
  it('shows each inspector’s load by week and their leave', async () => {
    const agent = await signIn(national)
    const view = page(await agent.get('/programme/capacity?from=2027-08-02&weeks=4'))
    expect(view.heading).toBe('Inspector capacity and leave')
    expect(view.$('thead th').eq(1).text()).toBe('w/c 2 August 2027')
    expect(view.$('tbody').text()).toContain('886-FV-2027-08-03 (2 days)')
    const leave = page(await agent.get('/programme/capacity?from=2027-03-01&weeks=4'))
    expect(leave.$('tbody').first().text()).toContain('Leave 3 days')
  })

  it('lets the national director change the weekly limit, audited, and refuses others', async () => {
    const agent = await signIn(national)
    await agent.get('/programme/capacity')
    const invalid = await agent.post('/programme/capacity/limit', { weeklyLimit: '0' })
    expect(invalid.statusCode).toBe(400)
    expect(page(invalid).errorSummary[0]!.text).toBe('Enter a whole number of activities from 1 to 5')
    expect((await agent.post('/programme/capacity/limit', { weeklyLimit: '2' })).statusCode).toBe(303)
    expect(
      page(await agent.get('/programme/checks'))
        .$('main')
        .text(),
    ).toContain('per inspector per week is now 2')
    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('action', '=', 'programme.configure')
      .executeTakeFirstOrThrow()
    expect(audit.changes).toEqual({ before: 1, after: 2 })
    const director = await signIn(regional)
    await director.get('/programme/capacity')
    expect((await director.post('/programme/capacity/limit', { weeklyLimit: '3' })).statusCode).toBe(403)
    await agent.post('/programme/capacity/limit', { weeklyLimit: '1' })
  })

  it('refuses leave that ends before it starts, and removes leave with an audit entry', async () => {
    const agent = await signIn(national)
    await agent.get('/programme/leave/new')
    const backwards = await agent.post('/programme/leave/new', {
      userId: alex.id,
      'startsOn-day': '10',
      'startsOn-month': '5',
      'startsOn-year': '2027',
      'endsOn-day': '7',
      'endsOn-month': '5',
      'endsOn-year': '2027',
    })
    expect(backwards.statusCode).toBe(400)
    expect(page(backwards).errorSummary).toEqual([
      { text: 'The last day of leave must be the same as or after the first day', href: '#endsOn-day' },
    ])
    expect(
      (
        await agent.post('/programme/leave/new', {
          userId: alex.id,
          'startsOn-day': '10',
          'startsOn-month': '5',
          'startsOn-year': '2027',
          'endsOn-day': '14',
          'endsOn-month': '5',
          'endsOn-year': '2027',
        })
      ).statusCode,
    ).toBe(303)
    const row = await t.db
      .selectFrom('inspector_leave')
      .select('id')
      .where('user_id', '=', alex.id)
      .executeTakeFirstOrThrow()
    await agent.get('/programme/capacity')
    expect((await agent.post('/programme/leave/remove', { leaveId: row.id })).statusCode).toBe(303)
    const again = await agent.post('/programme/leave/remove', { leaveId: row.id })
    expect(again.statusCode).toBe(400)
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_id', '=', row.id)
      .orderBy('occurred_at')
      .execute()
    expect(actions.map((entry) => entry.action)).toEqual(['leave.add', 'leave.remove'])
  })
})

describe('the Excel export', () => {
  it('is a real workbook: header row, frozen panes, date-typed cells and filters, checked cell by cell', async () => {
    const agent = await signIn(regional)
    const response = await agent.get('/programme/export.xlsx')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers['content-disposition']).toBe('attachment; filename="ilacs-programme-2026-11-23.xlsx"')
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

describe('the home page', () => {
  it('tells a director what the programme needs: overdue LAs, windows closing, and activities that now fail a check', async () => {
    const agent = await signIn(regional)
    // Alex, the lead of Kent's focused visit on 3-4 August 2027, is now on leave on 4 August (PC3).
    await agent.get('/programme/leave/new')
    await agent.post('/programme/leave/new', {
      userId: alex.id,
      'startsOn-day': '4',
      'startsOn-month': '8',
      'startsOn-year': '2027',
      'endsOn-day': '4',
      'endsOn-month': '8',
      'endsOn-year': '2027',
    })
    const home = page(await agent.get('/'))
    const text = home.$('main').text()
    expect(text).toContain('Plan the short inspection: Medway')
    expect(home.$('a[href="/programme/proposals/new?laCode=887&type=short-inspection"]').length).toBeGreaterThan(0)
    expect(text).toContain('Rule check fails: Focused visit of Kent')
    expect(text).toMatch(
      /is on leave on Wednesday 4 August 2027, which covers 1 day of fieldwork \(from Wednesday 4 August 2027\) \(PC3\)/,
    )
    expect(text).not.toContain('Birmingham')
    // Surrey, judged good on 3 July 2023: its window closes on 3 January 2027, within 13 weeks, with nothing planned.
    await publishedJudgement(t.db, {
      laCode: '936',
      framework: 'ilacs-2018',
      activityType: 'standard-inspection',
      inspectionStart: '2023-05-08',
      inspectionEnd: '2023-05-19',
      publishedOn: '2023-07-03',
      grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
      source: 'manual',
      recordedBy: null,
    })
    const nationalHome = page(await (await signIn(national)).get('/'))
    expect(nationalHome.$('main').text()).toContain('Due window closes: Surrey')
    expect(nationalHome.$('main').text()).toContain('No judgement inspection is planned before 3 January 2027')
    // Not for those who cannot propose.
    const senior = page(await (await signIn(seniorHmi)).get('/'))
    expect(senior.$('main').text()).not.toContain('Plan the short inspection')
  })
})
