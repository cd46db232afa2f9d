import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { AGENDA_KEYS, type AgendaKey } from './types.js'

/** The forms and route inputs of the engagement area (ADR 0008). */

export const laParams = z.object({ laCode: z.string() })
export const selfEvaluationParams = z.object({ laCode: z.string(), selfEvaluationId: z.string() })
export const meetingParams = z.object({ engagementId: z.string() })

/** The fields of a self-evaluation, read from the multipart body (its files are read as they come). */
export const shareForm = defineForm({
  whatWeKnow: field.text(),
  howWeKnow: field.text(),
  plans: field.text(),
})

export const scheduleForm = defineForm({
  meetingOn: field.date('the date of the meeting'),
  jointWithEducation: field.yes(),
  ofstedAttendees: field.text(),
  laAttendees: field.text(),
})

export const agendaForm = defineForm({
  agendaItems: field
    .checkboxes()
    .transform((chosen) => chosen.filter((key): key is AgendaKey => (AGENDA_KEYS as readonly string[]).includes(key))),
  otherItems: field.text(),
  version: field.version(),
})

export const recordForm = defineForm({
  ofstedAttendees: field.required('Enter who attended from Ofsted'),
  laAttendees: field.required('Enter who attended from the local authority'),
  discussion: field.required('Enter a factual summary of the agenda items discussed'),
  version: field.version(),
})

export const letterForm = defineForm({
  sentOn: field.date('the date the letter was sent'),
  focusedVisitScope: field.required('Enter the possible scope of a future focused visit, or say there is none'),
  nextTiming: field.required('Enter the approximate timing of next year’s self-evaluation and meeting'),
  nextSteps: field.required('Enter the next steps agreed, or say there are none'),
  version: field.version(),
})
