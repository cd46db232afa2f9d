import { z } from 'zod'
import { EVALUATION_HEADINGS, isEvaluationHeading } from '../../rules/evaluation-criteria.js'
import { EVIDENCE_ENTRY_PARTS } from '../../rules/evidence.js'
import { defineForm, field } from '../../web/forms.js'
import {
  isChildId,
  KIT_ATTENDEE_ROLES,
  type KitAttendeeRole,
  SIGNIFICANCE,
  type Significance,
  SOURCE_TYPES,
  type SourceType,
} from './fieldwork.js'
import type { NameConfirmation } from './types.js'

/** The forms and route inputs of the fieldwork records (ADR 0008). */

export const activityParams = z.object({ activityId: z.string() })
export const qaNoteParams = z.object({ activityId: z.string(), noteId: z.string() })
export const requestParams = z.object({ activityId: z.string(), rfiId: z.string() })
export const concernParams = z.object({ activityId: z.string(), concernId: z.string() })

/** The record's filters (and the heading a new entry starts under): anything unknown is no filter. */
export const recordQuery = z.object({
  heading: field.optionalText().transform((heading) => (heading && isEvaluationHeading(heading) ? heading : undefined)),
  inspector: field.optionalText(),
})
export type RecordQuery = z.output<typeof recordQuery>

const keys = <T extends string>(record: Readonly<Record<T, string>>) => Object.keys(record) as [T, ...T[]]

/**
 * A date input read only when another answer needs it (the date of a request the lead agrees):
 * its outcome, checked in the form's `check`, so a date left in a hidden box is never an error.
 */
function dateIfNeeded(label: string) {
  const date = field.optionalDate(label)
  return z
    .unknown()
    .optional()
    .transform((value): { date?: string; error?: string } => {
      const parsed = date.safeParse(value)
      return parsed.success ? { date: parsed.data } : { error: parsed.error.issues[0]?.message ?? `Enter ${label}` }
    })
}

/** The confirmation of possible names (002#191), on every form whose text the name check reads. */
export const nameFields = { confirmNames: field.yes(), namesFingerprint: field.text() }

/** What the inspector confirmed, from a form with the name fields. */
export function namesOf(input: { confirmNames: boolean; namesFingerprint: string }): NameConfirmation {
  return { confirmed: input.confirmNames, fingerprint: input.namesFingerprint }
}

const HEADING_IDS = EVALUATION_HEADINGS.map((heading) => heading.id) as [string, ...string[]]

export const entryForm = defineForm({
  headingId: field.choice(HEADING_IDS, 'Select the evaluation criteria heading the entry is evidence for'),
  evaluativeStatement: field.required(`Add ${EVIDENCE_ENTRY_PARTS[0]} (002#188)`),
  evidenceSummary: field.required(`Add ${EVIDENCE_ENTRY_PARTS[1]} (002#188)`),
  impact: field.required(`Add ${EVIDENCE_ENTRY_PARTS[2]} (002#188)`),
  sourceType: field.choice(keys<SourceType>(SOURCE_TYPES), 'Select the source of the evidence'),
  sourceDetail: field.text(),
  collectedOn: field.date('the date you collected the evidence'),
  collectedTime: field.time('Enter the time you collected the evidence in 24-hour time, for example 14 30'),
  caseIds: field.text(),
  significance: field
    .text()
    .transform((value) => value || 'none')
    .pipe(
      z.enum(keys<Significance>(SIGNIFICANCE), {
        error: 'Select whether the entry identifies a significant concern or outstanding practice',
      }),
    ),
  teamAgreed: field.yes(),
  ...nameFields,
})

export const qaNoteForm = defineForm({
  entryId: field.text(),
  note: field.required('Enter your note on the evidence record'),
})

export const resolveQaNoteForm = defineForm({
  resolution: field.required('Enter what was done about the note'),
})

const isKitAttendeeRole = (role: string): role is KitAttendeeRole => role in KIT_ATTENDEE_ROLES

export const kitMeetingForm = defineForm(
  {
    meetingOn: field.date('the date of the meeting'),
    attendeeRoles: field.checkboxes().transform((roles) => roles.filter(isKitAttendeeRole)),
    otherAttendees: field.text(),
    dcsDeclined: field.yes(),
    findingsShared: field.required('Enter the emerging findings shared with the local authority'),
    dcsClear: field.yes(),
    noSurprises: field.yes(),
    ...nameFields,
  },
  (value, issue) => {
    if (value.attendeeRoles.length === 0 && !value.otherAttendees)
      issue('attendeeRoles', 'Select who attended, by role')
  },
)

export const requestForm = defineForm({
  requestType: field.choice(['document', 'information'], 'Select whether you are asking for a document or information'),
  caseId: field.text().pipe(
    z.string().refine((caseId) => !caseId || isChildId(caseId), {
      error:
        'Enter the case ID as the local authority’s Child Unique ID, which contains at least one digit, or leave it blank',
    }),
  ),
  reason: field.required('Enter the reason for the request'),
  dateResponseRequired: field.date('the date the response is required'),
  ...nameFields,
})

export const agreeRequestForm = defineForm(
  {
    agree: field.choice(['yes', 'no'], 'Select whether to make the request').transform((agree) => agree === 'yes'),
    dateResponseRequired: dateIfNeeded('the date the response is required'),
    note: field.text(),
    version: field.version(),
  },
  (value, issue) => {
    const { date, error } = value.dateResponseRequired
    if (value.agree && (error || !date))
      issue('dateResponseRequired', error ?? 'Enter the date the response is required')
    if (!value.agree && !value.note)
      issue('note', 'Enter why the request is not needed, for example the information is already available (002#244)')
  },
  // The date is read only when the lead agrees; its error still links to its day box.
  { anchors: { dateResponseRequired: 'dateResponseRequired-day' } },
)

export const answerRequestForm = defineForm({
  response: field.required('Enter the local authority’s response'),
  version: field.version(),
})

export const decideRequestForm = defineForm(
  {
    decision: field.choice(['accepted', 'not-accepted'], 'Select whether to accept the response'),
    decisionNote: field.text(),
    version: field.version(),
  },
  (value, issue) => {
    if (value.decision === 'not-accepted' && !value.decisionNote)
      issue('decisionNote', 'Enter why the response is not accepted')
  },
)

export const concernForm = defineForm({
  caseId: field.text().pipe(
    z.string().min(1, { error: 'Enter the child’s Child Unique ID' }).refine(isChildId, {
      error: 'Enter the case ID as the local authority’s Child Unique ID, which contains at least one digit',
    }),
  ),
  teamLocation: field.required('Enter the team or location of the case'),
  issues: field.required('Enter the issues of concern'),
  significance: field.required('Enter your view of the significance of the concerns'),
  discussedWith: field.required('Enter who you raised the concern with (by role) and why it was not resolved'),
  ...nameFields,
})

export const escalateConcernForm = defineForm({
  formalNote: field.required('Enter the formal written note of the concerns for the local authority'),
  responseDue: field.date('the date for the written response'),
  version: field.version(),
  ...nameFields,
})

export const concernResponseForm = defineForm({
  response: field.required('Enter the local authority’s written response'),
  version: field.version(),
})

export const concernFindingsForm = defineForm({
  findings: field.required('Enter the findings to communicate to the local authority'),
  version: field.version(),
  ...nameFields,
})
