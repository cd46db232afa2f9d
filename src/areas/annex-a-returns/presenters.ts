import type { Finding } from '../../annex-a/index.js'
import { LISTS, RULES } from '../../annex-a/index.js'
import { escapeHtml } from '../../web/html.js'
import type { AnnexAReturn, FindingsFilter, ReturnStatus } from './types.js'
import { plural } from '../../web/words.js'

export const RETURN_STATUS: Readonly<Record<ReturnStatus, { text: string; tag: string }>> = {
  processing: { text: 'Checking', tag: 'govuk-tag--light-blue' },
  valid: { text: 'No errors', tag: 'govuk-tag--green' },
  errors: { text: 'Errors to fix', tag: 'govuk-tag--red' },
  unreadable: { text: 'Could not be read', tag: 'govuk-tag--red' },
  failed: { text: 'Check failed', tag: 'govuk-tag--red' },
}

export function returnStatusTag(status: ReturnStatus): string {
  const info = RETURN_STATUS[status]
  return `<strong class="govuk-tag ${info.tag}">${info.text}</strong>`
}

export function listTitle(list: number | null): string {
  if (list === null) return 'Whole workbook'
  const spec = LISTS.find((candidate) => candidate.list === list)
  return spec ? `List ${list}: ${spec.title}` : `List ${list}`
}

export function ruleTitle(rule: string): string {
  return (RULES as Record<string, { title?: string } | undefined>)[rule]?.title ?? rule
}

/**
 * How many findings one page lists (issue 16). A 20,000-row return with errors planted through it
 * had 471 findings, 282 KB of page: slower to send than any other page even from memory. A
 * hundred is a sitting's work; the rest are a page away, and all are in the marked-up workbook.
 */
export const FINDINGS_PER_PAGE = 100

const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 } as const

/** One list's findings (or the whole workbook's), by rule, errors first. */
interface FindingGroup {
  readonly listKey: string
  readonly id: string
  readonly title: string
  readonly count: number
  readonly errors: number
  readonly warnings: number
  readonly notes: number
  readonly rules: ReadonlyArray<{ readonly rule: string; readonly items: readonly Finding[] }>
}

