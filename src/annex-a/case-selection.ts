/**
 * The per-child summary inspectors build a case sample from (002#150-153), keyed by the LA's
 * Child Unique ID only: Annex A has no names, and none are added. Plus a coverage check the web
 * layer can run on a chosen sample to show which factors are not yet covered.
 */
import { DELAY_REASONS, unpackRef, type ChildRecord } from './child-registry.js'
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

export interface ChildSummary {
  readonly childId: string
  readonly lists: number[]
  /** The first row of the child in each list, for going to the data. */
  readonly rows: { list: number; row: number }[]
  /** Age on the inspection date from the date of birth, else the age the LA reported; -1 unborn. */
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
  readonly detail: {
    abuseCategory?: string
    caseStatus?: string
    primaryNeed?: string
    legalStatus?: string
    placementType?: string
    placementGroup?: string
    placementLocation?: string
    placementProvider?: string
    permanencePlan?: string
    placementsLast12Months?: number
    missingEpisodes?: number
    absentEpisodes?: number
    siblings?: number
    careLeaverInTouch?: string
    careLeaverActivity?: string
    adoptionStage?: string
  }
}

const ETHNIC_GROUP = new Map(CODE_SETS.ETHNICITY.codes.map((c) => [c.code, c.group]))

/** DfE-style age bands. */
export function ageBand(age: number | null): string {
  if (age === null || Number.isNaN(age)) return 'Not known'
  if (age < 0) return 'Unborn'
  if (age < 1) return 'Under 1'
  if (age < 5) return '1 to 4'
  if (age < 10) return '5 to 9'
  if (age < 16) return '10 to 15'
  if (age < 18) return '16 to 17'
  return '18 and over'
}

export const AGE_BANDS = ['Unborn', 'Under 1', '1 to 4', '5 to 9', '10 to 15', '16 to 17', '18 and over', 'Not known'] as const

/** Age on `asOfDay` from the record's date of birth, else its reported age. */
export function childAge(record: ChildRecord, asOfDay: number): number | null {
  if (!Number.isNaN(record.dob)) return record.dob > asOfDay ? -1 : wholeYears(record.dob, asOfDay)
  return Number.isNaN(record.reportedAge) ? null : record.reportedAge
}

// Decision A3: "a large sibling group" (002#150) is not defined in the seed; we take 3 or more
// brothers and sisters (a group of four or more children).
export const LARGE_SIBLING_GROUP = 3

const KINSHIP = new Set(['U1', 'U2', 'U3'])
const CARE_ORDERS = new Set(['C1', 'C2'])
const RESIDENTIAL = new Set(['K1', 'K2', 'R1', 'H5', 'S1'])
const REMOVAL = new Set(['C1', 'C2', 'L1', 'L2', 'L3'])

