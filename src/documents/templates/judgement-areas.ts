/**
 * The judgement areas a report grades, per ILACS framework. They mirror the register's
 * `src/areas/register/frameworks.ts`, which documents do not import (areas depend on documents,
 * not the other way round): a change of framework changes both.
 */

/**
 * The frameworks a report is written under: ILACS for standard and short inspections, the single
 * inspection framework for a post-monitoring inspection (001#52: "the same judgements").
 */
export const REPORT_FRAMEWORKS = ['ilacs-2018', 'ilacs-2023', 'ilacs-2026', 'sif'] as const
export type ReportFramework = (typeof REPORT_FRAMEWORKS)[number]

/** Keys of the graded areas (camelCase, as `src/rules/judgements.ts`). */
export type JudgementAreaKey = 'overall' | 'helpAndProtection' | 'childrenInCare' | 'careLeavers' | 'leaders'

export interface ReportJudgementArea {
  key: JudgementAreaKey
  /** The register's key for the same area (kebab-case in frameworks.ts). */
  registerKey: string
  label: string
}

const OVERALL: ReportJudgementArea = { key: 'overall', registerKey: 'overall', label: 'Overall effectiveness' }
const HELP_AND_PROTECTION: ReportJudgementArea = {
  key: 'helpAndProtection',
  registerKey: 'help-and-protection',
  label: 'The experiences and progress of children who need help and protection',
}
const LEADERS: ReportJudgementArea = {
  key: 'leaders',
  registerKey: 'leaders',
  label: 'The impact of leaders on social work practice with children and families',
}
const CHILDREN_IN_CARE: ReportJudgementArea = {
  key: 'childrenInCare',
  registerKey: 'children-in-care',
  label: 'The experiences and progress of children in care',
}
const CARE_LEAVERS: ReportJudgementArea = {
  key: 'careLeavers',
  registerKey: 'care-leavers',
  label: 'The experiences and progress of care leavers',
}

/** The graded areas of each framework, in the order the report gives them. */
export const REPORT_JUDGEMENT_AREAS: Readonly<Record<ReportFramework, readonly ReportJudgementArea[]>> = {
  // 002#96: overall effectiveness and three judgements; care leavers are graded with children in care.
  'ilacs-2018': [
    OVERALL,
    HELP_AND_PROTECTION,
    { ...CHILDREN_IN_CARE, label: 'The experiences and progress of children in care and care leavers' },
    LEADERS,
  ],
  // From January 2023 care leavers have their own judgement (see frameworks.ts).
  'ilacs-2023': [OVERALL, HELP_AND_PROTECTION, CHILDREN_IN_CARE, CARE_LEAVERS, LEADERS],
  // From April 2026 there is no overall effectiveness grade (see frameworks.ts).
  'ilacs-2026': [HELP_AND_PROTECTION, CHILDREN_IN_CARE, CARE_LEAVERS, LEADERS],
  // The SIF's required judgements (frameworks.ts `sif`); adoption and care leavers are graded there
  // only where given, and care leavers' findings follow children looked after, as in 2018.
  sif: [
    OVERALL,
    { ...HELP_AND_PROTECTION, label: 'Children who need help and protection' },
    { ...CHILDREN_IN_CARE, registerKey: 'looked-after', label: 'Children looked after and achieving permanence' },
    { ...LEADERS, registerKey: 'leadership', label: 'Leadership, management and governance' },
  ],
}

/** Whether the framework grades care leavers in a judgement of their own. */
export function gradesCareLeaversSeparately(framework: ReportFramework): boolean {
  return REPORT_JUDGEMENT_AREAS[framework].some((area) => area.key === 'careLeavers')
}
