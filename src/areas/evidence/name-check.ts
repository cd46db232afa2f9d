/**
 * The check behind 002#191: "Inspectors should not use the names of individual children, young
 * people or family members in their evidence records. They should use case reference numbers
 * and/or initials. Inspectors should use job titles or roles for individual staff or
 * practitioners."
 *
 * `checkEvidenceEntry` in the rules core matches names the caller already knows; the service
 * never holds children's names, so this check looks at the shape of the text instead. It is a
 * warning, not a refusal (002#191 says "should"): the page shows each match before saving and
 * the inspector edits the text or confirms that it is not a name. It errs on the side of
 * warning; initials (JB, J.B., Child A), case references (C104532) and job titles pass.
 *
 * Decision: the patterns below are ours, not the seed's. A capitalised word is treated as a
 * possible name when it is
 *  1. after a title (Mr Smith, Mrs Jones; Mr B is an initial and passes),
 *  2. right after a family or child word (mother Sarah, her brother, Tyler,),
 *  3. a possessive before a family or person word (Jamie's mother, Tyler's social worker),
 *  4. followed by an age (Kayden (9), Kayden, aged 9),
 *  5. one of a short list of common given names (Sarah Jones, team manager), or
 *  6. mid-sentence and followed by a reporting verb (when Kayden told his teacher).
 * Words known not to be names (job titles, services, organisations, places such as the LAs'
 * names, days and months) never count.
 */

import {
  PERSON_BEFORE,
  PERSON_AFTER,
  REPORTING_VERBS,
  TITLES,
  NOT_NAMES,
  GIVEN_NAMES,
  PLACE_SUFFIXES,
} from './name-words.js'

/** One stretch of text that looks like a name, with why. */
export interface PossibleName {
  /** The words as written, e.g. "Jamie's mother". Shown back to the inspector; never logged. */
  readonly text: string
  readonly reason: string
}

export interface NameCheckOptions {
  /** More words that are not names here: the LA's name and places the service knows. */
  readonly knownWords?: readonly string[]
}

interface Token {
  readonly word: string
  readonly start: number
  readonly end: number
  /** The separator text before this token (after the previous one). */
  readonly before: string
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu

function tokenise(text: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const match of text.matchAll(WORD)) {
    const start = match.index
    tokens.push({
      word: match[0].replace(/’/g, "'"),
      start,
      end: start + match[0].length,
      before: text.slice(last, start),
    })
    last = start + match[0].length
  }
  return tokens
}

/** The word without a possessive ending: Jamie's → Jamie, James' → James. */
function base(word: string): string {
  return word.replace(/'s$/i, '').replace(/'$/, '')
}

function isPossessive(word: string): boolean {
  return /'s$/i.test(word) || /s'$/.test(word)
}

/** Capitalised like a name: Jamie, O'Neil, Smith-Jones; not JB, J, HMI, or a lower-case word. */
function nameShaped(word: string): boolean {
  const core = base(word)
  if (core.length < 2) return false
  const first = core.charAt(0)
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return false
  // All capitals (an acronym or initials such as JB) is not a name.
  const rest = core.slice(1).replace(/['-]/g, '')
  return rest.length > 0 && rest !== rest.toUpperCase()
}

function sentenceStart(token: Token, index: number): boolean {
  if (index === 0) return true
  return /[.!?:;\n•*]|^\s*-\s|\n\s*-\s/.test(token.before)
}

/**
 * The stretches of `text` that look like names of children, family members or staff (002#191),
 * in the order they appear, each once.
 */
export function possibleNames(text: string, options: NameCheckOptions = {}): PossibleName[] {
  const known = new Set([
    ...NOT_NAMES,
    ...(options.knownWords ?? []).flatMap((words) => words.toLowerCase().split(/[\s,]+/)),
  ])
  const tokens = tokenise(text)
  const found: Array<PossibleName & { start: number; end: number }> = []
  const add = (from: Token, to: Token, reason: string) => {
    if (found.some((item) => from.start < item.end && to.end > item.start)) return
    found.push({ text: text.slice(from.start, to.end), reason, start: from.start, end: to.end })
  }
  const candidate = (token: Token | undefined): token is Token =>
    token !== undefined &&
    nameShaped(token.word) &&
    !known.has(base(token.word).toLowerCase()) &&
    !known.has(token.word.toLowerCase())
  const joined = (token: Token) => !/[.!?;\n]/.test(token.before)

  tokens.forEach((token, index) => {
    const lower = token.word.toLowerCase()
    const next = tokens[index + 1]
    // 1. A title and a surname; a title and an initial (Mr B) passes.
    if (
      TITLES.has(lower.replace(/\.$/, '')) &&
      next &&
      joined(next) &&
      /^[\s.]*$/.test(next.before) &&
      candidate(next)
    ) {
      add(token, next, 'a title and a surname: use initials or a job title')
      return
    }
    // 2. A family or child word and then a name: mother Sarah, her brother, Tyler,
    if (
      PERSON_BEFORE.has(lower) &&
      next &&
      /^[\s,("'“:]*$/.test(next.before) &&
      candidate(next) &&
      !isPossessive(next.word)
    ) {
      add(next, next, 'a family member or child named after their relationship: use initials or a case reference')
      return
    }
    if (!candidate(token)) return
    const core = base(token.word).toLowerCase()
    // 3. Jamie's mother, Tyler's social worker.
    if (
      isPossessive(token.word) &&
      next &&
      joined(next) &&
      /^\s+$/.test(next.before) &&
      PERSON_AFTER.has(next.word.toLowerCase())
    ) {
      // Include the second word of "social worker", "foster carer", "key worker".
      const compound =
        ['social', 'foster', 'key'].includes(next.word.toLowerCase()) &&
        tokens[index + 2] &&
        /^\s+$/.test(tokens[index + 2]!.before)
          ? tokens[index + 2]!
          : next
      add(token, compound, 'a name in the possessive: use initials or a case reference')
      return
    }
    // 4. A name and an age: Kayden (9), Kayden, aged 9.
    if (
      /^\s*(?:\(\s*(?:aged?\s*)?\d{1,2}(?:\s*(?:years?|yrs?|months?))?\s*\)|,\s*aged?\s+\d{1,2}\b)/i.test(
        text.slice(token.end, token.end + 24),
      )
    ) {
      add(token, token, 'a name with an age: use initials or a case reference')
      return
    }
    // 5. A common given name, unless it names a place (Oliver House).
    if (GIVEN_NAMES.has(core) && !(next && joined(next) && PLACE_SUFFIXES.has(next.word.toLowerCase()))) {
      const surname = next && /^\s+$/.test(next.before) && candidate(next) && !isPossessive(token.word) ? next : token
      add(token, surname, 'a common first name: use initials or a case reference')
      return
    }
    // 6. Mid-sentence, a capitalised word doing something a person does: when Kayden told…
    if (
      !sentenceStart(token, index) &&
      next &&
      /^\s+$/.test(next.before) &&
      REPORTING_VERBS.has(next.word.toLowerCase())
    ) {
      add(token, token, 'a capitalised word used like a person’s name: use initials, a case reference or a job title')
    }
  })
  return found.sort((a, b) => a.start - b.start).map(({ text: words, reason }) => ({ text: words, reason }))
}

/** Possible names in each named field of a form, for the warning shown before saving. */
export function possibleNamesIn(
  fields: Readonly<Record<string, string>>,
  options: NameCheckOptions = {},
): Array<PossibleName & { field: string }> {
  return Object.entries(fields).flatMap(([field, value]) =>
    possibleNames(value, options).map((item) => ({ ...item, field })),
  )
}
