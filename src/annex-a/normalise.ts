/**
 * Text normalisation for matching headers, sheet names and code values tolerantly but
 * exactly (SPEC §3.1): never a loose regex, always "normalise both sides, then compare".
 */

// Curly and low quotes that Excel's autocorrect puts into headers ("Child’s", "‘Missing’").
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033]/g
// NBSP, thin spaces, zero-width spaces, tabs and line breaks all count as one space.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g
const DASHES = /[\u2010-\u2015\u2212]/g

/** Trim, collapse every kind of whitespace to one space, straighten quotes and dashes. */
export function cleanText(value: string): string {
  return value.replace(SPACES, ' ').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').trim()
}

/**
 * The form two headers are compared in: `cleanText`, case-folded, doubled brackets collapsed
 * (the liia-tools sample has `(Y/N))`), spaces inside brackets dropped and any trailing `?`
 * or `:` removed (the template and liia-tools disagree on `?` for the same column).
 */
export function normaliseHeader(value: string): string {
  return cleanText(value)
    .toLowerCase()
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\(+/g, '(')
    .replace(/\)+/g, ')')
    .replace(/[\s?:.]+$/, '')
    .trim()
}

/** The form code values are compared in: `cleanText`, case-folded. */
export function normaliseValue(value: string): string {
  return cleanText(value).toLowerCase()
}

/** Cut a long value for a message or a finding, saying how long it was. */
export function truncate(value: string, max = 200): string {
  if (value.length <= max) return value
  return `${value.slice(0, max)}… (${value.length.toLocaleString('en-GB')} characters)`
}
