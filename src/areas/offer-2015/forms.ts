import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { PLAN_LETTER_ACCEPTS, PROGRESS_JUDGEMENTS, SEMINAR_REPLIES } from './types.js'

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
