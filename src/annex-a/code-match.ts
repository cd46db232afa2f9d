import type { CodeSet } from './code-sets.js'
import { normaliseValue } from './normalise.js'

/** Matches one column's values against its code set. Build once per set, reuse per cell. */
export interface CodeMatcher {
  readonly set: CodeSet
  /** Index into `set.codes`, or -1 when the value is not a code of the set. */
  match(raw: string): number
}

// The template's letter prefix: "a) ", "zz) ", "p1) ".
const LETTER_PREFIX = /^[a-z]{1,2}\d?\)\s*/
const CODE_TOKEN = /^[a-z0-9]+/
const WHOLE_FLOAT = /^(\d+)\.0+$/

/**
 * Compile a matcher: exact forms first (the preferred form, code, "code: label",
 * "code - label", label, and each with its letter prefix), then the code token after the
 * letter prefix, then the set's explicit synonyms. SPEC §3.2: no substring or loose regex,
 * so "Not known" is never No and "4 weeks" is never Housing unless "4" stands alone.
 */
export function compileCodeSet(set: CodeSet): CodeMatcher {
  const exact = new Map<string, number>()
  const codeOnly = new Map<string, number>()
  const labelCount = new Map<string, number>()
  const labelsOf = (i: number): string[] => {
    const code = set.codes[i]!
    return [code.label, ...(code.alsoLabels ?? [])].map(normaliseValue)
  }
  set.codes.forEach((_, i) => {
    for (const label of labelsOf(i)) labelCount.set(label, (labelCount.get(label) ?? 0) + 1)
  })
  const add = (form: string, i: number) => {
    if (!exact.has(form)) exact.set(form, i)
  }
  set.codes.forEach((code, i) => {
    const key = normaliseValue(code.code)
    codeOnly.set(key, i)
    const forms = [key]
    for (const label of labelsOf(i)) {
      if (!set.codeIsLabel)
        forms.push(`${key}: ${label}`, `${key} - ${label}`, `${key} ${label}`, `${key}:${label}`, `${key}-${label}`)
      // A label shared by several codes ("Health services") cannot identify one on its own.
      if (labelCount.get(label) === 1) forms.push(label)
    }
    for (const form of forms) add(form, i)
    if (code.prefix) for (const form of forms) add(`${code.prefix}) ${form}`, i)
  })
  for (const [synonym, code] of Object.entries(set.synonyms)) {
    const i = codeOnly.get(normaliseValue(code))
    if (i === undefined) throw new Error(`Synonym ${synonym} of ${set.name} names unknown code ${code}`)
    add(normaliseValue(synonym), i)
  }

  function match(raw: string): number {
    let value = normaliseValue(raw)
    if (value === '') return -1
    const direct = exact.get(value)
    if (direct !== undefined) return direct
    const float = WHOLE_FLOAT.exec(value)
    if (float) value = float[1]!
    value = value.replace(LETTER_PREFIX, '')
    const stripped = exact.get(value)
    if (stripped !== undefined) return stripped
    if (set.codeIsLabel) return -1
    const token = CODE_TOKEN.exec(value)?.[0]
    if (token === undefined) return -1
    const i = codeOnly.get(token)
    if (i === undefined) return -1
    // The token stands alone ("6"), or before a separator ("6: Police", "N1 - Abuse"), or
    // before its own label ("U6 Foster placement - not FFA"); so "6a" and "4 weeks" are not codes.
    const rest = value.slice(token.length)
    if (rest === '' || /^\s*[:-]/.test(rest)) return i
    return labelsOf(i).includes(rest.trim()) ? i : -1
  }
  return { set, match }
}
