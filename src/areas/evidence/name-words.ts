/** The word lists of the name check (002#191; the patterns are in name-check.ts): data, not logic. */

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
export const PERSON_BEFORE = new Set([
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
export const PERSON_AFTER = new Set([
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
export const REPORTING_VERBS = new Set([
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
export const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'master', 'dr'])

/**
 * Capitalised words that are not names in this kind of writing: roles and job titles (002#191
 * asks for them), services, organisations, places and parts of addresses, days and months.
 */
export const NOT_NAMES = new Set(
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
export const GIVEN_NAMES = new Set(
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
export const PLACE_SUFFIXES = new Set([
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
