/**
 * Every child on the lists as one column table (002#150-153), built once at the end of a run
 * from the child registry: each child's case-selection factors and thresholds as bits, and the
 * details inspectors filter by as codes. Keyed by the LA's Child Unique ID only: Annex A has no
 * names, and none are added.
 */
import { LIST_SLOTS, type ChildRegistry } from './child-registry.js'
import { CASE_SELECTION_FACTORS, LARGE_SIBLING_GROUP, THRESHOLDS } from './case-selection.js'
import { CODE_SETS } from './code-sets.js'

/**
 * Every child on the lists as columns (one array per field, index i = one child, in order of
 * first appearance): compact to store and cheap to build for 100,000 children. `childSummary`
 * gives one child as an object.
 */
export interface ChildrenTable {
  readonly count: number
  readonly childId: string[]
  /** Bit n set when the child is on List n. */
  readonly lists: number[]
  /** `firstRow[i * 10 + n - 1]`: the child's first row in List n (1–10), 0 when not on it. */
  readonly firstRow: number[]
  /** Age on the inspection date from the date of birth, else the age the LA reported; -1 unborn. */
  readonly age: (number | null)[]
  readonly gender: (string | null)[]
  readonly ethnicity: (string | null)[]
  readonly disability: (string | null)[]
  /** Bit i set for CASE_SELECTION_FACTORS[i]. */
  readonly factors: number[]
  /** Bit i set for THRESHOLDS[i]. */
  readonly thresholds: number[]
  /** Bit i set for DELAY_REASONS[i]. */
  readonly delay: number[]
  readonly abuseCategory: (string | null)[]
  readonly caseStatus: (string | null)[]
  readonly primaryNeed: (string | null)[]
  readonly legalStatus: (string | null)[]
  readonly placementType: (string | null)[]
  readonly placementLocation: (string | null)[]
  readonly placementProvider: (string | null)[]
  readonly permanencePlan: (string | null)[]
  readonly placementsLast12Months: (number | null)[]
  readonly missingEpisodes: (number | null)[]
  readonly absentEpisodes: (number | null)[]
  readonly siblings: (number | null)[]
  readonly careLeaverInTouch: (string | null)[]
  readonly careLeaverActivity: (string | null)[]
  readonly adoptionStage: (string | null)[]
}

const ETHNICITY = CODE_SETS.ETHNICITY.codes
const GENDER = CODE_SETS.GENDER.codes

const codeSet = (name: keyof typeof CODE_SETS) => CODE_SETS[name].codes.map((c) => c.code)
const PLACETYPE = codeSet('PLACETYPE')
const LEGAL = codeSet('LEGAL')
const PROVIDER = codeSet('PROVIDER')
const INOUT = codeSet('INOUT')
const PERMANENCE = codeSet('PERMANENCE')
const ABUSE = codeSet('ABUSE')
const CASESTATUS = codeSet('CASESTATUS')
const NEED = codeSet('NEED')
const YNU = codeSet('YNU')
const INTOUCH = codeSet('INTOUCH')
const ACTIVITY_GROUP = CODE_SETS.ACTIVITY.codes.map((c) => c.group)
const ADOPTION_STAGE = ['adopted', 'decision reversed', 'placed', 'matched', 'waiting']

const KINSHIP = new Set(['U1', 'U2', 'U3'].map((c) => PLACETYPE.indexOf(c)))
const RESIDENTIAL = new Set(['K1', 'K2', 'R1', 'H5', 'S1'].map((c) => PLACETYPE.indexOf(c)))
const CARE_ORDERS = new Set(['C1', 'C2'].map((c) => LEGAL.indexOf(c)))
const REMOVAL = new Set(['C1', 'C2', 'L1', 'L2', 'L3'].map((c) => LEGAL.indexOf(c)))
const P1 = PLACETYPE.indexOf('P1')
const PRIVATE_OR_VOLUNTARY = new Set(['PR4', 'PR5'].map((c) => PROVIDER.indexOf(c)))
const OUT = INOUT.indexOf('Out')
const CIN_PLAN = CASESTATUS.indexOf('Child in need plan')
const YES = YNU.indexOf('Yes')
const IN_TOUCH = INTOUCH.indexOf('Yes')

