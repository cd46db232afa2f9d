import { z } from 'zod'
import { defineForm, field, type Form } from '../../web/forms.js'
import { regionFilter } from '../../web/list-filters.js'
import {
  FRAMEWORK_INFO,
  type Framework,
  type Grade,
  isFramework,
  isGrade,
  JUDGEMENT_ACTIVITY_TYPES,
  type JudgementArea,
} from './frameworks.js'
import { DELIVERY_BASES, DELIVERY_EXTENTS, DELIVERY_KINDS } from './delivery.js'
import { JUDGEMENT_MESSAGES } from './judgement-input.js'
import type { JudgementCorrection, RegisterJudgementInput, RegisterQuery } from './types.js'

/** The forms and route inputs of the register (ADR 0008). */

export const laParams = z.object({ laCode: z.string() })
export const judgementParams = z.object({ laCode: z.string(), recordId: z.string() })

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** The message for a month filter the service cannot read, such as `2027-13`. */
export const MONTH_FILTER_MESSAGE = 'Enter a month as the year and the month, for example 2027-03'

/**
 * The register's filters (region, grade, pathway, due month, overdue, search) from a query
 * string; a value of a list that is not on it is simply not a filter, but a month typed in a form
 * the service cannot read is kept with an error message, never silently ignored (issue 10). The
 * programme planner reads the same ones.
 */
export const registerListQuery = z
  .object({
    q: field.optionalText(),
    region: field.optionalText(),
    grade: field.optionalText(),
    pathway: field.optionalText(),
    due: field.optionalText(),
    overdue: field.yes(),
  })
  .transform((query): RegisterQuery => ({
    search: query.q,
    regionCode: query.region,
    grade: query.grade === 'none' || (query.grade && isGrade(query.grade)) ? query.grade : undefined,
    pathway:
      query.pathway === '1' || query.pathway === '2' || query.pathway === '3'
        ? (Number(query.pathway) as 1 | 2 | 3)
        : undefined,
    dueMonth: query.due && MONTH.test(query.due) ? query.due : undefined,
    overdueOnly: query.overdue,
    invalid: invalidFilters(query),
  }))

/**
 * The filters typed or sent that the service cannot read (issue 10: never silently ignored): the
 * page says what is wrong with each, with a 400, and lists the LAs without it.
 */
function invalidFilters(query: { region?: string; grade?: string; pathway?: string; due?: string }) {
  const invalid: Record<string, { value: string; message: string }> = {}
  if (query.due && !MONTH.test(query.due)) invalid.due = { value: query.due, message: MONTH_FILTER_MESSAGE }
  const region = regionFilter(query.region)
  if (query.region && region.error) invalid.region = { value: query.region, message: region.error }
  if (query.grade && query.grade !== 'none' && !isGrade(query.grade))
    invalid.grade = { value: query.grade, message: 'Select a grade from the list' }
  if (query.pathway && !['1', '2', '3'].includes(query.pathway))
    invalid.pathway = { value: query.pathway, message: 'Select a pathway from the list' }
  return Object.keys(invalid).length ? invalid : undefined
}

/** `?recorded=1` after a judgement is saved. */
export const showQuery = z.object({ recorded: field.text().transform((value) => value === '1') })

/**
 * `?framework=` of the new-judgement page: none yet is the first visit (choose one); one that
 * is not a framework is refused.
 */
export const newJudgementQuery = z.object({ framework: z.unknown().optional() }).transform(({ framework }) => {
  const chosen = typeof framework === 'string' && isFramework(framework) ? framework : undefined
  return { framework: chosen, refused: framework !== undefined && !chosen }
})

/** Recording a judgement posts to the address of its framework's form: without one there is no form. */
export const recordJudgementQuery = z
  .object({
    framework: z.string().refine(isFramework, { error: 'Choose the framework the inspection was made under' }),
  })
  .transform(({ framework }) => ({ framework: framework as Framework, refused: false }))

const DATE_LABELS = {
  inspectionStart: 'the first day of the inspection',
  inspectionEnd: 'the last day of the inspection',
  publishedOn: 'the date the report was published',
} as const

