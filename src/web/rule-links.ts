import { escapeHtml } from './html.js'

/** The rulebook page of a rule: every computed date and check links here (issue 4). */
export function ruleHref(ruleId: string): string {
  return `/rules/${encodeURIComponent(ruleId)}`
}

/** A small link to the rule behind a date or check, with its citation as the tooltip. */
export function ruleLink(rule: string, citation?: string): string {
  return `<a class="govuk-link app-rule-link" href="${ruleHref(rule)}" title="${escapeHtml(citation ?? rule)}">${escapeHtml(rule)}<span class="govuk-visually-hidden"> (rule${citation ? `, ${escapeHtml(citation)}` : ''})</span></a>`
}
