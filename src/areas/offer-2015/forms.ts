import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { nameFields } from '../evidence/index.js'
import { CASE_SOURCES, PLAN_LETTER_ACCEPTS, PROGRESS_JUDGEMENTS, SEMINAR_REPLIES } from './types.js'

/** The forms and route inputs of the 2015 improvement offer (ADR 0008). */

export const laParams = z.object({ laCode: z.string() })
export const offerParams = z.object({ offerId: z.string() })
export const stepParams = z.object({ offerId: z.string(), step: z.string().max(40) })

const keys = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

export const openForm = defineForm({ judgementId: field.optionalText() })

export const stepForm = defineForm({
  step: field.required('Select the step'),
  doneOn: field.date('the date it was done'),
  note: field.text(),
  atRisk: field.yes(),
  version: field.version(),
})

export const replyForm = defineForm({
  reply: field.choice(keys(SEMINAR_REPLIES), 'Select whether the DCS accepted or declined'),
  repliedOn: field.date('the date of the reply'),
  seminarOn: field.optionalDate('the date agreed for the seminar'),
  persuasion: field.text(),
  version: field.version(),
})

export const seminarForm = defineForm({
  heldOn: field.date('the date of the seminar'),
  priorities: field.required('Enter the priorities agreed, one a line'),
  attendees: field.required('Enter the attendees from the LA, one a line'),
  evidence: field.text(),
  discussion: field.text(),
  recordSentOn: field.optionalDate('the date the record was sent to the DCS'),
  version: field.version(),
})

export const planLetterForm = defineForm({
  letter: field.choice(keys(PLAN_LETTER_ACCEPTS), 'Select the letter sent'),
  sentOn: field.date('the date the letter was sent'),
  differences: field.text(),
  version: field.version(),
})

export const progressForm = defineForm({
  onsite: field.date('the first day on site (day 6)'),
  judgement: field.optionalText(),
  version: field.version(),
})

/** The judgement as given, when it is one of the two (000#45). */
export function judgementOf(value: string | undefined) {
  return value && value in PROGRESS_JUDGEMENTS ? (value as keyof typeof PROGRESS_JUDGEMENTS) : undefined
}

/** An answer of "yes", "no" or not yet (blank) to a question about a case seen. */
const yesNo = () => field.text().transform((value) => (value === 'yes' ? true : value === 'no' ? false : null))

// The boxes' ids differ from the section's heading (#inspectors), or the first box's label would point at the heading.
export const inspectorsForm = defineForm({ inspectors: field.checkboxes() }, undefined, {
  anchors: { inspectors: 'named-inspectors' },
})

export const casesForm = defineForm({
  childIds: field.required('Enter the LA’s child IDs of the cases, one a line'),
  source: field.choice(keys(CASE_SOURCES), 'Select where the cases came from'),
  cse: field.yes(),
  laAudit: field.yes(),
})

export const caseForm = defineForm({
  caseId: field.required('Select a case of the sample'),
  standardsEvident: yesNo(),
  riskManaged: yesNo(),
})

export const caseRemoveForm = defineForm({ caseId: field.required('Select a case of the sample') })

export const concernForm = defineForm({
  childId: field.required('Enter the LA’s child ID of the case'),
  teamLocation: field.required('Enter the team or location of the case'),
  issues: field.required('Enter the issues of concern and their significance'),
  responseDue: field.date('the date the LA’s written response is due'),
  // The note goes to the LA: possible children's names are confirmed before it is saved (002#191).
  ...nameFields,
})

export const responseForm = defineForm({
  concernId: field.required('Select the case of concern'),
  response: field.required('Enter the LA’s written response'),
  respondedOn: field.date('the date the response was received'),
})

export const shortfallForm = defineForm({
  reason: field.required('Enter the reason the sample falls short'),
  version: field.version(),
})
