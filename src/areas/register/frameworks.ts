import { derivedOverall } from '../../rules/judgements.js'
/**
 * The judgement sets of each inspection framework. A judgement belongs to the framework in
 * force when it was made (issue 3), so the register records the framework with every
 * judgement and never invents a grade a framework did not give.
 */
export const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const
export type Grade = (typeof GRADES)[number]

/** 002#97: the four-point scale, in the words reports use. */
export const GRADE_LABELS: Readonly<Record<Grade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement to be good',
  inadequate: 'Inadequate',
}

export function isGrade(value: string): value is Grade {
  return (GRADES as readonly string[]).includes(value)
}

export const FRAMEWORKS = ['sif', 'ilacs-2018', 'ilacs-2023', 'ilacs-2026'] as const
export type Framework = (typeof FRAMEWORKS)[number]

export interface JudgementArea {
  readonly key: string
  readonly label: string
  /** A required area must be graded on every judgement under the framework. */
  readonly required: boolean
}

export interface FrameworkInfo {
  readonly label: string
  /** First inspection start date the framework applies to. */
  readonly from: string
  /** Last inspection start date, when a later framework replaced it (re-inspections aside). */
  readonly to: string | null
  readonly areas: readonly JudgementArea[]
  /** Whether the framework gives an overall effectiveness grade. */
  readonly hasOverall: boolean
  /** The activity types that give judgements under this framework. */
  readonly activityTypes: readonly JudgementActivityType[]
  readonly source: string
}

export const JUDGEMENT_ACTIVITY_TYPES = [
  'sif-inspection',
  'post-monitoring-inspection',
  'standard-inspection',
  'short-inspection',
] as const
export type JudgementActivityType = (typeof JUDGEMENT_ACTIVITY_TYPES)[number]

export const ACTIVITY_TYPE_LABELS: Readonly<Record<JudgementActivityType, string>> = {
  'sif-inspection': 'Single inspection (SIF)',
  'post-monitoring-inspection': 'Post-monitoring single inspection (PMSIF)',
  'standard-inspection': 'Standard inspection (ILACS)',
  'short-inspection': 'Short inspection (ILACS)',
}

const OVERALL: JudgementArea = { key: 'overall', label: 'Overall effectiveness', required: true }
const HELP_AND_PROTECTION: JudgementArea = {
  key: 'help-and-protection',
  label: 'The experiences and progress of children who need help and protection',
  required: true,
}
const LEADERS: JudgementArea = {
  key: 'leaders',
  label: 'The impact of leaders on social work practice with children and families',
  required: true,
}

export const FRAMEWORK_INFO: Readonly<Record<Framework, FrameworkInfo>> = {
  // 003#Next steps fn 3: the three key judgement areas of the single inspection; adoption
  // performance and care leavers were graded sub-judgements of the children-looked-after area.
  sif: {
    label: 'Single inspection framework (2013–2017)',
    from: '2013-11-01',
    to: '2017-12-31',
    hasOverall: true,
    areas: [
      OVERALL,
      { key: 'help-and-protection', label: 'Children who need help and protection', required: true },
      { key: 'looked-after', label: 'Children looked after and achieving permanence', required: true },
      { key: 'adoption', label: 'Adoption performance', required: false },
      { key: 'care-leavers', label: 'The experiences and progress of care leavers', required: false },
      { key: 'leadership', label: 'Leadership, management and governance', required: true },
    ],
    activityTypes: ['sif-inspection', 'post-monitoring-inspection'],
    source: '003#Next steps (fn 3); 001#51-52',
  },
  // 002#96: overall effectiveness plus three judgements.
  'ilacs-2018': {
    label: 'ILACS (from January 2018)',
    from: '2018-01-01',
    to: '2022-12-31',
    hasOverall: true,
    areas: [
      OVERALL,
      HELP_AND_PROTECTION,
      {
        key: 'children-in-care',
        label: 'The experiences and progress of children in care and care leavers',
        required: true,
      },
      LEADERS,
    ],
    activityTypes: ['standard-inspection', 'short-inspection'],
    source: '002#96-97',
  },
  // Decision: ILACS inspections from January 2023 grade care leavers separately from children in
  // care (Ofsted's updated framework); not in the 2017 seed, recorded here as the register needs it.
  'ilacs-2023': {
    label: 'ILACS (from January 2023: care leavers graded separately)',
    from: '2023-01-01',
    to: '2026-03-31',
    hasOverall: true,
    areas: [
      OVERALL,
      HELP_AND_PROTECTION,
      { key: 'children-in-care', label: 'The experiences and progress of children in care', required: true },
      { key: 'care-leavers', label: 'The experiences and progress of care leavers', required: true },
      LEADERS,
    ],
    activityTypes: ['standard-inspection', 'short-inspection'],
    source: '002#96-97 (as updated January 2023)',
  },
  // Decision: Ofsted announced that inspections from April 2026 give no overall effectiveness
  // grade; the area judgements stay. The register stores no overall grade for these, and the
  // pathway is taken from the rules core's derived overall grade (see pathwayGrade).
  'ilacs-2026': {
    label: 'ILACS (from April 2026: no overall effectiveness grade)',
    from: '2026-04-01',
    to: null,
    hasOverall: false,
    areas: [
      HELP_AND_PROTECTION,
      { key: 'children-in-care', label: 'The experiences and progress of children in care', required: true },
      { key: 'care-leavers', label: 'The experiences and progress of care leavers', required: true },
      LEADERS,
    ],
    activityTypes: ['standard-inspection', 'short-inspection'],
    source: 'Ofsted announcement, April 2026',
  },
}

