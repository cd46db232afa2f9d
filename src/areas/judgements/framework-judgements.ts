/**
 * Which judgements a standard or short inspection gives, and how the consistency checks of the
 * rules core (RULES.md S6, `checkJudgements`) apply to them under each framework.
 *
 * The issue asks for "each of the four judgements" (002#96: overall effectiveness, help and
 * protection, children in care and care leavers, the impact of leaders). The set belongs to the
 * framework in force when the inspection starts (`frameworkInForce`, register/frameworks.ts):
 *
 * - ILACS 2018: exactly the four judgements of 002#96.
 * - ILACS 2023 (from 1 January 2023): care leavers are graded separately, so five judgements.
 * - ILACS 2026 (from 1 April 2026): no overall effectiveness grade, so four area judgements.
 *
 * Decision: "when the inspection starts" is the first day on site (fieldwork), the same date the
 * register records as the inspection's start, so the register accepts the framework we chose.
 *
 * Decision: the rules core checks a 2017-shaped set (help and protection, "children in care and
 * care leavers", leaders, overall). Where care leavers are graded separately, the worse of the
 * children in care and care leavers grades stands for "children in care and care leavers": 002#100
 * is about failure in the arrangements to care for children, and care leavers were inside that
 * judgement in 2017. The check that overall effectiveness lies within the range of the other
 * judgements (002#99, #238) is then taken over every graded area, not the worse of the two.
 * Where there is no overall grade (2026), the checks on it (002#99-100) cannot fire; the checks
 * on leaders (002#101, #241) still apply.
 */
import { checkJudgements, derivedOverall, GRADE_NAMES, GRADES, type JudgementProblem } from '../../rules/judgements.js'
import { EVALUATION_HEADINGS, type EvaluationHeading, headingsFor } from '../../rules/evaluation-criteria.js'
import { formatDate } from '../../rules/calendar/dates.js'
import {
  FRAMEWORK_INFO,
  type Framework,
  frameworkInForce,
  type Grade,
  type JudgementArea,
  worseGrade,
} from '../register/index.js'

/** The activity types that give graded judgements in this service (002#96). */
export const JUDGED_TYPES = ['standard-inspection', 'short-inspection', 'post-monitoring-inspection'] as const
export type JudgedType = (typeof JUDGED_TYPES)[number]

export function isJudgedType(type: string): type is JudgedType {
  return (JUDGED_TYPES as readonly string[]).includes(type)
}

export type FrameworkChoice =
  { readonly ok: true; readonly framework: Framework } | { readonly ok: false; readonly reason: string }

/** The framework whose judgements a standard or short inspection starting on `onsiteStart` gives. */
export function judgementFrameworkFor(type: string, onsiteStart: string): FrameworkChoice {
  if (!isJudgedType(type))
    return {
      ok: false,
      reason: 'Only standard, short and post-monitoring inspections give graded judgements (002#96, #108; 001#52)',
    }
  // A post-monitoring inspection re-inspects an LA judged under the SIF and "will make the same
  // judgements" (001#52; 002#22 fn4): its judgements are the SIF's, whatever is in force.
  if (type === 'post-monitoring-inspection') return { ok: true, framework: 'sif' }
  const framework = frameworkInForce(onsiteStart)
  if (!(FRAMEWORK_INFO[framework].activityTypes as readonly string[]).includes(type)) {
    return {
      ok: false,
      reason: `No ILACS framework was in force on ${formatDate(onsiteStart)}: standard and short inspections began in January 2018`,
    }
  }
  return { ok: true, framework }
}

/** The judgements of a framework, in the order reports give them. */
export function judgementAreas(framework: Framework): readonly JudgementArea[] {
  return FRAMEWORK_INFO[framework].areas
}

export function isJudgementArea(framework: Framework, key: string): boolean {
  return judgementAreas(framework).some((area) => area.key === key)
}

/** What the page says about the mapping from the four judgements of 002#96 to this framework. */
export const FRAMEWORK_MAPPING: Readonly<Record<Framework, string>> = {
  sif: 'The single inspection framework is not used for standard or short inspections.',
  'ilacs-2018':
    'The four judgements of 002#96: overall effectiveness, and the three judgement areas it is derived from (002#99). Children in care and care leavers are one judgement.',
  'ilacs-2023':
    'From 1 January 2023 care leavers are graded separately, so the four judgements of 002#96 are five. For the consistency checks (002#99-101, #241) the worse of the children in care and care leavers grades stands for “children in care and care leavers”.',
  'ilacs-2026':
    'From 1 April 2026 there is no overall effectiveness grade, so there are four area judgements: help and protection, children in care, care leavers, and the impact of leaders. The checks on overall effectiveness (002#99-100) do not apply; the checks on leaders (002#101, #241) do.',
}

