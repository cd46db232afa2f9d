import type { Finding } from '../../annex-a/index.js'
import { LISTS, RULES } from '../../annex-a/index.js'
import { escapeHtml } from '../../web/html.js'
import type { AnnexAReturn, ReturnStatus } from './types.js'
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

/** Findings grouped by list, then by rule, in the order an analyst fixes them: errors first. */
export function groupFindings(findings: readonly Finding[]) {
  const order = { error: 0, warning: 1, note: 2 } as const
  const byList = new Map<string, Map<string, Finding[]>>()
  for (const finding of [...findings].sort((a, b) => order[a.severity] - order[b.severity])) {
    const listKey = finding.list === null ? 'workbook' : String(finding.list)
    const rules = byList.get(listKey) ?? new Map<string, Finding[]>()
    const items = rules.get(finding.rule)
    if (items) items.push(finding)
    else rules.set(finding.rule, [finding])
    byList.set(listKey, rules)
  }
  return [...byList]
    .sort(([a], [b]) => (a === 'workbook' ? -1 : b === 'workbook' ? 1 : Number(a) - Number(b)))
    .map(([listKey, rules]) => ({
      id: `list-${listKey}`,
      title: listTitle(listKey === 'workbook' ? null : Number(listKey)),
      count: [...rules.values()].reduce((sum, items) => sum + items.length, 0),
      errors: [...rules.values()].reduce(
        (sum, items) => sum + items.filter((finding) => finding.severity === 'error').length,
        0,
      ),
      rules: [...rules].map(([rule, items]) => ({
        rule,
        title: ruleTitle(rule),
        severity: items[0]!.severity,
        rows: items.map((finding) => [
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
        ]),
      })),
    }))
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