export function isFramework(value: string): value is Framework {
  return (FRAMEWORKS as readonly string[]).includes(value)
}

export function isJudgementActivityType(value: string): value is JudgementActivityType {
  return (JUDGEMENT_ACTIVITY_TYPES as readonly string[]).includes(value)
}

/** The framework in force for an inspection starting on `start` (ILACS re-inspections aside). */
export function frameworkInForce(start: string): Framework {
  const found = FRAMEWORKS.find((framework) => {
    const info = FRAMEWORK_INFO[framework]
    return start >= info.from && (info.to === null || start <= info.to)
  })
  return found ?? 'sif'
}

const SEVERITY: Readonly<Record<Grade, number>> = { outstanding: 0, good: 1, 'requires-improvement': 2, inadequate: 3 }

/** The worse of two grades. */
export function worseGrade(a: Grade, b: Grade): Grade {
  return SEVERITY[a] >= SEVERITY[b] ? a : b
}

/**
 * The grade that decides an LA's pathway (002#17, #20, #22: "judged good or outstanding /
 * requires improvement / inadequate at the most recent inspection" means overall effectiveness).
 *
 * Decision: where a framework gives no overall grade (from April 2026) the rules core's derived
 * overall grade stands in (S6 `derivedOverall`: inadequate when a practice judgement is, else the
 * middle grade), with care leavers counted with children in care; the page says so rather than
 * presenting it as an overall grade. Reading (issue 14): it had been the lowest area grade, which
 * on Ofsted's 2018–2025 ILACS judgements (ILACS_inspection_history) differs from the real
 * overall grade far more often than the derived grade does (register/outcomes/pathway-grade.test.ts).
 */
export function pathwayGrade(
  framework: Framework,
  grades: Readonly<Record<string, Grade>>,
): { grade: Grade; derived: boolean } | undefined {
  const info = FRAMEWORK_INFO[framework]
  if (info.hasOverall) {
    const overall = grades.overall
    return overall ? { grade: overall, derived: false } : undefined
  }
  const required = info.areas.filter((area) => area.required).map((area) => grades[area.key])
  if (required.some((grade) => grade === undefined)) return undefined
  return { grade: derivedFromAreas(grades)!, derived: true }
}

/** The rules core's derived overall grade from an ILACS judgement's areas, or undefined when one is missing. */
export function derivedFromAreas(grades: Readonly<Record<string, Grade>>): Grade | undefined {
  const helpAndProtection = grades['help-and-protection']
  const inCare = grades['children-in-care']
  const leaders = grades.leaders
  if (!helpAndProtection || !inCare || !leaders) return undefined
  return derivedOverall({ helpAndProtection, childrenInCare: inCare, careLeavers: grades['care-leavers'], leaders })
}
