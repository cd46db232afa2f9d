/**
 * The per-child summary inspectors build a case sample from (002#150-153), keyed by the LA's
 * Child Unique ID only: Annex A has no names, and none are added. Plus a coverage check the web
 * layer can run on a chosen sample to show which factors are not yet covered.
 */
import { CASE_SELECTION_INDICATORS, type CaseSelectionIndicator } from '../rules/case-selection.js'
import { DELAY_REASONS, LIST_SLOTS, type ChildRegistry } from './child-registry.js'
import { CODE_SETS } from './code-sets.js'

export interface CaseSelectionFactor {
  readonly id: string
  readonly label: string
  readonly citation: string
}

const asFactor = ({ id, label, citation }: CaseSelectionIndicator): CaseSelectionFactor => ({ id, label, citation })

/**
 * Factors the lists can show, per 002#150 (and 002#151 for delay), in the order of their bits:
 * bit i of a child's `factors` is entry i. Taken from the rules core's one list of indicators,
 * whose `annexABit` keeps the bits of stored profiles stable.
 */
export const CASE_SELECTION_FACTORS: readonly CaseSelectionFactor[] = CASE_SELECTION_INDICATORS.filter(
  (indicator) => indicator.annexABit !== null,
)
  .sort((a, b) => a.annexABit! - b.annexABit!)
  .map(asFactor)

/**
 * 002#150's factors the Annex A lists do not record, so inspectors must take them from
 * elsewhere (the LA's own information, audits, or the conversation with the LA analyst).
 */
export const FACTORS_NOT_IN_ANNEX_A: readonly CaseSelectionFactor[] = CASE_SELECTION_INDICATORS.filter(
  (indicator) => indicator.annexABit === null,
).map(asFactor)

/** 002#153's thresholds, with the list that lets inspectors test each. */
export const THRESHOLDS = [
  { id: 'early-help', label: 'Early help including early help assessments', lists: [2] },
  { id: 'referral-and-assessment', label: 'Referral and assessment', lists: [3, 4] },
  { id: 'children-in-need', label: 'Children in need', lists: [6] },
  { id: 'child-protection-investigation', label: 'Child protection (investigation)', lists: [5] },
  { id: 'child-protection-plan', label: 'Child protection (plan)', lists: [7] },
  { id: 'continuing-help', label: 'Continuing help and support for families (child in need plan)', lists: [6] },
  // "Recent" is the last six months: 002#154 bases judgements on contemporary practice (fn 26: usually the last six months).
  {
    id: 'decision-to-accommodate',
    label: 'The decision to accommodate (looked after in the last six months)',
    lists: [8],
  },
  {
    id: 'decision-to-remove',
    label: 'The decision to remove (care order, interim care order, EPO or police protection)',
    lists: [8],
  },
  { id: 'permanence-planning', label: 'Permanence planning', lists: [8, 10] },
  { id: 'matching-and-placement', label: 'Matching and placement decisions', lists: [10] },
  { id: 'leaving-care', label: 'Leaving care', lists: [9] },
] as const

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

/** One child of a `ChildrenTable`, as an object. */
export interface ChildSummary {
  readonly childId: string
  readonly lists: number[]
  /** The first row of the child in each list ({ "3": 12 }: List 3, row 12), for going to the data. */
  readonly rows: Record<string, number>
  readonly age: number | null
  readonly ageBand: string
  readonly gender: string | null
  readonly ethnicity: string | null
  readonly ethnicityGroup: string | null
  readonly disability: string | null
  /** Ids from CASE_SELECTION_FACTORS. */
  readonly factors: string[]
  /** Ids from THRESHOLDS. */
  readonly thresholds: string[]
  /** Signs of delay (002#151). */
  readonly delay: string[]
  readonly detail: Record<string, string | number>
}

const ETHNICITY = CODE_SETS.ETHNICITY.codes
const GENDER = CODE_SETS.GENDER.codes

export const AGE_BANDS = [
  'Unborn',
  'Under 1',
  '1 to 4',
  '5 to 9',
  '10 to 15',
  '16 to 17',
  '18 and over',
  'Not known',
] as const

/** Index into AGE_BANDS (DfE-style bands) of an age in years; NaN is "Not known". */
export function ageBandIndex(age: number): number {
  if (Number.isNaN(age)) return 7
  if (age < 0) return 0
  if (age < 1) return 1
  if (age < 5) return 2
  if (age < 10) return 3
  if (age < 16) return 4
  if (age < 18) return 5
  return 6
}

// Decision A3: "a large sibling group" (002#150) is not defined in the seed; we take 3 or more
// brothers and sisters (a group of four or more children).
export const LARGE_SIBLING_GROUP = 3

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

