import { describe, expect, it } from 'vitest'
import type { Finding, RuleId } from '../../annex-a/index.js'
import { findingsPage } from './presenters.js'

/** A finding of `rule` on `list`'s row `row` (the fields the page shows). */
function finding(list: number | null, rule: RuleId, severity: Finding['severity'], row: number): Finding {
  return {
    list,
    sheet: list === null ? null : `List_${list}`,
    row,
    column: 'Date of referral',
    columnLetter: 'F',
    cell: `F${row}`,
    field: 'referralDate',
    value: 'not a date',
    rule,
    severity,
    message: 'Enter a date',
    citation: null,
  }
}

/** `count` findings of one rule on one list, rows from 2. */
const many = (list: number | null, rule: RuleId, severity: Finding['severity'], count: number) =>
  Array.from({ length: count }, (_, i) => finding(list, rule, severity, i + 2))

describe('a return’s findings, a page at a time', () => {
  // Handed over as the checker finds them: list 3's warnings before list 1's errors.
  const findings = [
    ...many(3, 'AA-AGE', 'warning', 30),
    ...many(1, 'AA-DATE', 'error', 60),
    ...many(3, 'AA-BLANK', 'error', 50),
    ...many(null, 'AA-SIBLINGS', 'note', 1),
    ...many(1, 'AA-AGE', 'warning', 20),
  ]

  it('puts the whole workbook’s first, then each list in order, errors before warnings within it', () => {
    const page = findingsPage(findings, 1, 1000)
    expect(page.groups.map((group) => [group.title, group.rules.map((rule) => rule.rule)])).toEqual([
      ['Whole workbook', ['AA-SIBLINGS']],
      [expect.stringMatching(/^List 1: /), ['AA-DATE', 'AA-AGE']],
      [expect.stringMatching(/^List 3: /), ['AA-BLANK', 'AA-AGE']],
    ])
    expect(page.pages).toBe(1)
    expect(page.groups.every((group) => !group.continued)).toBe(true)
  })

  it('cuts a rule across pages and says which of its findings each page shows', () => {
    // Order: workbook 1, list 1 errors 60 and warnings 20 (2–81), list 3 errors 50 (82–131), warnings 30 (132–161).
    const second = findingsPage(findings, 2, 100)
    expect(second).toMatchObject({ page: 2, pages: 2, total: 161, first: 101, last: 161 })
    expect(second.groups).toHaveLength(1)
    const [list3] = second.groups
    expect(list3).toMatchObject({ continued: true, count: 80, errors: 50, warnings: 30 })
    expect(list3!.rules.map((rule) => [rule.rule, rule.count, rule.part, rule.rows.length])).toEqual([
      ['AA-BLANK', 50, { first: 20, last: 50 }, 31],
      ['AA-AGE', 30, undefined, 30],
    ])
    const first = findingsPage(findings, 1, 100)
    expect(first.groups.at(-1)!.rules.at(-1)).toMatchObject({ rule: 'AA-BLANK', part: { first: 1, last: 19 } })
    expect(first.groups.flatMap((group) => group.rules).reduce((sum, rule) => sum + rule.rows.length, 0)).toBe(100)
  })

  it('names for each list the page its findings start on, whichever page is shown', () => {
    const lists = findingsPage(findings, 2, 50).lists
    expect(lists.map((list) => [list.listKey, list.page, list.errors, list.warnings, list.notes])).toEqual([
      ['workbook', 1, 0, 0, 1],
      ['1', 1, 60, 20, 0],
      ['3', 2, 50, 30, 0],
    ])
  })

  it('shows the last page for a page past it, and an empty first page when nothing was found', () => {
    expect(findingsPage(findings, 9, 100)).toMatchObject({ page: 2, first: 101 })
    expect(findingsPage([], 3)).toMatchObject({ page: 1, pages: 1, total: 0, first: 0, last: 0, groups: [] })
  })
})
