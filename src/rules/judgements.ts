/**
 * Judgements at standard and short inspections (RULES.md S6): four graded judgements (002#96)
 * on the four-point scale (002#97), made by best fit (002#98), with these consistency rules:
 *
 * - widespread or serious failure in protecting or caring for children → overall effectiveness
 *   inadequate (002#100); a practice judgement of inadequate is that finding (its descriptor
 *   after 002#239 and #240);
 * - leaders may be judged good or requires improvement while another judgement is inadequate,
 *   if they understand the failure and are acting on it; the overall judgement is then still
 *   inadequate (002#101);
 * - leaders are inadequate if either practice judgement is inadequate and leaders have not
 *   shown sufficient understanding of the failure (002#241, inadequate descriptor);
 * - overall effectiveness is derived from the three other judgements (002#99, #238).
 */
import type { Cited } from './types.js'

/** The four-point scale (002#97), best first. */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const

/** A grade on the four-point scale. */
export type Grade = (typeof GRADES)[number]

/** The guidance's words for each grade. */
export const GRADE_NAMES: Record<Grade, string> = {
  outstanding: 'outstanding',
  good: 'good',
  'requires-improvement': 'requires improvement to be good',
  inadequate: 'inadequate',
}

/** True when `value` is a grade. */
export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value)
}

/** The judgements to check; `overall` may be left for the rules to suggest. */
export interface JudgementSet {
  helpAndProtection: Grade
  childrenInCare: Grade
  leaders: Grade
  overall?: Grade
  /**
   * Care leavers, a judgement of their own in inspections from January 2023 (Ofsted's updated
   * framework; before, part of children in care). Reading (issue 14): it is a practice judgement
   * like the other two, so care leavers alone judged inadequate is the widespread or serious
   * failure that makes overall effectiveness inadequate (002#100), as in Cheshire East (May
   * 2024), Peterborough (January 2024) and Harrow (March 2025), which S6 had flagged because it
   * knew only the three judgements of 2018.
   */
  careLeavers?: Grade
  /** Whether leaders showed sufficient understanding of the failure and acted on it (002#101, #241). */
  leadersUnderstandFailure?: boolean
}

/** One inconsistency, with the rule it breaks. */
export interface JudgementProblem extends Cited {
  message: string
}

/** The result of checking a set of judgements (S6). */
export interface JudgementCheck {
  consistent: boolean
  overall: Grade
  /** Whether `overall` was given or suggested by these rules. */
  overallSource: 'given' | 'derived'
  problems: JudgementProblem[]
  warnings: JudgementProblem[]
}

const rank = (grade: Grade): number => GRADES.indexOf(grade)

/**
 * The overall effectiveness grade the three judgements point to (002#99-101, #238).
 *
 * Decision: the seeds leave overall effectiveness to professional judgement. We suggest
 * inadequate when either practice judgement is inadequate (002#100-101), otherwise the middle
 * of the three grades (a best fit across them, 002#98-99); the suggestion is shown as derived.
 * With care leavers judged on their own (from 2023), the worse of the two care judgements stands
 * for "children in care", as one judgement did before.
 */
export function derivedOverall(
  judgements: Pick<JudgementSet, 'helpAndProtection' | 'childrenInCare' | 'leaders'> & {
    readonly careLeavers?: Grade | null | undefined
  },
): Grade {
  const { helpAndProtection, childrenInCare: inCare, careLeavers, leaders } = judgements
  const childrenInCare = careLeavers && rank(careLeavers) > rank(inCare) ? careLeavers : inCare
  if (helpAndProtection === 'inadequate' || childrenInCare === 'inadequate') return 'inadequate'
  const sorted = [helpAndProtection, childrenInCare, leaders].sort((a, b) => rank(a) - rank(b))
  return sorted[1]!
}

/** Check four judgements against the consistency rules of 002#97-101, #238, #241 (S6). */
export function checkJudgements(judgements: JudgementSet): JudgementCheck {
  const { helpAndProtection, childrenInCare, careLeavers, leaders, leadersUnderstandFailure } = judgements
  const problems: JudgementProblem[] = []
  const warnings: JudgementProblem[] = []
  const practiceInadequate =
    helpAndProtection === 'inadequate' || childrenInCare === 'inadequate' || careLeavers === 'inadequate'
  const overall = judgements.overall ?? derivedOverall({ helpAndProtection, childrenInCare, careLeavers, leaders })
  const inadequateArea =
    helpAndProtection === 'inadequate'
      ? 'help and protection'
      : childrenInCare === 'inadequate'
        ? careLeavers
          ? 'children in care'
          : 'children in care and care leavers'
        : 'care leavers'

  if (practiceInadequate && overall !== 'inadequate') {
    problems.push({
      rule: 'S6',
      citation: '002#100-101',
      message: `Overall effectiveness must be inadequate when ${inadequateArea} is judged inadequate (widespread or serious failure)`,
    })
  }
  if (practiceInadequate && leaders === 'outstanding') {
    problems.push({
      rule: 'S6',
      citation: '002#101',
      message:
        'Leaders can be judged good or requires improvement, not outstanding, while a practice judgement is inadequate',
    })
  }
  if (practiceInadequate && leaders !== 'inadequate') {
    if (leadersUnderstandFailure === false) {
      problems.push({
        rule: 'S6',
        citation: '002#241',
        message:
          'Leaders are inadequate when a practice judgement is inadequate and they have not shown sufficient understanding of the failure',
      })
    } else if (leadersUnderstandFailure === undefined) {
      warnings.push({
        rule: 'S6',
        citation: '002#101, #241',
        message:
          'Confirm that leaders showed sufficient understanding of the failure and took effective action; the report must acknowledge it',
      })
    }
  }
  if (!practiceInadequate && leaders === 'inadequate') {
    problems.push({
      rule: 'S6',
      citation: '002#241',
      message:
        'Leaders judged inadequate while both practice judgements are requires improvement or better is outside the grade descriptors: record why',
    })
  }
  if (!practiceInadequate && leaders !== 'inadequate' && overall === 'inadequate') {
    problems.push({
      rule: 'S6',
      citation: '002#100, #239-240',
      message: 'Overall effectiveness is inadequate but no judgement finds widespread or serious failure',
    })
  }
  const grades = [helpAndProtection, childrenInCare, leaders, ...(careLeavers ? [careLeavers] : [])].map(rank)
  const best = Math.min(...grades)
  const worst = Math.max(...grades)
  if (judgements.overall && overall !== 'inadequate' && (rank(overall) < best || rank(overall) > worst)) {
    problems.push({
      rule: 'S6',
      citation: '002#99, #238',
      message: `Overall effectiveness (${GRADE_NAMES[overall]}) is derived from the other three judgements and should lie between ${GRADE_NAMES[GRADES[best]!]} and ${GRADE_NAMES[GRADES[worst]!]}`,
    })
  }
  return {
    consistent: problems.length === 0,
    overall,
    overallSource: judgements.overall ? 'given' : 'derived',
    problems,
    warnings,
  }
}