function known(value: number): number | null {
  return Number.isNaN(value) ? null : value
}

/** The bit of factor `id`; a typo would otherwise give 1 << -1, the sign bit, without a word. */
const factorBit = (id: string) => {
  const bit = CASE_SELECTION_FACTORS.findIndex((f) => f.id === id)
  if (bit < 0) throw new Error(`No Annex A case-selection factor ${id}`)
  return 1 << bit
}
const thresholdBit = (id: string) => 1 << THRESHOLDS.findIndex((t) => t.id === id)
const [
  F_DISABLED,
  F_ABUSE,
  F_MISSING,
  F_ABSENT,
  F_OUT,
  F_KINSHIP,
  F_AT_HOME,
  F_RESIDENTIAL,
  F_SIBLINGS,
  F_PRIVATE,
  F_UASC,
  F_NEET,
  F_NOT_IN_TOUCH,
  F_DELAY,
] = [
  'disabled',
  'abuse-neglect',
  'missing',
  'absent',
  'out-of-area',
  'kinship',
  'placed-at-home-on-care-order',
  'residential',
  'large-sibling-group',
  'private-or-voluntary-provider',
  'uasc',
  'care-leaver-neet',
  'care-leaver-not-in-touch',
  'delay',
].map(factorBit) as number[] as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
]
const [
  T_EARLY_HELP,
  T_REFERRAL,
  T_CIN,
  T_INVESTIGATION,
  T_PLAN,
  T_CONTINUING,
  T_ACCOMMODATE,
  T_REMOVE,
  T_PERMANENCE,
  T_MATCHING,
  T_LEAVING_CARE,
] = THRESHOLDS.map((t) => thresholdBit(t.id)) as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
]
const GENDER_CODES = GENDER.map((c) => c.code)
const ETHNICITY_CODES = ETHNICITY.map((c) => c.code)

