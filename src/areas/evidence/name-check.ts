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

const FAMILY_WORDS = [
  'mother',
  'mum',
  'mummy',
  'mam',
  'father',
  'dad',
  'daddy',
  'parent',
  'parents',
  'stepmother',
  'stepmum',
  'stepfather',
  'stepdad',
  'step-mother',
  'step-mum',
  'step-father',
  'step-dad',
  'sister',
  'brother',
  'sibling',
  'siblings',
  'half-sister',
  'half-brother',
  'stepsister',
  'stepbrother',
  'grandmother',
  'grandma',
  'gran',
  'nan',
  'nana',
  'nanna',
  'grandfather',
  'grandad',
  'granddad',
  'grandpa',
  'grandparent',
  'grandparents',
  'aunt',
  'auntie',
  'aunty',
  'uncle',
  'cousin',
  'partner',
  'boyfriend',
  'girlfriend',
  'husband',
  'wife',
  'son',
  'daughter',
  'baby',
  'niece',
  'nephew',
  'carer',
  'carers',
]
/** Words that, right before a capitalised word, introduce a person (rule 2). */
const PERSON_BEFORE = new Set([
  ...FAMILY_WORDS,
  'child',
  'children',
  'boy',
  'girl',
  'toddler',
  'teenager',
  'infant',
  'twin',
  'twins',
  'person',
  'called',
  'named',
])
/** Words that, after a possessive, belong to a person (rule 3). */
const PERSON_AFTER = new Set([
  ...FAMILY_WORDS,
  'social',
  'foster',
  'key',
  'wishes',
  'feelings',
  'views',
  'voice',
  'bedroom',
  'birthday',
  'worker',
  'friends',
  'friend',
])
const REPORTING_VERBS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'explained',
  'explains',
  'disclosed',
  'discloses',
  'reported',
  'reports',
  'described',
  'describes',
  'shared',
  'shares',
  'wants',
  'wanted',
  'felt',
  'feels',
  'lives',
  'lived',
  'attends',
  'attended',
])
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'master', 'dr'])

/**
 * Capitalised words that are not names in this kind of writing: roles and job titles (002#191
 * asks for them), services, organisations, places and parts of addresses, days and months.
 */
const NOT_NAMES = new Set(
  `
  the a an and or but of in on at to for with by from as it this that these those there their they he she his her him its we our us i
  director directors head heads manager managers team teams service services social worker workers principal officer officers independent
  reviewing chair virtual school schools lead leads member members chief executive executives senior practitioner practitioners advanced
  assistant deputy family families support personal adviser advisers advisor nurse nurses health visitor visitors designated doctor
  consultant inspector inspectors hmi councillor councillors cabinet portfolio holder coordinator co-ordinator supervisor therapist
  psychologist police sergeant constable detective judge magistrate guardian guardians children child young people person care leaver
  leavers leaving adoption adopter adopters fostering foster carer carers early help front door hub hubs multi agency agencies
  safeguarding partnership partnerships board boards court courts local authority authorities council councils county city borough district
  metropolitan trust trusts hospital hospitals academy academies college colleges university primary secondary unit units centre centres
  center house home homes road street lane avenue park close way drive north south east west central upper lower great little new old
  saint st ofsted cafcass nspcc barnardo barnardo's dfe department education mind refuge aid women's action youth offending justice
  probation housing mental disabilities disability send sen ehcp camhs mash marac mappa missing exploitation contextual gang gangs
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november
  december christmas easter summer autumn winter spring year years key stage england english wales welsh british government
  evidence inspection inspections judgement judgements leaders leadership strategic learning performance workforce management oversight
  participation direct work making good decisions identifying responding stability permanence transitions enjoyment helping protecting
  annex list document documents case cases file files record records meeting meetings observation observations conversation
  overall strengths areas improvement priority protection conference conferences plan plans need needs looked after review reviews
  panel strategy discussion discussions referral referrals assessment assessments sexual criminal pathway placement placements order
  orders proceedings supervision public law outline pre-proceedings edge core group groups unaccompanied asylum seeking private special
  guardianship residential semi-independent supported accommodation lodgings staying put return interview interviews red amber green`
    .split(/\s+/)
    .filter(Boolean),
)

/**
 * Common given names in England, children's and parents' generations. Not exhaustive, and not
 * needed for the patterns above: it catches a name with nothing around it ("Jamie was seen
 * alone"). Names that are also everyday or place words (Grace, Hope, Will, Mark, Chelsea,
 * Jordan, Florence…) are left out to keep warnings worth reading; the patterns still catch them.
 */
const GIVEN_NAMES = new Set(
  `
  oliver george harry noah jack leo arthur muhammad mohammed mohammad oscar charlie jacob thomas henry william alfie theo freddie archie
  joshua james isaac lucas alexander ethan max logan mason daniel samuel tyler riley dylan jayden kai liam ryan callum kyle connor
  jamie lewis ben benjamin adam luke joseph jake aaron reece bradley ashton brandon kian harvey finley louie toby elliot elliott ali
  ahmed yusuf ibrahim omar zain ayaan kayden kaiden brooklyn tommy bobby ronnie frankie stanley reggie teddy sonny rory ollie alfred
  olivia amelia isla ava mia ivy lily isabella rosie sophia freya willow ella evie poppy emily sophie chloe jessica megan lauren hannah
  charlotte ellie millie daisy phoebe ruby holly leah amy katie bethany courtney jade kayleigh shannon tia paige demi aaliyah aisha
  fatima maryam zara layla hollie erin abigail harper sienna luna emma sarah laura rebecca kelly lisa michelle nicola claire tracey
  donna joanne stacey gemma kirsty natalie danielle samantha maisie lexi lacey skye esme matilda
  david paul john michael andrew richard steven stephen darren craig wayne gary dean shane martin peter robert christopher matthew
  kevin jason scott stuart anthony simon neil carl jamal tariq bilal hamza imran kamal
  `
    .split(/\s+/)
    .filter(Boolean),
)

/** Place or organisation words that make "Oliver House" or "Ella Academy" a place, not a person. */
const PLACE_SUFFIXES = new Set([
  'house',
  'academy',
  'school',
  'college',
  'centre',
  'center',
  'court',
  'road',
  'street',
  'lane',
  'avenue',
  'close',
  'lodge',
  'cottage',
  'park',
  'primary',
  'hospital',
  'unit',
  'ward',
  'hall',
  'place',
  'way',
  'gardens',
  'grove',
  'trust',
  'team',
  'hub',
])

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
