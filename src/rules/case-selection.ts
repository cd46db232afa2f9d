/**
 * Choosing the children whose experiences inspectors evaluate (RULES.md S5) and the look-back of
 * the Annex A child-level lists (S9).
 *
 * - S5 factors inspectors take into account (002#150) and six to 12 already-audited cases
 *   requested before fieldwork (002#258). The thresholds inspectors test (002#153) are
 *   src/annex-a/case-selection.ts THRESHOLDS, with the list that tests each.
 * - S9 lists 1–11 and their periods (002#249), one row per child for lists 3–10 (002#251);
 *   judgements rest on contemporary practice, usually no more than six months old (002#154 fn26).
 */
import { addMonths, type IsoDate } from './calendar/dates.js'

/**
 * The factors of 002#150, in its order and words; `mustInclude` marks children who must be in the
 * cohort. `id` names the factor for `CASE_SELECTION_INDICATORS`.
 */
export const CASE_SELECTION_FACTORS = [
  { id: 'age-gender-disability-ethnicity', factor: 'age, gender, disability and ethnicity', mustInclude: false },
  {
    id: 'abuse-neglect',
    factor: 'children at risk of harm from physical, emotional and sexual abuse and neglect',
    mustInclude: false,
  },
  {
    id: 'exploitation',
    factor: 'children the local authority is concerned may be vulnerable to sexual and other forms of exploitation',
    mustInclude: true,
  },
  { id: 'missing', factor: 'children who have been missing from care, home and education', mustInclude: true },
  { id: 'education', factor: 'educational achievement and ability', mustInclude: false },
  {
    id: 'placement-type',
    factor:
      "type of placement, including out-of-area placements, kinship care or 'connected person' arrangements and children placed at home subject to a care order",
    mustInclude: false,
  },
  { id: 'large-sibling-group', factor: 'at least one child from a large sibling group', mustInclude: true },
  {
    id: 'third-party-provider',
    factor: 'children supported by a third party provider with social services functions delegated to it',
    mustInclude: false,
  },
] as const

export type CaseSelectionFactorId = (typeof CASE_SELECTION_FACTORS)[number]['id']

/**
 * Something inspectors can look for in a child's records that shows a factor of 002#150 (or, for
 * delay, a child 002#151 asks them to notice).
 */
export interface CaseSelectionIndicator {
  readonly id: string
  readonly label: string
  readonly citation: string
  /** The 002#150 factor it shows; null when it is a reason of its own to look at a child. */
  readonly factor: CaseSelectionFactorId | null
  /**
   * Its bit in a child's `factors` in an Annex A profile (002#249 lists); null when no Annex A
   * column records it, so inspectors must take it from elsewhere. Profiles are stored with each
   * return, so a bit is never renumbered or reused: a new indicator takes the next free bit.
   */
  readonly annexABit: number | null
}

/**
 * Every indicator the service helps inspectors choose children by (002#150-151): the single list
 * of them, from which the Annex A profile takes its factor bits and its "not in Annex A" list.
 */