/** The children table from the registry; `sixMonthsBefore` is the day six months before the inspection date. */
export function buildChildrenTable(
  reg: ChildRegistry,
  asOfDay: number,
  sixMonthsBefore: number,
  ageOn: (dob: number) => number,
): ChildrenTable {
  const count = reg.size
  const lists = reg.lists.subarray(0, count)
  const disability = reg.disability
  const abuse = reg.abuseCategory
  const missing = reg.missingEpisodes
  const absent = reg.absentEpisodes
  const location = reg.placementLocation
  const types = reg.placementType
  const legals = reg.legalStatus
  const siblings = reg.siblings
  const providers = reg.placementProvider
  const uasc = reg.uasc
  const activities = reg.activity
  const inTouches = reg.inTouch
  const delays = reg.delay
  const caseStatus = reg.caseStatus
  const careStart = reg.careStart
  const permanence = reg.permanencePlan
  const stages = reg.adoptionStage
  const factors = new Int32Array(count)
  const thresholds = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const bits = lists[i]!
    const type = types[i]!
    const legal = legals[i]!
    const activity = activities[i]!
    const inTouch = inTouches[i]!
    const on7 = (bits & (1 << 7)) !== 0
    const on8 = (bits & (1 << 8)) !== 0
    const on9 = (bits & (1 << 9)) !== 0
    const on10 = (bits & (1 << 10)) !== 0
    let f = 0
    if (disability[i] === YES) f |= F_DISABLED
    if (on7 && abuse[i]! >= 0) f |= F_ABUSE
    if (missing[i]! > 0) f |= F_MISSING
    if (absent[i]! > 0) f |= F_ABSENT
    if (location[i] === OUT) f |= F_OUT
    if (type >= 0) {
      if (KINSHIP.has(type)) f |= F_KINSHIP
      if (type === P1 && CARE_ORDERS.has(legal)) f |= F_AT_HOME
      if (RESIDENTIAL.has(type)) f |= F_RESIDENTIAL
    }
    if (siblings[i]! >= LARGE_SIBLING_GROUP) f |= F_SIBLINGS
    if (PRIVATE_OR_VOLUNTARY.has(providers[i]!)) f |= F_PRIVATE
    if (uasc[i] === 1) f |= F_UASC
    if (activity >= 0 && ACTIVITY_GROUP[activity] === 'NEET') f |= F_NEET
    if (on9 && inTouch >= 0 && inTouch !== IN_TOUCH) f |= F_NOT_IN_TOUCH
    if (delays[i] !== 0) f |= F_DELAY
    factors[i] = f
    let t = 0
    if (bits & (1 << 2)) t |= T_EARLY_HELP
    if (bits & ((1 << 3) | (1 << 4))) t |= T_REFERRAL
    if (bits & (1 << 6)) t |= T_CIN
    if (bits & (1 << 5)) t |= T_INVESTIGATION
    if (on7) t |= T_PLAN
    if (caseStatus[i] === CIN_PLAN) t |= T_CONTINUING
    if (on8 && careStart[i]! >= sixMonthsBefore) t |= T_ACCOMMODATE
    if (on8 && REMOVAL.has(legal)) t |= T_REMOVE
    if ((on8 && permanence[i]! >= 0) || on10) t |= T_PERMANENCE
    const stage = stages[i]!
    if (on10 && (stage === 0 || stage === 2 || stage === 3)) t |= T_MATCHING
    if (on9) t |= T_LEAVING_CARE
    thresholds[i] = t
  }
  const firstRow = new Array<number>(count * 10)
  const rows = reg.firstRow
  for (let i = 0; i < count; i++) for (let n = 1; n <= 10; n++) firstRow[i * 10 + n - 1] = rows[i * LIST_SLOTS + n]!
  // Plain indexed loops: Array.from over a typed array goes through the iterator and is several times slower.
  const codes = (from: Int8Array, names: readonly string[]): (string | null)[] => {
    const out = new Array<string | null>(count)
    for (let i = 0; i < count; i++) {
      const k = from[i]!
      out[i] = k >= 0 ? names[k]! : null
    }
    return out
  }
  const numbers = (from: Float64Array | Int32Array): (number | null)[] => {
    const out = new Array<number | null>(count)
    for (let i = 0; i < count; i++) {
      const v = from[i]!
      out[i] = Number.isNaN(v) ? null : v
    }
    return out
  }
  const plain = (from: Int32Array): number[] => numbers(from) as number[]
  const age = new Array<number | null>(count)
  for (let i = 0; i < count; i++) {
    const dob = reg.dob[i]!
    age[i] = !Number.isNaN(dob) ? (dob > asOfDay ? -1 : ageOn(dob)) : known(reg.reportedAge[i]!)
  }
  const adoptionStage = new Array<string | null>(count)
  for (let i = 0; i < count; i++) {
    const k = stages[i]!
    adoptionStage[i] = k >= 0 && lists[i]! & (1 << 10) ? ADOPTION_STAGE[k]! : null
  }
  const table: ChildrenTable = {
    count,
    childId: reg.ids.slice(0, count),
    lists: plain(lists),
    firstRow,
    age,
    gender: codes(reg.gender, GENDER_CODES),
    ethnicity: codes(reg.ethnicity, ETHNICITY_CODES),
    disability: codes(disability, YNU),
    factors: plain(factors),
    thresholds: plain(thresholds),
    delay: plain(delays),
    abuseCategory: codes(abuse, ABUSE),
    caseStatus: codes(caseStatus, CASESTATUS),
    primaryNeed: codes(reg.primaryNeed, NEED),
    legalStatus: codes(legals, LEGAL),
    placementType: codes(types, PLACETYPE),
    placementLocation: codes(location, INOUT),
    placementProvider: codes(providers, PROVIDER),
    permanencePlan: codes(permanence, PERMANENCE),
    placementsLast12Months: numbers(reg.placements),
    missingEpisodes: numbers(missing),
    absentEpisodes: numbers(absent),
    siblings: numbers(siblings),
    careLeaverInTouch: codes(inTouches, INTOUCH),
    careLeaverActivity: codes(activities, ACTIVITY_GROUP),
    adoptionStage,
  }
  return table
}
