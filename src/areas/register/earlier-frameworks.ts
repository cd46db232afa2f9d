/**
 * The frameworks before the single inspection (2009–2013), as history only (issue 14). Ofsted's
 * 2023 statistics (sheet `LA_inspections_2009-2023`) give each LA's inspections under them by
 * publication date, with their overall effectiveness grades. They do not drive a pathway: the
 * pathway rules (002#17-22) read judgements under the SIF and ILACS, and these never enter them.
 *
 * Decision (ADR 0023): those frameworks graded on outstanding / good / adequate / inadequate.
 * "Adequate" is not "requires improvement" (which began with the SIF in November 2013), so it is
 * kept as its own word; Ofsted's file writes it as "Requires improvement to be good", which for
 * these frameworks is read as "adequate". Outstanding, good and inadequate are the same words.
 */
import type { Grade } from './frameworks.js'

export const EARLIER_FRAMEWORKS = ['slac', 'child-protection', 'tlac'] as const
export type EarlierFramework = (typeof EARLIER_FRAMEWORKS)[number]

export const EARLIER_GRADES = ['outstanding', 'good', 'adequate', 'inadequate'] as const
export type EarlierGrade = (typeof EARLIER_GRADES)[number]

export const EARLIER_GRADE_LABELS: Readonly<Record<EarlierGrade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  adequate: 'Adequate',
  inadequate: 'Inadequate',
}

export const EARLIER_INSPECTION_TYPES = [
  'slac-inspection',
  'slac-safeguarding-reinspection',
  'slac-looked-after-reinspection',
  'child-protection-inspection',
  'child-protection-reinspection',
  'tlac-inspection',
] as const
export type EarlierInspectionType = (typeof EARLIER_INSPECTION_TYPES)[number]

/** What each framework graded: its overall effectiveness judgements, by the framework's own names. */
export const EARLIER_AREAS = ['safeguarding', 'looked-after-children', 'child-protection'] as const
export type EarlierArea = (typeof EARLIER_AREAS)[number]

export const EARLIER_AREA_LABELS: Readonly<Record<EarlierArea, string>> = {
  safeguarding: 'Safeguarding: overall effectiveness',
  'looked-after-children': 'Looked after children: overall effectiveness',
  'child-protection': 'Child protection: overall effectiveness',
}

export const EARLIER_FRAMEWORK_INFO: Readonly<
  Record<EarlierFramework, { readonly label: string; readonly types: readonly EarlierInspectionType[] }>
> = {
  slac: {
    label: 'Safeguarding and looked after children inspections (2009–2012), an earlier framework',
    types: ['slac-inspection', 'slac-safeguarding-reinspection', 'slac-looked-after-reinspection'],
  },
  'child-protection': {
    label: 'Inspections of arrangements for the protection of children (2012–2013), an earlier framework',
    types: ['child-protection-inspection', 'child-protection-reinspection'],
  },
  tlac: {
    label: 'Targeted inspections of looked after children (2013), an earlier framework',
    types: ['tlac-inspection'],
  },
}

export const EARLIER_TYPE_LABELS: Readonly<Record<EarlierInspectionType, string>> = {
  'slac-inspection': 'Safeguarding and looked after children inspection',
  'slac-safeguarding-reinspection': 'Safeguarding re-inspection',
  'slac-looked-after-reinspection': 'Looked after children re-inspection',
  'child-protection-inspection': 'Child protection inspection',
  'child-protection-reinspection': 'Child protection re-inspection',
  'tlac-inspection': 'Targeted looked after children inspection',
}

/** The framework an earlier inspection type belongs to. */
export function earlierFrameworkOf(type: EarlierInspectionType): EarlierFramework {
  return EARLIER_FRAMEWORKS.find((framework) => EARLIER_FRAMEWORK_INFO[framework].types.includes(type))!
}

/**
 * An earlier framework's grade in the register's words where the scales share the word
 * (outstanding, good, inadequate); null for "adequate", which has no equal on today's scale.
 */
export function registerGradeOf(grade: EarlierGrade | undefined): Grade | null {
  return grade === undefined || grade === 'adequate' ? null : grade
}

/** An inspection under an earlier framework, as the register holds it (history only). */
export interface EarlierInspection {
  readonly id: string
  readonly laCode: string
  readonly framework: EarlierFramework
  readonly inspectionType: EarlierInspectionType
  /** Null where the source did not say: Ofsted's 2009–2023 history gives publication dates only. */
  readonly inspectionStart: string | null
  readonly publishedOn: string | null
  readonly grades: Readonly<Partial<Record<EarlierArea, EarlierGrade>>>
  readonly sourceDetail: string
  readonly predecessor: string | null
  readonly recordedAt: Date
}
