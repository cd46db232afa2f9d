import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { fieldworkFromMilestones } from './fieldwork.js'
import type { PlanActivity } from './types.js'
import { activityRows, checkErrorList, checkLink, checkRows } from './presenters.js'

const html = (value: unknown) => cheerio.load(String((value as { html: string }).html))

describe('checkLink', () => {
  it('links a rules-core check to the rulebook and a planner check to the checks page', () => {
    expect(html({ html: checkLink({ rule: 'C3', citation: '002#14' }) })('a').attr('href')).toBe('/rules/C3')
    const planner = html({ html: checkLink({ rule: 'PC2', citation: 'Planner decision' }) })
    expect(planner('a').attr('href')).toBe('/programme/checks#PC2')
    expect(planner('a').text()).toBe('PC2 (planner check, Planner decision)')
  })
})

describe('checkRows', () => {
  const checks = [
    {
      rule: 'PC4' as const,
      citation: 'Planner decision',
      severity: 'error' as const,
      message: 'Sam <b>O’Brien</b> is on site elsewhere',
    },
    {
      rule: 'P1' as const,
      citation: '002#18',
      severity: 'warning' as const,
      message: 'A second focused visit',
      note: 'The 002#24 table allows up to two',
    },
  ]
  it('escapes messages, tags the severity and gives each row an anchor for the error summary', () => {
    const rows = checkRows(checks)
    expect(html(rows[0]![0])('#check-1').text()).toBe('Error')
    expect(String((rows[0]![1] as { html: string }).html)).toContain('Sam &#60;b&#62;O’Brien&#60;/b&#62;')
    expect(html(rows[1]![1])('.govuk-body-s').text()).toBe('The 002#24 table allows up to two')
    expect(checkErrorList(checks)).toEqual([{ text: 'Sam <b>O’Brien</b> is on site elsewhere', href: '#check-1' }])
  })
})

describe('activityRows', () => {
  const activity: PlanActivity = {
    id: '00000000-0000-4000-8000-000000000001',
    reference: '886-FV-2027-08-03',
    laCode: '886',
    laName: 'Kent',
    regionCode: 'E12000008',
    type: 'focused-visit',
    variant: null,
    status: 'planned',
    fieldwork: fieldworkFromMilestones('2027-08-03', [{ key: 'onsite.end', date: '2027-08-04' }]),
    onsite: [],
    lead: { userId: 'u', name: 'Alex' },
    checks: [{ rule: 'C3', citation: '002#14', severity: 'warning', message: 'In August' }],
  }
  it('shows dates, lead, status, the checks and a link to defer (P6) for those who plan', () => {
    const [row] = activityRows([activity], true)
    expect(html(row![0])('body').text()).toBe('KentFocused visit886-FV-2027-08-03')
    expect(html(row![1])('body').text()).toBe('3 August 2027 to 4 August 2027')
    expect((row![2] as { text: string }).text).toBe('Alex')
    // The checks are shown, not folded away behind a count (issue 10).
    expect(html(row![4])('li').text()).toBe('Warning In August C3 (rule, 002#14)')
    const status = html(row![3])
    expect(status('a').first().attr('href')).toBe('/activities/00000000-0000-4000-8000-000000000001')
    expect(status('a[href="/rules/P6"]').length).toBe(1)
    expect(html(activityRows([activity], false)[0]![3])('a').length).toBe(0)
  })
})
