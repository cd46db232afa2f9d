/**
 * The LA analyst's messages for code columns (AA-CODE, AA-BLANK): what to enter, in the words of
 * the template, with examples, never saying the column's name or the examples twice.
 */
import type { CodeSet } from './code-sets.js'

/** The first three values of a code set, as the template shows them. */
function codeExamples(set: CodeSet): string {
  return set.codes
    .slice(0, 3)
    .map((c) => (set.codeIsLabel ? `${c.prefix ? `${c.prefix}) ` : ''}${c.label}` : c.code))
    .join(', ')
}

/**
 * How a code column's values are described in a message, without saying the column's name twice
 * or giving examples twice. A description that names the column ("category of need (N0 to N9)"
 * for "Child's Category of Need") gives only what it adds ("N0 to N9", or nothing); a list of
 * values ("Yes or No") or any other description is kept, less its own "for example".
 */
export function describeValues(header: string, describe: string): { readonly addsTo: boolean; readonly text: string } {
  const withoutExamples = describe.replace(/, for example [^)]*/, '')
  const open = withoutExamples.indexOf(' (')
  const name = open >= 0 ? withoutExamples.slice(0, open) : withoutExamples
  if (/^[a-z]/.test(name) && header.toLowerCase().includes(name.toLowerCase()))
    return { addsTo: true, text: open >= 0 ? withoutExamples.slice(open + 2, -1) : '' }
  return { addsTo: false, text: withoutExamples }
}

/**
 * The description as the object of "Enter the X as …": a range takes "one of" (one of N0 to N9),
 * a choice of values none (Yes or No), anything else its article, by how it is said (a DfE
 * code, an SSDA903 code, an ethnicity).
 */
function withArticle(describe: string): string {
  if (/^[A-Z0-9]/.test(describe) && /\bto\b/.test(describe)) return `one of ${describe}`
  if (/^[A-Z0-9]/.test(describe) && /\bor\b/.test(describe)) return describe
  const first = describe.split(/\s/)[0]!
  const acronym = first.length > 1 && first === first.toUpperCase() && /^[A-Z]/.test(first)
  const an = acronym ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first)
  return `${an ? 'an' : 'a'} ${describe}`
}

export function codeMessage(header: string, set: CodeSet): string {
  const all =
    set.codes.length <= 8
      ? ` One of: ${set.codes.map((c) => (set.codeIsLabel ? `${c.prefix ? `${c.prefix}) ` : ''}${c.label}` : `${c.code}${c.label !== c.code ? ` (${c.label})` : ''}`)).join('; ')}.`
      : ` See the Codes_used sheet of the Ofsted template for the full list.`
  const values = describeValues(header, set.describe)
  const how = !values.text
    ? ' as one of the template’s values'
    : values.addsTo || /^[A-Z]/.test(values.text)
      ? ` as ${withArticle(values.text)}`
      : `: ${values.text}`
  return `Enter the ${header}${how}, for example ${codeExamples(set)}.${all}`
}

/** A blank code cell: what to select, with examples. */
export function blankCodeMessage(header: string, set: CodeSet): string {
  const values = describeValues(header, set.describe).text
  return `Select the ${header}${values ? ` (${values})` : ''}, for example ${codeExamples(set)}. It must not be blank.`
}
