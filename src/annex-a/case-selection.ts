/**
 * The per-child summary inspectors build a case sample from (002#150-153), keyed by the LA's
 * Child Unique ID only: Annex A has no names, and none are added. Plus a coverage check the web
 * layer can run on a chosen sample to show which factors are not yet covered.
 */
import { DELAY_REASONS, LIST_SLOTS, type ChildRegistry } from './child-registry.js'
import { CODE_SETS } from './code-sets.js'
import { wholeYears } from './day-numbers.js'

export interface CaseSelectionFactor {
  readonly id: string
  readonly label: string
  readonly citation: string
}

/** Factors the lists can show, per 002#150 (and 002#151 for delay). */
export const CASE_SELECTION_FACTORS: readonly CaseSelectionFactor[] = [
  { id: 'disabled', label: 'Disabled child', citation: '002#150' },
  { id: 'abuse-neglect', label: 'At risk of harm from abuse or neglect (child protection plan)', citation: '002#150' },
  { id: 'missing', label: "Missing from placement in the last 12 months (List 8)", citation: '002#150' },
  { id: 'absent', label: 'Absent from placement in the last 12 months (List 8)', citation: '002#150' },
  { id: 'out-of-area', label: 'Placed out of area', citation: '002#150' },
  { id: 'kinship', label: "Kinship or 'connected person' placement (foster placement with relatives or friends)", citation: '002#150' },
  { id: 'placed-at-home-on-care-order', label: 'Placed at home (with parents) and subject to a care order', citation: '002#150' },
  { id: 'residential', label: "Children's home or other residential placement", citation: '002#150' },
  { id: 'large-sibling-group', label: 'From a large sibling group (3 or more brothers and sisters)', citation: '002#150, 002#253' },
  { id: 'private-or-voluntary-provider', label: 'Placement by a private or voluntary provider (not the same as a provider with delegated functions)', citation: '002#150' },
  { id: 'uasc', label: 'Unaccompanied asylum-seeking child', citation: '002#150' },
  { id: 'care-leaver-neet', label: 'Care leaver not in education, employment or training', citation: '002#150' },
  { id: 'care-leaver-not-in-touch', label: 'Care leaver the LA is not in touch with', citation: '002#150' },
  { id: 'delay', label: 'Appears to have experienced significant delay', citation: '002#151' },
]

/**
 * 002#150's factors the Annex A lists do not record, so inspectors must take them from
 * elsewhere (the LA's own information, audits, or the conversation with the LA analyst).
 */
export const FACTORS_NOT_IN_ANNEX_A: readonly CaseSelectionFactor[] = [
  { id: 'exploitation', label: 'Vulnerable to sexual or other exploitation (no Annex A column records it)', citation: '002#150' },
  { id: 'missing-from-home-or-education', label: 'Missing from home or education (List 8 records only missing from placement)', citation: '002#150' },
  { id: 'educational-achievement', label: 'Educational achievement and ability', citation: '002#150' },
  { id: 'third-party-provider', label: 'Supported by a third-party provider with delegated social services functions', citation: '002#150' },
]

