import { RULEBOOK } from '../rules/rulebook.js'
import { escapeHtml } from './html.js'

/** The rulebook page of a rule: every computed date and check links here (issue 4). */
export function ruleHref(ruleId: string): string {
  return `/rules/${encodeURIComponent(ruleId)}`
}

/** A small link to the rule behind a date or check, with its citation as the tooltip. */
export function ruleLink(rule: string, citation?: string): string {
  return `<a class="govuk-link app-rule-link" href="${ruleHref(rule)}" title="${escapeHtml(citation ?? rule)}">${escapeHtml(rule)}<span class="govuk-visually-hidden"> (rule${citation ? `, ${escapeHtml(citation)}` : ''})</span></a>`
}

/** The numbered paragraphs of each document a citation such as "002#52-55, #103 fn20; 001#42" covers. */
function citedParagraphs(citation: string): Array<{ doc: string; from: number; to: number }> {
  const ranges: Array<{ doc: string; from: number; to: number }> = []
  for (const part of citation.split(';')) {
    const doc = /(\d{3})/.exec(part)?.[1]
    if (!doc) continue
    for (const match of part.matchAll(/#(\d+)(?:-(\d+))?/g))
      ranges.push({ doc, from: Number(match[1]), to: Number(match[2] ?? match[1]) })
  }
  return ranges
}

/**
 * The rulebook entry whose citation covers the first paragraph of `citation`, if any; of several,
 * the one citing the fewest paragraphs, as the most specific.
 */
export function ruleForCitation(citation: string): string | undefined {
  const wanted = citedParagraphs(citation)[0]
  if (!wanted) return undefined
  let best: { id: string; size: number } | undefined
  for (const entry of RULEBOOK) {
    const ranges = citedParagraphs(entry.citation)
    if (!ranges.some((range) => range.doc === wanted.doc && range.from <= wanted.from && wanted.from <= range.to))
      continue
    const size = ranges.reduce((total, range) => total + range.to - range.from + 1, 0)
    if (!best || size < best.size) best = { id: entry.id, size }
  }
  return best?.id
}

/**
 * A bare citation (`002#257`) shown after the words it supports (issue 10: plain words first,
 * the citation as a link after): it links to the rule that cites the same paragraph, or is
 * plain small text when no rule does.
 */
export function citationLink(citation: string): string {
  const rule = ruleForCitation(citation)
  const text = `<span class="govuk-visually-hidden">source: </span>${escapeHtml(citation)}`
  return rule
    ? `<a class="govuk-link app-rule-link" href="${ruleHref(rule)}" title="Rule ${escapeHtml(rule)}">${text}</a>`
    : `<span class="app-rule-link">${text}</span>`
}

/**
 * Plain text whose citations in brackets, "(002#73, #76)", become links after the words: the
 * text is escaped, so the result is HTML.
 */
export function withCitationLinks(text: string): string {
  return escapeHtml(text).replace(
    / ?\((\d{3}(?:#| Annex )[^()]*)\)/g,
    (_, citation: string) => ` ${citationLink(citation)}`,
  )
}

/** Where an error message's words come from: a rule of the rulebook, or a bare citation. */
export interface MessageSource {
  readonly rule?: string | undefined
  readonly citation: string
}

const RULE_ID = /^[A-Z]{1,3}\d+[a-z]?$/

/**
 * Split a message into its plain words and the sources it cites in brackets: "(C5, 002#52-53)"
 * at the end, or "(002#73)" anywhere. Error messages are shown as words (issue 10); the page
 * links their sources after them.
 */
export function splitCitations(message: string): { text: string; sources: MessageSource[] } {
  const sources: MessageSource[] = []
  const text = message
    .replace(/ \(([A-Z]{1,3}\d+[a-z]?), ([^()]+)\)(?=\.?$)/, (whole, rule: string, citation: string) => {
      if (!RULE_ID.test(rule)) return whole
      sources.push({ rule, citation })
      return ''
    })
    .replace(/ ?\((\d{3}(?:#| Annex )[^()]*)\)/g, (_, citation: string) => {
      sources.push({ rule: ruleForCitation(citation), citation })
      return ''
    })
  return { text, sources }
}

/** The sources of a page's error messages as links, words first: "Bare "days" are … (rule C5, 002#52-53)". */
export function sourcesHtml(sources: readonly MessageSource[]): string {
  const seen = new Set<string>()
  const links: string[] = []
  for (const source of sources) {
    const key = source.rule ?? source.citation
    if (seen.has(key)) continue
    seen.add(key)
    const entry = source.rule ? RULEBOOK.find((candidate) => candidate.id === source.rule) : undefined
    // The programme planner's own checks (PC…) are explained on its checks page, not the rulebook.
    links.push(
      entry
        ? `<a class="govuk-link" href="${ruleHref(entry.id)}">${escapeHtml(entry.title)}</a> (rule ${escapeHtml(entry.id)}, ${escapeHtml(source.citation)})`
        : source.rule?.startsWith('PC')
          ? `<a class="govuk-link" href="/programme/checks#${escapeHtml(source.rule)}">How the planner checks a proposal</a> (${escapeHtml(source.rule)}, ${escapeHtml(source.citation)})`
          : escapeHtml(source.citation),
    )
  }
  return links.length
    ? `<p class="govuk-body-s">The rules behind ${links.length === 1 ? 'this' : 'these'}: ${links.join('; ')}</p>`
    : ''
}