export const CASE_SELECTION_INDICATORS: readonly CaseSelectionIndicator[] = [
  {
    id: 'disabled',
    label: 'Disabled child',
    citation: '002#150',
    factor: 'age-gender-disability-ethnicity',
    annexABit: 0,
  },
  {
    id: 'abuse-neglect',
    label: 'At risk of harm from abuse or neglect (child protection plan)',
    citation: '002#150',
    factor: 'abuse-neglect',
    annexABit: 1,
  },
  {
    id: 'missing',
    label: 'Missing from placement in the last 12 months (List 8)',
    citation: '002#150',
    factor: 'missing',
    annexABit: 2,
  },
  {
    id: 'absent',
    label: 'Absent from placement in the last 12 months (List 8)',
    citation: '002#150',
    factor: 'missing',
    annexABit: 3,
  },
  { id: 'out-of-area', label: 'Placed out of area', citation: '002#150', factor: 'placement-type', annexABit: 4 },
  {
    id: 'kinship',
    label: "Kinship or 'connected person' placement (foster placement with relatives or friends)",
    citation: '002#150',
    factor: 'placement-type',
    annexABit: 5,
  },
  {
    id: 'placed-at-home-on-care-order',
    label: 'Placed at home (with parents) and subject to a care order',
    citation: '002#150',
    factor: 'placement-type',
    annexABit: 6,
  },
  {
    id: 'residential',
    label: "Children's home or other residential placement",
    citation: '002#150',
    factor: 'placement-type',
    annexABit: 7,
  },
  {
    id: 'large-sibling-group',
    label: 'From a large sibling group (3 or more brothers and sisters)',
    citation: '002#150, 002#253',
    factor: 'large-sibling-group',
    annexABit: 8,
  },
  {
    id: 'private-or-voluntary-provider',
    label: 'Placement by a private or voluntary provider (not the same as a provider with delegated functions)',
    citation: '002#150',
    factor: 'placement-type',
    annexABit: 9,
  },
  // Decision: an unaccompanied asylum-seeking child and a care leaver the LA has lost touch with
  // are not among 002#150's factors by its words, but the lists record them and they mark children
  // inspectors look at; they show no one factor.
  { id: 'uasc', label: 'Unaccompanied asylum-seeking child', citation: '002#150', factor: null, annexABit: 10 },
  {
    id: 'care-leaver-neet',
    label: 'Care leaver not in education, employment or training',
    citation: '002#150',
    factor: 'education',
    annexABit: 11,
  },
  {
    id: 'care-leaver-not-in-touch',
    label: 'Care leaver the LA is not in touch with',
    citation: '002#150',
    factor: null,
    annexABit: 12,
  },
  {
    id: 'delay',
    label: 'Appears to have experienced significant delay',
    citation: '002#151',
    factor: null,
    annexABit: 13,
  },
  {
    id: 'exploitation',
    label: 'Vulnerable to sexual or other exploitation (no Annex A column records it)',
    citation: '002#150',
    factor: 'exploitation',
    annexABit: null,
  },
  {
    id: 'missing-from-home-or-education',
    label: 'Missing from home or education (List 8 records only missing from placement)',
    citation: '002#150',
    factor: 'missing',
    annexABit: null,
  },
  {
    id: 'educational-achievement',
    label: 'Educational achievement and ability',
    citation: '002#150',
    factor: 'education',
    annexABit: null,
  },
  {
    id: 'third-party-provider',
    label: 'Supported by a third-party provider with delegated social services functions',
    citation: '002#150',
    factor: 'third-party-provider',
    annexABit: null,
  },
]

/** Already-audited cases the lead inspector asks for before fieldwork (S5, 002#258). */
export const AUDITED_CASES_REQUESTED = { min: 6, max: 12 } as const

/** How far back a list reaches: months before the inspection, or only the point of inspection. */
export interface ListLookBack {
  list: number
  contents: string
  months: number | null
  /** Children who left the list within this many months are included too. */
  ceasedWithinMonths?: number
}

/** The look-back of Annex A lists 1–11 (S9, 002#249). */
const CHILD_LEVEL_LISTS: readonly ListLookBack[] = [
  { list: 1, contents: 'contacts', months: 3 },
  { list: 2, contents: 'early help assessments, common assessments or targeted interventions', months: 6 },
  { list: 3, contents: 'referrals', months: 3 },
  { list: 4, contents: 'statutory assessments under section 17 or section 47 of the Children Act 1989', months: 6 },
  { list: 5, contents: 'section 47 enquiries', months: 6 },
  { list: 6, contents: 'children in need at the point of inspection', months: null, ceasedWithinMonths: 3 },
  {
    list: 7,
    contents: 'children subject to a child protection plan at the point of inspection',
    months: null,
    ceasedWithinMonths: 3,
  },
  { list: 8, contents: 'children in care at the point of inspection', months: null, ceasedWithinMonths: 6 },
  { list: 9, contents: 'care leavers receiving leaving care services at the point of inspection', months: null },
  { list: 10, contents: 'children adopted, with a placement decision, or with a decision reversed', months: 12 },
  { list: 11, contents: 'individuals in contact with the adoption agency', months: 12 },
]

/**
 * The first day a list covers for an inspection whose data is drawn on `inspection` (S9), or
 * `inspection` itself for a list "at the point of inspection" with no ceased children.
 *
 * Decision: "in the three months before inspection" counts back calendar months from the day the
 * data is requested (the notice day), clamped to the month end.
 */
export function listCoversFrom(list: number, inspection: IsoDate): IsoDate {
  const spec = CHILD_LEVEL_LISTS.find((item) => item.list === list)
  if (!spec) throw new RangeError(`Annex A has lists 1 to 11, not ${list}`)
  const months = spec.months ?? spec.ceasedWithinMonths
  return months ? addMonths(inspection, -months) : inspection
}

/** How old practice may be and still be contemporary (S9, 002#154 fn26). */
const CONTEMPORARY_PRACTICE_MONTHS = 6

/**
 * The earliest day of contemporary practice for an inspection on `inspection` (S9, 002#154 fn26:
 * usually). Decision: the case-sample page passes the first day on site, when inspectors see it.
 */
export function contemporaryPracticeFrom(inspection: IsoDate): IsoDate {
  return addMonths(inspection, -CONTEMPORARY_PRACTICE_MONTHS)
}
