/**
 * The progress inspection's case sample and what it shows (RULES.md I5, E9; 000#43-45, #55 and its Annex H).
 *
 * - Methodology: "The lead inspector will select the initial 30 children and young people's
 *   cases … Two cases will have a child sexual exploitation dimension. The local authority will
 *   also be offered the opportunity to put forward four additional cases (comprising two child
 *   protection and two children in need cases) … The lead inspector will identify six cases from
 *   the initial selection that the local authority will be asked to audit."
 * - Standards: "They should be evident in the majority of cases seen by inspectors", and fn 3:
 *   "Inspectors will apply the descriptor 'in at least a majority of the cases seen'" (Annex B's
 *   words, `descriptors.ts`).
 * - Making a judgement: "Satisfactory progress also requires that risk is identified and managed
 *   for every child considered by inspectors."
 */
import { atLeastAMajority, descriptorForCases } from './descriptors.js'

/** The sizes Annex H sets (I5). */
export const PROGRESS_SAMPLE_2015 = {
  selected: 30,
  cse: 2,
  laChildProtection: 2,
  laChildInNeed: 2,
  laAudits: 6,
} as const

/** Where a case came from: the lead's initial selection, or one of the four the LA offers. */
export type ProgressCaseSource = 'selected' | 'la-child-protection' | 'la-child-in-need'

/** A case as the sample rules see it: no child ID, only what counts. */
export interface ProgressCase {
  readonly source: ProgressCaseSource
  readonly cse: boolean
  readonly laAudit: boolean
  /** The inspectors' evaluation once the case is seen; null before. */
  readonly standardsEvident: boolean | null
  readonly riskManaged: boolean | null
}

/** One Annex H requirement with the count against it, e.g. "28 of 30 cases". */
export interface SampleCount {
  readonly key: keyof typeof PROGRESS_SAMPLE_2015
  readonly text: string
  readonly count: number
  readonly required: number
  readonly met: boolean
}

/**
 * The sample counted against Annex H (I5). Decision: the CSE cases and the six audits are part of
 * the initial 30 (Annex H: "six cases from the initial selection"; the two CSE cases are among
 * the lead's choice); the LA's four come on top and count only towards their own two and two.
 * A requirement is met when the count is exactly the number, so 31 selected cases is not met.
 */
export function progressSampleCounts(cases: readonly ProgressCase[]): SampleCount[] {
  const selected = cases.filter((item) => item.source === 'selected')
  const line = (key: SampleCount['key'], count: number, what: string): SampleCount => {
    const required = PROGRESS_SAMPLE_2015[key]
    return { key, count, required, met: count === required, text: `${count} of ${required} ${what}` }
  }
  return [
    line('selected', selected.length, 'cases selected by the lead inspector'),
    line('cse', selected.filter((item) => item.cse).length, 'with a child sexual exploitation dimension'),
    line(
      'laChildProtection',
      cases.filter((item) => item.source === 'la-child-protection').length,
      'child protection cases offered by the LA',
    ),
    line(
      'laChildInNeed',
      cases.filter((item) => item.source === 'la-child-in-need').length,
      'children in need cases offered by the LA',
    ),
    line('laAudits', selected.filter((item) => item.laAudit).length, 'cases the LA audits'),
  ]
}

/** What the cases seen show (I5, E9): Annex B's words for the standards, and the two tests of a satisfactory judgement. */
export interface ProgressEvidence {
  readonly seen: number
  readonly evident: number
  /** E.g. "In 20 of 30 cases seen (66.7%, a large majority) the practice standards were evident"; null before any case is evaluated. */
  readonly standardsText: string | null
  /** Annex H fn 3: the standards evident in at least a majority of the cases seen. */
  readonly majority: boolean
  /** Annex H, making a judgement: risk identified and managed for every child considered. */
  readonly everyRiskManaged: boolean
  readonly riskText: string | null
}

const lower = (words: string) => words.charAt(0).toLowerCase() + words.slice(1)

/** The evidence of the cases inspectors have evaluated (both questions answered). */
export function progressEvidence(cases: readonly ProgressCase[]): ProgressEvidence {
  const seen = cases.filter((item) => item.standardsEvident !== null && item.riskManaged !== null)
  const evident = seen.filter((item) => item.standardsEvident).length
  const managed = seen.filter((item) => item.riskManaged).length
  if (seen.length === 0)
    return { seen: 0, evident: 0, standardsText: null, majority: false, everyRiskManaged: false, riskText: null }
  const descriptor = descriptorForCases(evident, seen.length)
  const percent = `${Math.round(descriptor.percent * 10) / 10}%`
  // A proportion in a gap between two bands is given as a number, never rounded into a band (E9).
  const words = descriptor.gap ? percent : `${percent}, ${lower(descriptor.words)}`
  return {
    seen: seen.length,
    evident,
    standardsText: `In ${evident} of ${seen.length} cases seen (${words}) the practice standards were evident`,
    majority: atLeastAMajority(evident, seen.length),
    everyRiskManaged: managed === seen.length,
    riskText: `Risk was identified and managed for ${managed} of the ${seen.length} children considered`,
  }
}