/** The summary of one child; `sixMonthsBefore` is the day six months before the inspection date. */
export function summariseChild(id: string, record: ChildRecord, asOfDay: number, sixMonthsBefore: number): ChildSummary {
  const recentCareStart = record.careStart >= sixMonthsBefore
  const lists: number[] = []
  const rows: { list: number; row: number }[] = []
  for (let n = 1; n <= 10; n++) {
    if (record.lists & (1 << n)) {
      lists.push(n)
      rows.push(unpackRef(record.firstRow[n]!))
    }
  }
  const age = childAge(record, asOfDay)
  const on = (n: number) => (record.lists & (1 << n)) !== 0
  const factors: string[] = []
  if (record.disability === 'Yes') factors.push('disabled')
  if (on(7) && record.abuseCategory) factors.push('abuse-neglect')
  if (record.missingEpisodes > 0) factors.push('missing')
  if (record.absentEpisodes > 0) factors.push('absent')
  if (record.placementLocation === 'Out') factors.push('out-of-area')
  if (KINSHIP.has(record.placementType)) factors.push('kinship')
  if (record.placementType === 'P1' && CARE_ORDERS.has(record.legalStatus)) factors.push('placed-at-home-on-care-order')
  if (RESIDENTIAL.has(record.placementType)) factors.push('residential')
  if (record.siblings >= LARGE_SIBLING_GROUP) factors.push('large-sibling-group')
  if (record.placementProvider === 'PR4' || record.placementProvider === 'PR5') factors.push('private-or-voluntary-provider')
  if (record.uasc) factors.push('uasc')
  if (record.careLeaverActivity === 'NEET') factors.push('care-leaver-neet')
  if (on(9) && record.careLeaverInTouch && record.careLeaverInTouch !== 'Yes') factors.push('care-leaver-not-in-touch')
  const delay = DELAY_REASONS.filter((_, bit) => record.delay & (1 << bit))
  if (delay.length > 0) factors.push('delay')

  const thresholds: string[] = []
  if (on(2)) thresholds.push('early-help')
  if (on(3) || on(4)) thresholds.push('referral-and-assessment')
  if (on(6)) thresholds.push('children-in-need')
  if (on(5)) thresholds.push('child-protection-investigation')
  if (on(7)) thresholds.push('child-protection-plan')
  if (record.caseStatus === 'Child in need plan') thresholds.push('continuing-help')
  if (on(8) && recentCareStart) thresholds.push('decision-to-accommodate')
  if (on(8) && REMOVAL.has(record.legalStatus)) thresholds.push('decision-to-remove')
  if ((on(8) && record.permanencePlan) || on(10)) thresholds.push('permanence-planning')
  if (on(10) && (record.adoptionStage === 'matched' || record.adoptionStage === 'placed' || record.adoptionStage === 'adopted')) thresholds.push('matching-and-placement')
  if (on(9)) thresholds.push('leaving-care')

  const detail: ChildSummary['detail'] = {}
  const put = <K extends keyof ChildSummary['detail']>(key: K, value: ChildSummary['detail'][K] | '' | number) => {
    if (value !== '' && !(typeof value === 'number' && Number.isNaN(value))) detail[key] = value as ChildSummary['detail'][K]
  }
  put('abuseCategory', record.abuseCategory)
  put('caseStatus', record.caseStatus)
  put('primaryNeed', record.primaryNeed)
  put('legalStatus', record.legalStatus)
  put('placementType', record.placementType)
  put('placementGroup', record.placementGroup)
  put('placementLocation', record.placementLocation)
  put('placementProvider', record.placementProvider)
  put('permanencePlan', record.permanencePlan)
  put('placementsLast12Months', record.placementsLast12Months)
  put('missingEpisodes', record.missingEpisodes)
  put('absentEpisodes', record.absentEpisodes)
  put('siblings', record.siblings)
  put('careLeaverInTouch', record.careLeaverInTouch)
  put('careLeaverActivity', record.careLeaverActivity)
  put('adoptionStage', record.adoptionStage)

  return {
    childId: id,
    lists,
    rows,
    age,
    ageBand: ageBand(age),
    gender: record.gender || null,
    ethnicity: record.ethnicity || null,
    ethnicityGroup: ETHNIC_GROUP.get(record.ethnicity) ?? null,
    disability: record.disability || null,
    factors,
    thresholds,
    delay: [...delay],
    detail,
  }
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
export function sampleCoverage(children: readonly ChildSummary[], sample: readonly string[]): SampleCoverage {
  const byId = new Map(children.map((c) => [c.childId, c]))
  const chosen = sample.map((id) => byId.get(id)).filter((c): c is ChildSummary => c !== undefined)
  const available = new Set(children.flatMap((c) => c.factors))
  const availableThresholds = new Set(children.flatMap((c) => c.thresholds))
  const covered: Record<string, string[]> = {}
  const thresholdsCovered: Record<string, string[]> = {}
  const ageBands: Record<string, number> = {}
  const genders: Record<string, number> = {}
  const ethnicityGroups: Record<string, number> = {}
  for (const child of chosen) {
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
    notCovered: CASE_SELECTION_FACTORS.map((f) => f.id).filter((id) => available.has(id) && !covered[id]),
    thresholdsCovered,
    thresholdsNotCovered: THRESHOLDS.map((t) => t.id).filter((id) => availableThresholds.has(id) && !thresholdsCovered[id]),
    ageBands,
    genders,
    ethnicityGroups,
    notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
    unknownIds: sample.filter((id) => !byId.has(id)),
  }
}