/** 002#153's thresholds, with the list that lets inspectors test each. */
export const THRESHOLDS = [
  { id: 'early-help', label: 'Early help including early help assessments', lists: [2] },
  { id: 'referral-and-assessment', label: 'Referral and assessment', lists: [3, 4] },
  { id: 'children-in-need', label: 'Children in need', lists: [6] },
  { id: 'child-protection-investigation', label: 'Child protection (investigation)', lists: [5] },
  { id: 'child-protection-plan', label: 'Child protection (plan)', lists: [7] },
  { id: 'continuing-help', label: 'Continuing help and support for families (child in need plan)', lists: [6] },
  { id: 'decision-to-accommodate', label: 'The decision to accommodate (looked after in the last six months)', lists: [8] },
  { id: 'decision-to-remove', label: 'The decision to remove (care order, interim care order, EPO or police protection)', lists: [8] },
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

export const AGE_BANDS = ['Unborn', 'Under 1', '1 to 4', '5 to 9', '10 to 15', '16 to 17', '18 and over', 'Not known'] as const

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

export function ageBand(age: number | null): string {
  return AGE_BANDS[ageBandIndex(age ?? NaN)]!
}

// Decision A3: "a large sibling group" (002#150) is not defined in the seed; we take 3 or more
// brothers and sisters (a group of four or more children).
export const LARGE_SIBLING_GROUP = 3

const codeSet = (name: keyof typeof CODE_SETS) => CODE_SETS[name].codes.map((c) => c.code)
const PLACETYPE = codeSet('PLACETYPE')
const PLACETYPE_GROUP = CODE_SETS.PLACETYPE.codes.map((c) => c.group)
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

function codeAt(codes: readonly string[], index: number): string | null {
  return index >= 0 ? codes[index]! : null
}
function known(value: number): number | null {
  return Number.isNaN(value) ? null : value
}

const FACTOR = Object.fromEntries(CASE_SELECTION_FACTORS.map((f, i) => [f.id, 1 << i])) as Record<string, number>
const THRESHOLD = Object.fromEntries(THRESHOLDS.map((t, i) => [t.id, 1 << i])) as Record<string, number>

/** The children table from the registry; `sixMonthsBefore` is the day six months before the inspection date. */
export function buildChildrenTable(reg: ChildRegistry, asOfDay: number, sixMonthsBefore: number, ageOn: (dob: number) => number): ChildrenTable {
  const count = reg.size
  const table = {
    count,
    childId: reg.ids.slice(0, count),
    lists: new Array<number>(count),
    firstRow: new Array<number>(count * 10),
    age: new Array<number | null>(count),
    gender: new Array<string | null>(count),
    ethnicity: new Array<string | null>(count),
    disability: new Array<string | null>(count),
    factors: new Array<number>(count),
    thresholds: new Array<number>(count),
    delay: new Array<number>(count),
    abuseCategory: new Array<string | null>(count),
    caseStatus: new Array<string | null>(count),
    primaryNeed: new Array<string | null>(count),
    legalStatus: new Array<string | null>(count),
    placementType: new Array<string | null>(count),
    placementLocation: new Array<string | null>(count),
    placementProvider: new Array<string | null>(count),
    permanencePlan: new Array<string | null>(count),
    placementsLast12Months: new Array<number | null>(count),
    missingEpisodes: new Array<number | null>(count),
    absentEpisodes: new Array<number | null>(count),
    siblings: new Array<number | null>(count),
    careLeaverInTouch: new Array<string | null>(count),
    careLeaverActivity: new Array<string | null>(count),
    adoptionStage: new Array<string | null>(count),
  } satisfies ChildrenTable
  for (let i = 0; i < count; i++) {
    const bits = reg.lists[i]!
    table.lists[i] = bits
    for (let n = 1; n <= 10; n++) table.firstRow[i * 10 + n - 1] = reg.firstRow[i * LIST_SLOTS + n]!
    const dob = reg.dob[i]!
    const age = !Number.isNaN(dob) ? (dob > asOfDay ? -1 : ageOn(dob)) : known(reg.reportedAge[i]!)
    table.age[i] = age
    table.gender[i] = reg.gender[i]! >= 0 ? GENDER[reg.gender[i]!]!.code : null
    table.ethnicity[i] = reg.ethnicity[i]! >= 0 ? ETHNICITY[reg.ethnicity[i]!]!.code : null
    table.disability[i] = codeAt(YNU, reg.disability[i]!)
    const type = reg.placementType[i]!
    const legal = reg.legalStatus[i]!
    const activity = reg.activity[i]!
    const inTouch = reg.inTouch[i]!
    const delay = reg.delay[i]!
    const on7 = (bits & (1 << 7)) !== 0
    const on8 = (bits & (1 << 8)) !== 0
    const on9 = (bits & (1 << 9)) !== 0
    const on10 = (bits & (1 << 10)) !== 0
    let factors = 0
    if (reg.disability[i] === YES) factors |= FACTOR.disabled!
    if (on7 && reg.abuseCategory[i]! >= 0) factors |= FACTOR['abuse-neglect']!
    if (reg.missingEpisodes[i]! > 0) factors |= FACTOR.missing!
    if (reg.absentEpisodes[i]! > 0) factors |= FACTOR.absent!
    if (reg.placementLocation[i] === OUT) factors |= FACTOR['out-of-area']!
    if (KINSHIP.has(type)) factors |= FACTOR.kinship!
    if (type === P1 && CARE_ORDERS.has(legal)) factors |= FACTOR['placed-at-home-on-care-order']!
    if (RESIDENTIAL.has(type)) factors |= FACTOR.residential!
    if (reg.siblings[i]! >= LARGE_SIBLING_GROUP) factors |= FACTOR['large-sibling-group']!
    if (PRIVATE_OR_VOLUNTARY.has(reg.placementProvider[i]!)) factors |= FACTOR['private-or-voluntary-provider']!
    if (reg.uasc[i] === 1) factors |= FACTOR.uasc!
    if (activity >= 0 && ACTIVITY_GROUP[activity] === 'NEET') factors |= FACTOR['care-leaver-neet']!
    if (on9 && inTouch >= 0 && inTouch !== IN_TOUCH) factors |= FACTOR['care-leaver-not-in-touch']!
    if (delay !== 0) factors |= FACTOR.delay!
    table.factors[i] = factors
    table.delay[i] = delay
    let thresholds = 0
    if (bits & (1 << 2)) thresholds |= THRESHOLD['early-help']!
    if (bits & ((1 << 3) | (1 << 4))) thresholds |= THRESHOLD['referral-and-assessment']!
    if (bits & (1 << 6)) thresholds |= THRESHOLD['children-in-need']!
    if (bits & (1 << 5)) thresholds |= THRESHOLD['child-protection-investigation']!
    if (on7) thresholds |= THRESHOLD['child-protection-plan']!
    if (reg.caseStatus[i] === CIN_PLAN) thresholds |= THRESHOLD['continuing-help']!
    if (on8 && reg.careStart[i]! >= sixMonthsBefore) thresholds |= THRESHOLD['decision-to-accommodate']!
    if (on8 && REMOVAL.has(legal)) thresholds |= THRESHOLD['decision-to-remove']!
    if ((on8 && reg.permanencePlan[i]! >= 0) || on10) thresholds |= THRESHOLD['permanence-planning']!
    const stage = reg.adoptionStage[i]!
    if (on10 && (stage === 0 || stage === 2 || stage === 3)) thresholds |= THRESHOLD['matching-and-placement']!
    if (on9) thresholds |= THRESHOLD['leaving-care']!
    table.thresholds[i] = thresholds
    table.abuseCategory[i] = codeAt(ABUSE, reg.abuseCategory[i]!)
    table.caseStatus[i] = codeAt(CASESTATUS, reg.caseStatus[i]!)
    table.primaryNeed[i] = codeAt(NEED, reg.primaryNeed[i]!)
    table.legalStatus[i] = codeAt(LEGAL, legal)
    table.placementType[i] = codeAt(PLACETYPE, type)
    table.placementLocation[i] = codeAt(INOUT, reg.placementLocation[i]!)
    table.placementProvider[i] = codeAt(PROVIDER, reg.placementProvider[i]!)
    table.permanencePlan[i] = codeAt(PERMANENCE, reg.permanencePlan[i]!)
    table.placementsLast12Months[i] = known(reg.placements[i]!)
    table.missingEpisodes[i] = known(reg.missingEpisodes[i]!)
    table.absentEpisodes[i] = known(reg.absentEpisodes[i]!)
    table.siblings[i] = known(reg.siblings[i]!)
    table.careLeaverInTouch[i] = codeAt(INTOUCH, inTouch)
    table.careLeaverActivity[i] = activity >= 0 ? ACTIVITY_GROUP[activity]! : null
    table.adoptionStage[i] = on10 ? codeAt(ADOPTION_STAGE, stage) : null
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
    thresholdsNotCovered: THRESHOLDS.filter((t, bit) => anyThresholds & (1 << bit) && !thresholdsCovered[t.id]).map((t) => t.id),
    ageBands,
    genders,
    ethnicityGroups,
    notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
    unknownIds: sample.filter((id) => !index.has(id)),
  }
}