const DETAIL_FIELDS = [
  'abuseCategory',
  'caseStatus',
  'primaryNeed',
  'legalStatus',
  'placementType',
  'placementLocation',
  'placementProvider',
  'permanencePlan',
  'placementsLast12Months',
  'missingEpisodes',
  'absentEpisodes',
  'siblings',
  'careLeaverInTouch',
  'careLeaverActivity',
  'adoptionStage',
] as const

/** Child `i` of the table as an object. */
export function childSummary(table: ChildrenTable, i: number): ChildSummary {
  const lists: number[] = []
  const rows: Record<string, number> = {}
  for (let n = 1; n <= 10; n++) {
    if (table.lists[i]! & (1 << n)) {
      lists.push(n)
      rows[n] = table.firstRow[i * 10 + n - 1]!
    }
  }
  const detail: Record<string, string | number> = {}
  for (const field of DETAIL_FIELDS) {
    const value = table[field][i]
    if (value !== null && value !== undefined) detail[field] = value
  }
  const ethnicity = table.ethnicity[i] ?? null
  return {
    childId: table.childId[i]!,
    lists,
    rows,
    age: table.age[i] ?? null,
    ageBand: AGE_BANDS[ageBandIndex(table.age[i] ?? NaN)]!,
    gender: table.gender[i] ?? null,
    ethnicity,
    ethnicityGroup: ethnicity ? (ETHNICITY.find((c) => c.code === ethnicity)?.group ?? null) : null,
    disability: table.disability[i] ?? null,
    factors: CASE_SELECTION_FACTORS.filter((_, bit) => table.factors[i]! & (1 << bit)).map((f) => f.id),
    thresholds: THRESHOLDS.filter((_, bit) => table.thresholds[i]! & (1 << bit)).map((t) => t.id),
    delay: DELAY_REASONS.filter((_, bit) => table.delay[i]! & (1 << bit)),
    detail,
  }
}

/** The child with `childId`, or undefined. */
export function findChild(table: ChildrenTable, childId: string): ChildSummary | undefined {
  const i = table.childId.indexOf(childId)
  return i < 0 ? undefined : childSummary(table, i)
}

export interface SampleCoverage {
  /** Factor id → the sampled children showing it. */
  readonly covered: Record<string, string[]>
  /** Factors some child on the lists shows but no sampled child does. */
  readonly notCovered: string[]
  readonly thresholdsCovered: Record<string, string[]>
  readonly thresholdsNotCovered: string[]
  readonly ageBands: Record<string, number>
  readonly genders: Record<string, number>
  readonly ethnicityGroups: Record<string, number>
  /** 002#150 factors Annex A cannot show: always to be checked another way. */
  readonly notInAnnexA: readonly CaseSelectionFactor[]
  /** Sampled ids that are not on any list. */
  readonly unknownIds: string[]
}

/** What a chosen case sample covers of 002#150-153, and what it misses. */
export function sampleCoverage(table: ChildrenTable, sample: readonly string[]): SampleCoverage {
  const index = new Map(table.childId.map((id, i) => [id, i]))
  const chosen = sample.map((id) => index.get(id)).filter((i): i is number => i !== undefined)
  let anyFactors = 0
  let anyThresholds = 0
  for (let i = 0; i < table.count; i++) {
    anyFactors |= table.factors[i]!
    anyThresholds |= table.thresholds[i]!
  }
  const covered: Record<string, string[]> = {}
  const thresholdsCovered: Record<string, string[]> = {}
  const ageBands: Record<string, number> = {}
  const genders: Record<string, number> = {}
  const ethnicityGroups: Record<string, number> = {}
  for (const i of chosen) {
    const child = childSummary(table, i)
    for (const factor of child.factors) (covered[factor] ??= []).push(child.childId)
    for (const threshold of child.thresholds) (thresholdsCovered[threshold] ??= []).push(child.childId)
    ageBands[child.ageBand] = (ageBands[child.ageBand] ?? 0) + 1
    const gender = child.gender ?? 'Not known'
    genders[gender] = (genders[gender] ?? 0) + 1
    const group = child.ethnicityGroup ?? 'Not known'
    ethnicityGroups[group] = (ethnicityGroups[group] ?? 0) + 1
  }
  return {
    covered,
    notCovered: CASE_SELECTION_FACTORS.filter((f, bit) => anyFactors & (1 << bit) && !covered[f.id]).map((f) => f.id),
    thresholdsCovered,
    thresholdsNotCovered: THRESHOLDS.filter((t, bit) => anyThresholds & (1 << bit) && !thresholdsCovered[t.id]).map(
      (t) => t.id,
    ),
    ageBands,
    genders,
    ethnicityGroups,
    notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
    unknownIds: sample.filter((id) => !index.has(id)),
  }
}
