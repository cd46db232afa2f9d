/**
 * What inspectors choose children by (002#150-153), as the Annex A profile records it: the
 * case-selection factors the lists can show and those they cannot (both taken from the rules
 * core's indicators), the thresholds, the age bands and what counts as a large sibling group.
 * `children-table.ts` marks each child with them; `child-summary.ts` reads one child back and
 * checks what a chosen sample covers.
 */
import { CASE_SELECTION_INDICATORS, type CaseSelectionIndicator } from '../rules/case-selection.js'

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
