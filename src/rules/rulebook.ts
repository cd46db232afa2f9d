/**
 * The rulebook: one entry for every rule of RULES.md, served at /rules and by `ilacs rules`.
 * Each entry has the rule's id, a title, a plain-English statement, the citation (e.g.
 * `002#73 fn18`), the cited text quoted from the seed (Open Government Licence; excerpts joined
 * by " … ", verbatim apart from whitespace), our decision where the seeds are ambiguous, and the
 * exports of `src/rules/` that implement it. rulebook.test.ts checks every quote against the
 * seed files in data/seeds/ and every export against its module.
 */
import { INSPECTION_RULES } from './rulebook/inspections.js'
import { AFTER_INADEQUATE_RULES } from './rulebook/after-inadequate.js'
import type { RulebookEntry } from './rulebook/sections.js'
import { TIMING_RULES } from './rulebook/timing.js'

export { type Implementation, RULEBOOK_SECTIONS, type RulebookEntry } from './rulebook/sections.js'

/** The separator between excerpts of one quote. */
const QUOTE_SEPARATOR = ' … '

/** Every rule of RULES.md, in its order: each file of rulebook/ holds the entries of some of its sections. */
export const RULEBOOK: readonly RulebookEntry[] = [...TIMING_RULES, ...INSPECTION_RULES, ...AFTER_INADEQUATE_RULES]

/** The rulebook entry for `id`, if there is one. */
export function ruleById(id: string): RulebookEntry | undefined {
  return RULEBOOK.find((entry) => entry.id === id)
}

/** The excerpts of an entry's quote. */
export function quoteExcerpts(entry: RulebookEntry): string[] {
  return entry.quote.split(QUOTE_SEPARATOR)
}