/** Findings grouped by list (the whole workbook's first), then by rule, in the order an analyst fixes them: errors first. */
function groupByList(findings: readonly Finding[]): FindingGroup[] {
  const byList = new Map<string, Map<string, Finding[]>>()
  for (const finding of [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
    const listKey = finding.list === null ? 'workbook' : String(finding.list)
    const rules = byList.get(listKey) ?? new Map<string, Finding[]>()
    const items = rules.get(finding.rule)
    if (items) items.push(finding)
    else rules.set(finding.rule, [finding])
    byList.set(listKey, rules)
  }
  return [...byList]
    .sort(([a], [b]) => (a === 'workbook' ? -1 : b === 'workbook' ? 1 : Number(a) - Number(b)))
    .map(([listKey, rules]) => {
      const all = [...rules.values()].flat()
      const counted = (severity: Finding['severity']) => all.filter((finding) => finding.severity === severity).length
      return {
        listKey,
        id: `list-${listKey}`,
        title: listTitle(listKey === 'workbook' ? null : Number(listKey)),
        count: all.length,
        errors: counted('error'),
        warnings: counted('warning'),
        notes: counted('note'),
        rules: [...rules].map(([rule, items]) => ({ rule, items })),
      }
    })
}

/** A finding as a row of the findings table. */
function findingRow(finding: Finding) {
  return [
    { text: finding.sheet ?? '' },
    { text: finding.row === null || finding.row === undefined ? '' : String(finding.row), classes: 'app-nowrap' },
    { text: finding.column ?? '' },
    {
      html:
        finding.value === null || finding.value === undefined || finding.value === ''
          ? '<span class="govuk-hint">blank</span>'
          : escapeHtml(String(finding.value)),
    },
    {
      html: `<strong class="govuk-tag ${finding.severity === 'error' ? 'govuk-tag--red' : finding.severity === 'warning' ? 'govuk-tag--yellow' : 'govuk-tag--grey'}">${finding.severity}</strong>`,
    },
    { text: finding.message },
  ]
}

/**
 * Page `requested` of the findings, in the order above, `perPage` at a time (a page past the
 * last is the last): the groups and rules on it, each saying how many it has in all and which
 * of them this page shows; and every list's counts, with the page its findings start on.
 */
export function findingsPage(findings: readonly Finding[], requested: number, perPage = FINDINGS_PER_PAGE) {
  const groups = groupByList(findings)
  const total = findings.length
  const pages = Math.max(1, Math.ceil(total / perPage))
  const page = Math.min(Math.max(1, requested), pages)
  const start = (page - 1) * perPage
  const end = start + perPage
  let index = 0
  const lists = []
  const shown = []
  for (const group of groups) {
    const { rules: groupRules, ...counts } = group
    const groupStart = index
    lists.push({ ...counts, page: Math.floor(groupStart / perPage) + 1 })
    const rules = []
    for (const { rule, items } of groupRules) {
      const from = Math.max(start - index, 0)
      const to = Math.min(end - index, items.length)
      if (from < to)
        rules.push({
          rule,
          title: ruleTitle(rule),
          severity: items[0]!.severity,
          count: items.length,
          // Which of the rule's findings are here, counted from 1, when not all of them are.
          part: from > 0 || to < items.length ? { first: from + 1, last: to } : undefined,
          rows: items.slice(from, to).map(findingRow),
        })
      index += items.length
    }
    if (rules.length > 0)
      // Continued: the list's findings began on an earlier page.
      shown.push({ ...counts, continued: groupStart < start, rules })
  }
  return {
    groups: shown,
    lists,
    page,
    pages,
    total,
    first: total === 0 ? 0 : start + 1,
    last: Math.min(end, total),
  }
}

/** The findings' filters and page as a query string, for the page links. */
export function findingsQuery(filter: FindingsFilter, page: number): string {
  const params = new URLSearchParams()
  if (filter.list !== undefined) params.set('list', String(filter.list))
  if (filter.severity) params.set('severity', filter.severity)
  if (filter.rule) params.set('rule', filter.rule)
  params.set('page', String(page))
  return params.toString()
}

/** The "Findings by list" table: each list's errors, warnings and notes, linked to where they start. */
export function listSummaryRows(
  lists: ReturnType<typeof findingsPage>['lists'],
  pageHref: (page: number) => string,
): Array<Array<Record<string, unknown>>> {
  return lists.map((list) => [
    { html: `<a class="govuk-link" href="${pageHref(list.page)}#${list.id}">${escapeHtml(list.title)}</a>` },
    { text: String(list.errors), format: 'numeric' },
    { text: String(list.warnings), format: 'numeric' },
    { text: String(list.notes), format: 'numeric' },
  ])
}

export function versionRows(
  versions: readonly AnnexAReturn[],
  href: (id: string) => string,
): Array<Array<Record<string, unknown>>> {
  return versions.map((version) => [
    { html: `<a class="govuk-link" href="${href(version.id)}">Version ${version.version}</a>` },
    { text: version.fileName },
    {
      text: new Intl.DateTimeFormat('en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/London',
      }).format(version.uploadedAt),
    },
    { html: returnStatusTag(version.status) },
    {
      text:
        version.status === 'valid' || version.status === 'errors'
          ? `${plural(version.errorCount ?? 0, 'error')}, ${plural(version.warningCount ?? 0, 'warning')}, ${plural(version.rows ?? 0, 'row')}`
          : version.status === 'processing'
            ? '–'
            : (version.errorMessage ?? ''),
    },
  ])
}

/** A count map as chart items, largest first unless an order is given. */
export function chartItems(
  counts: Readonly<Record<string, number>>,
  order?: readonly string[],
): Array<{ label: string; value: number }> {
  const entries = Object.entries(counts).filter(([, value]) => value > 0)
  if (order) return order.filter((key) => counts[key]).map((key) => ({ label: key, value: counts[key]! }))
  return entries.sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value }))
}
