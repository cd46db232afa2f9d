/**
 * One child of the children table as an object, and the coverage check the web layer runs on a
 * chosen case sample to show which factors and thresholds (002#150-153) it does not yet cover.
 */
import { DELAY_REASONS } from './child-registry.js'
import {
  AGE_BANDS,
  CASE_SELECTION_FACTORS,
  FACTORS_NOT_IN_ANNEX_A,
  THRESHOLDS,
  ageBandIndex,
  type CaseSelectionFactor,
} from './case-selection.js'
import type { ChildrenTable } from './children-table.js'
import { CODE_SETS } from './code-sets.js'

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