/**
 * The evaluation-criteria headings (E2, 002#239-241) a judgement's rationale may cite. Decision:
 * where care leavers are graded separately, "Care leavers and transitions" and the shared
 * participation heading belong to the care leavers judgement, the rest of 002#240 to children in
 * care (the participation heading names both, so it is offered for both). Overall effectiveness
 * cites no heading: it is derived from the other judgements (002#99, #238).
 */
export function evidenceHeadingsFor(framework: Framework, areaKey: string): readonly EvaluationHeading[] {
  const separateCareLeavers = isJudgementArea(framework, 'care-leavers')
  const ids = (() => {
    switch (areaKey) {
      case 'help-and-protection':
        return headingsFor('help-and-protection').map((h) => h.id)
      case 'children-in-care':
        return headingsFor('children-in-care')
          .filter((h) => !(separateCareLeavers && h.id === CARE_LEAVERS_HEADING))
          .map((h) => h.id)
      case 'care-leavers':
        return [SHARED_PARTICIPATION_HEADING, CARE_LEAVERS_HEADING]
      case 'leaders':
        return headingsFor('leaders').map((h) => h.id)
      default:
        return []
    }
  })()
  return EVALUATION_HEADINGS.filter((heading) => ids.includes(heading.id))
}

const SHARED_PARTICIPATION_HEADING = 'children-in-care.2'
const CARE_LEAVERS_HEADING = 'children-in-care.7'

/** One problem or warning of the consistency checks, with its rule. */
export type Check = JudgementProblem

export interface SetCheck {
  /** Labels of the judgements not yet recorded. */
  readonly missing: readonly string[]
  /** Inconsistencies with the rules (S6): confirming with any needs a recorded reason. */
  readonly problems: readonly Check[]
  /** Things to confirm (e.g. leaders' understanding of a failure, 002#101). */
  readonly warnings: readonly Check[]
  /** The overall effectiveness grade the other judgements point to (002#99), where the framework gives one. */
  readonly suggestedOverall: Grade | undefined
}

/**
 * The consistency checks of 002#99-101, #238, #241 (S6) on the judgements recorded so far under
 * `framework`. Checks run once every area judgement is recorded; overall effectiveness may still
 * be missing, and is then suggested.
 */
export function checkFrameworkJudgements(
  framework: Framework,
  grades: Readonly<Partial<Record<string, Grade>>>,
  leadersUnderstandFailure: boolean | undefined,
): SetCheck {
  const info = FRAMEWORK_INFO[framework]
  const missing = info.areas.filter((area) => area.required && !grades[area.key]).map((area) => area.label)
  const helpAndProtection = grades['help-and-protection']
  const leaders = grades.leaders
  const separateCareLeavers = isJudgementArea(framework, 'care-leavers')
  const care = separateCareLeavers
    ? grades['children-in-care'] && grades['care-leavers']
      ? worseGrade(grades['children-in-care'], grades['care-leavers'])
      : undefined
    : grades['children-in-care']
  if (!helpAndProtection || !leaders || !care || !isJudgementArea(framework, 'help-and-protection')) {
    return { missing, problems: [], warnings: [], suggestedOverall: undefined }
  }
  const overall = info.hasOverall ? grades.overall : undefined
  const result = checkJudgements({
    helpAndProtection,
    childrenInCare: care,
    leaders,
    ...(overall ? { overall } : {}),
    ...(leadersUnderstandFailure === undefined ? {} : { leadersUnderstandFailure }),
  })
  let problems = result.problems
  if (separateCareLeavers && overall) {
    // The range check of 002#99, #238 over every area judgement, not the worse of the two care grades.
    problems = problems.filter((problem) => problem.citation !== '002#99, #238')
    const areaGrades = info.areas.filter((area) => area.key !== 'overall').map((area) => grades[area.key]!)
    const rank = (grade: Grade) => GRADES.indexOf(grade)
    const best = GRADES[Math.min(...areaGrades.map(rank))]!
    const worst = GRADES[Math.max(...areaGrades.map(rank))]!
    if (overall !== 'inadequate' && (rank(overall) < rank(best) || rank(overall) > rank(worst))) {
      problems = [
        ...problems,
        {
          rule: 'S6',
          citation: '002#99, #238',
          message: `Overall effectiveness (${GRADE_NAMES[overall]}) is derived from the other judgements and should lie between ${GRADE_NAMES[best]} and ${GRADE_NAMES[worst]}`,
        },
      ]
    }
  }
  return {
    missing,
    problems,
    warnings: result.warnings,
    suggestedOverall: info.hasOverall
      ? derivedOverall({ helpAndProtection, childrenInCare: care, leaders })
      : undefined,
  }
}
