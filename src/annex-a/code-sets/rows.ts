/** How the code lists are written: the template's lettered rows, plain labels, and yes/no's synonyms. */
import type { Code } from '../code-sets.js'

export function lettered(rows: readonly (readonly [string, string, string, string, ...string[]])[]): Code[] {
  return rows.map(([prefix, code, label, group, ...alsoLabels]) => ({ prefix, code, label, group, alsoLabels }))
}

export function labels(rows: readonly (readonly [string, string, string?])[]): Code[] {
  return rows.map(([prefix, label, group]) => ({ prefix, code: label, label, group: group ?? label }))
}

export const YES_NO_SYNONYMS = { y: 'Yes', n: 'No', true: 'Yes', false: 'No' }