/** An area's grade radios: one of the four-point scale, or "Not graded" where the area may be left out. */
function gradeField(area: JudgementArea) {
  return field.text().transform((value, context): Grade | undefined => {
    const fail = (message: string) => {
      context.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (value === '' || value === 'not-graded')
      return area.required ? fail(JUDGEMENT_MESSAGES.gradeMissing(area)) : undefined
    return isGrade(value) ? value : fail(JUDGEMENT_MESSAGES.gradeOffScale(area))
  })
}

/** Two forms read from one body: it is accepted when both accept it, else their errors together, in order. */
function both<A, B, T>(first: Form<A>, second: Form<B>, join: (a: A, b: B) => T): Form<T> {
  return {
    anchors: { ...first.anchors, ...second.anchors },
    parse(body) {
      const a = first.parse(body)
      const b = second.parse(body)
      if (a.ok && b.ok) return { ok: true, value: join(a.value, b.value), values: a.values }
      return { ok: false, errors: { ...(a.ok ? {} : a.errors), ...(b.ok ? {} : b.errors) }, values: a.values }
    },
  }
}

/**
 * The judgement form of a framework: the type of inspection and its dates, then a grade for each
 * of the framework's areas. The publication date may not be after `today()` (asked at each
 * parse, so it is the clock's day).
 */
function judgementForm(framework: Framework, today: () => string): Form<RegisterJudgementInput> {
  const areas = FRAMEWORK_INFO[framework].areas
  const details = defineForm({
    activityType: field.choice(JUDGEMENT_ACTIVITY_TYPES, JUDGEMENT_MESSAGES.activityType),
    inspectionStart: field.date(DATE_LABELS.inspectionStart),
    inspectionEnd: field.date(DATE_LABELS.inspectionEnd),
    publishedOn: field
      .date(DATE_LABELS.publishedOn)
      .pipe(z.string().refine((date) => date <= today(), JUDGEMENT_MESSAGES.publishedInFuture)),
  })
  const gradeFields: Record<string, ReturnType<typeof gradeField>> = {}
  for (const area of areas) gradeFields[`grade-${area.key}`] = gradeField(area)
  const form = both(details, defineForm(gradeFields), (value, chosen) => {
    const grades: Record<string, Grade> = {}
    for (const area of areas) {
      const grade = chosen[`grade-${area.key}`]
      if (grade) grades[area.key] = grade
    }
    return { framework, ...value, grades }
  })
  // The publication date's check makes a new schema, so its error is linked to its day box here.
  return { ...form, anchors: { ...form.anchors, publishedOn: 'publishedOn-day' } }
}

const reasonForm = defineForm({ correctionReason: field.required(JUDGEMENT_MESSAGES.correctionReason) })

/** The correction form: the judgement form, then why the judgement is being corrected. */
function correctionForm(framework: Framework, today: () => string): Form<JudgementCorrection> {
  return both(judgementForm(framework, today), reasonForm, (judgement, { correctionReason }) => ({
    ...judgement,
    reason: correctionReason,
  }))
}

/** The judgement forms of each framework, for recording and for correcting a judgement. */
export function judgementForms(today: () => string) {
  return {
    record: (framework: Framework) => judgementForm(framework, today),
    correct: (framework: Framework) => correctionForm(framework, today),
  }
}

export const deliveryParams = z.object({ laCode: z.string(), deliveryBodyId: z.string() })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

/** A body that runs the LA's children's services under delegated functions (002#227-237). */
export const deliveryForm = defineForm({
  name: field
    .limited(200, 'The name must be 200 characters or fewer')
    .pipe(z.string().min(1, { error: 'Enter the name of the body, for example Slough Children First' })),
  kind: field.choice(keysOf(DELIVERY_KINDS), 'Select what kind of body it is'),
  basis: field.choice(keysOf(DELIVERY_BASES), 'Select whether the arrangement is voluntary or follows a direction'),
  directionId: field.text().transform((value) => value || null),
  extent: field.choice(keysOf(DELIVERY_EXTENTS), 'Select whether all or some functions are delegated'),
  functions: field.required('Enter the functions the body runs, for example children’s social care'),
  email: field
    .text()
    .pipe(
      z
        .string()
        .regex(EMAIL, { error: 'Enter an email address in the correct format, like name@example.org.uk' })
        .or(z.literal('')),
    ),
  since: field.date('the date the body started running the functions'),
  until: field.optionalDate('the date the arrangement ended'),
  version: field.version(),
})
