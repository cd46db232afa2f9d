import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { GRADES, type JudgementArea } from '../register/index.js'
import { ATTENDEE_ROLES, type AttendeeRole, SET_OUT_ITEMS, type SetOutKey } from './feedback.js'
import {
  FINDING_KINDS,
  isPriorityActionGround,
  MAX_FINDING_TEXT,
  type PriorityActionGround,
} from './focused-visit-findings.js'
import { lowerFirst } from './records.js'

/** The forms and route inputs of the judgements area (ADR 0008). */

export const activityParams = z.object({ activityId: z.string() })
export const judgementParams = z.object({ activityId: z.string(), judgement: z.string() })

const wholeNumber = () =>
  field.optionalText().transform((value) => {
    const number = Number(value)
    return value && Number.isInteger(number) && number >= 0 ? number : undefined
  })

/** The "how many of how many cases" of a judgement page's descriptor check (E9): anything else is ignored. */
export const descriptorQuery = z.object({ cases: wholeNumber(), of: wholeNumber() })

const MAX_RATIONALE = 10_000

/** One judgement's form (002#96-98): its grade, rationale and the headings of its area (E2). */
export function judgementForm(area: JudgementArea, headings: ReadonlyArray<{ id: string }>) {
  const allowed = new Set(headings.map((heading) => heading.id))
  return defineForm({
    grade: field.choice(GRADES, `Select the grade for ${lowerFirst(area.label)} (002#97)`),
    rationale: field.required('Enter the rationale for the judgement').pipe(
      z.string().max(MAX_RATIONALE, {
        error: `The rationale must be ${MAX_RATIONALE.toLocaleString('en-GB')} characters or fewer`,
      }),
    ),
    evidenceHeadings: field.checkboxes().refine((ids) => ids.every((id) => allowed.has(id)), {
      error: 'Select evaluation criteria headings from the list',
    }),
    /** 'yes', 'no' or not answered (002#101, #241). */
    leadersUnderstandFailure: field
      .text()
      .transform((value) => (value === 'yes' ? true : value === 'no' ? false : null)),
    version: field.version(),
  })
}

export const confirmJudgementsForm = defineForm({
  reason: field.text(),
  version: field.version(),
})

export const findingForm = defineForm({
  kind: field.choice(FINDING_KINDS, 'Select the kind of finding'),
  text: field
    .required('Enter the finding')
    .pipe(z.string().max(MAX_FINDING_TEXT, { error: `The finding must be ${MAX_FINDING_TEXT} characters or fewer` })),
  // Whether a priority action has its ground is the rule's (002#109, `checkFinding`).
  ground: field
    .text()
    .transform((value): PriorityActionGround | null => (isPriorityActionGround(value) ? value : null)),
  version: field.version(),
})

export const removeFindingForm = defineForm({
  findingId: field.text(),
  version: field.version(),
})

export const confirmFindingsForm = defineForm({
  noPriorityActions: field.yes(),
  version: field.version(),
})

const sideOf = (role: string) => ATTENDEE_ROLES.find((candidate) => candidate.key === role)?.side

/** The feedback meeting's form (E5); a standard or short inspection also asks whether the DCS was told first. */
export function feedbackForm(graded: boolean) {
  return defineForm({
    heldOn: field.date('the date of the meeting'),
    durationMinutes: field.required('Enter how long the meeting lasted, in minutes').transform((value, context) => {
      const minutes = /^\d{1,3}$/.test(value) ? Number(value) : NaN
      if (minutes >= 1 && minutes <= 600) return minutes
      context.addIssue({
        code: 'custom',
        message: 'Enter how long the meeting lasted as a whole number of minutes, for example 55',
      })
      return z.NEVER
    }),
    attendees: field.checkboxes().transform((chosen, context) => {
      const attendees = chosen.filter((role): role is AttendeeRole => sideOf(role) !== undefined)
      const missing = !attendees.some((role) => sideOf(role) === 'la')
        ? 'Select who attended from the local authority'
        : !attendees.some((role) => sideOf(role) === 'ofsted')
          ? 'Select who attended from Ofsted'
          : undefined
      if (!missing) return attendees
      context.addIssue({ code: 'custom', message: missing })
      return z.NEVER
    }),
    otherAttendees: field.text(),
    dcsToldBefore: graded
      ? field
          .choice(['yes', 'no'], 'Select whether the DCS heard the provisional judgements before the meeting')
          .transform((value): boolean | null => value === 'yes')
      : field.text().transform((): boolean | null => null),
    judgementsGiven: field.checkboxes(),
    setOut: field
      .checkboxes()
      .transform((keys) => keys.filter((key): key is SetOutKey => SET_OUT_ITEMS.some((item) => item.key === key))),
    notes: field.text(),
  })
}
