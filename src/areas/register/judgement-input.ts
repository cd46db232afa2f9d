import { FRAMEWORK_INFO, type Framework, type Grade, isGrade, type JudgementArea } from './frameworks.js'
import type { RegisterJudgementInput } from './types.js'
import { formatDate } from '../../rules/calendar/dates.js'

/**
 * The rules a recorded judgement must meet, in GOV.UK-pattern messages that name the rule where
 * one applies. The form (forms.ts) says the same things about what it can check on its own, so
 * its messages come from here too.
 */
export const JUDGEMENT_MESSAGES = {
  activityType: 'Select the type of inspection',
  publishedInFuture:
    'The publication date must be today or in the past: record a judgement once its report is published',
  correctionReason: 'Enter why the judgement is being corrected',
  gradeMissing: (area: JudgementArea) => `Select the grade for ${lowerFirst(area.label)}`,
  gradeOffScale: (area: JudgementArea) =>
    `Select a grade on the four-point scale for ${lowerFirst(area.label)} (002#97)`,
}

export interface JudgementContext {
  readonly today: string
  /** The LA's current judgement before this one, if any (for SIF re-inspections, 002#22 fn 4). */
  readonly previous: { readonly framework: Framework; readonly grades: Readonly<Record<string, Grade>> } | undefined
}

/** The judgement as it will be stored (grades of the framework's areas only), or what is wrong with it. */
export interface JudgementCheck {
  readonly judgement: RegisterJudgementInput | undefined
  /** Field → message; empty when the judgement is accepted. */
  readonly errors: Readonly<Record<string, string>>
}

/** Check a judgement against its framework, the dates and today. */
export function checkJudgement(input: RegisterJudgementInput, context: JudgementContext): JudgementCheck {
  const errors: Record<string, string> = {}
  const info = FRAMEWORK_INFO[input.framework]
  if (!info.activityTypes.includes(input.activityType)) {
    errors.activityType = `A ${info.label} judgement comes from ${info.activityTypes.length === 1 ? 'a' : 'one of'}: ${info.activityTypes.join(', ')}`
  }

  const { inspectionStart: start, inspectionEnd: end, publishedOn: published } = input
  if (end < start) errors.inspectionEnd = 'The last day of the inspection must be the same as or after the first day'
  if (published < end) errors.publishedOn = 'The report must be published on or after the last day of the inspection'
  if (published > context.today) errors.publishedOn = JUDGEMENT_MESSAGES.publishedInFuture
  if (start < info.from) {
    errors.framework = `${info.label} applies to inspections from ${formatDate(info.from)}; this inspection started on ${formatDate(start)}`
  } else if (info.to && start > info.to) {
    // 002#22 fn 4: an LA judged inadequate under the SIF is usually re-inspected under the SIF.
    const reinspection =
      input.framework === 'sif' &&
      context.previous?.framework === 'sif' &&
      context.previous.grades.overall === 'inadequate'
    if (!reinspection) {
      errors.framework = `${info.label} ended on ${formatDate(info.to)}. Choose the framework in force when the inspection started, unless this is a re-inspection of an LA judged inadequate under the single inspection framework (002#22 footnote 4)`
    }
  }

  const grades: Record<string, Grade> = {}
  for (const area of info.areas) {
    const grade: string | undefined = input.grades[area.key]
    if (grade === undefined) {
      if (area.required) errors[`grade-${area.key}`] = JUDGEMENT_MESSAGES.gradeMissing(area)
    } else if (!isGrade(grade)) {
      errors[`grade-${area.key}`] = JUDGEMENT_MESSAGES.gradeOffScale(area)
    } else grades[area.key] = grade
  }

  if (Object.keys(errors).length > 0) return { judgement: undefined, errors }
  const { framework, activityType } = input
  return {
    judgement: { framework, activityType, inspectionStart: start, inspectionEnd: end, publishedOn: published, grades },
    errors,
  }
}

function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text.charAt(0).toLowerCase() + text.slice(1)
}
