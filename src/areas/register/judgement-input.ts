import type { FieldErrors } from '../../web/legacy-forms.js'
import {
  FRAMEWORK_INFO,
  type Framework,
  type Grade,
  isFramework,
  isGrade,
  isJudgementActivityType,
  type JudgementActivityType,
} from './frameworks.js'

/** What a director enters to record a judgement, before it is checked. */
export interface JudgementForm {
  readonly framework: string
  readonly activityType: string
  readonly inspectionStart: string | undefined
  readonly inspectionEnd: string | undefined
  readonly publishedOn: string | undefined
  readonly grades: Readonly<Record<string, string>>
}

export interface ValidJudgement {
  readonly framework: Framework
  readonly activityType: JudgementActivityType
  readonly inspectionStart: string
  readonly inspectionEnd: string
  readonly publishedOn: string
  readonly grades: Readonly<Record<string, Grade>>
}

export interface JudgementContext {
  readonly today: string
  /** The LA's current judgement before this one, if any (for SIF re-inspections, 002#22 fn 4). */
  readonly previous: { readonly framework: Framework; readonly grades: Readonly<Record<string, Grade>> } | undefined
}

/**
 * Check a recorded judgement. Messages follow the GOV.UK pattern and name the rule where one
 * applies. Date fields already carry their own errors (from readDate) when unreadable.
 */
export function checkJudgement(
  form: JudgementForm,
  context: JudgementContext,
  errors: FieldErrors,
): ValidJudgement | undefined {
  if (!isFramework(form.framework)) {
    errors.framework = 'Select the inspection framework'
    return undefined
  }
  const info = FRAMEWORK_INFO[form.framework]
  if (!isJudgementActivityType(form.activityType)) {
    errors.activityType = 'Select the type of inspection'
  } else if (!info.activityTypes.includes(form.activityType)) {
    errors.activityType = `A ${info.label} judgement comes from ${info.activityTypes.length === 1 ? 'a' : 'one of'}: ${info.activityTypes.join(', ')}`
  }

  const { inspectionStart: start, inspectionEnd: end, publishedOn: published } = form
  if (start && end && end < start)
    errors.inspectionEnd = 'The last day of the inspection must be the same as or after the first day'
  if (end && published && published < end)
    errors.publishedOn = 'The report must be published on or after the last day of the inspection'
  if (published && published > context.today)
    errors.publishedOn =
      'The publication date must be today or in the past: record a judgement once its report is published'
  if (start && start < info.from) {
    errors.framework = `${info.label} applies to inspections from ${info.from}; this inspection started on ${start}`
  } else if (start && info.to && start > info.to) {
    // 002#22 fn 4: an LA judged inadequate under the SIF is usually re-inspected under the SIF.
    const reinspection =
      form.framework === 'sif' &&
      context.previous?.framework === 'sif' &&
      context.previous.grades.overall === 'inadequate'
    if (!reinspection) {
      errors.framework = `${info.label} ended on ${info.to}. Choose the framework in force when the inspection started, unless this is a re-inspection of an LA judged inadequate under the single inspection framework (002#22 footnote 4)`
    }
  }

  const grades: Record<string, Grade> = {}
  for (const area of info.areas) {
    const value = form.grades[area.key] ?? ''
    if (value === '' || value === 'not-graded') {
      if (area.required) errors[`grade-${area.key}`] = `Select the grade for ${lowerFirst(area.label)}`
      continue
    }
    if (!isGrade(value)) {
      errors[`grade-${area.key}`] = `Select a grade on the four-point scale for ${lowerFirst(area.label)} (002#97)`
      continue
    }
    grades[area.key] = value
  }

  if (Object.keys(errors).length > 0 || !start || !end || !published || !isJudgementActivityType(form.activityType))
    return undefined
  return {
    framework: form.framework,
    activityType: form.activityType,
    inspectionStart: start,
    inspectionEnd: end,
    publishedOn: published,
    grades,
  }
}

function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text.charAt(0).toLowerCase() + text.slice(1)
}
