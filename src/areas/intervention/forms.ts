import { z } from 'zod'
import { INTERVENTION_STEPS } from '../../rules/intervention-record.js'
import { INTERVENTION_FORMS } from '../../rules/intervention.js'
import { CHECKLISTS } from '../../rules/intervention-checklists.js'
import { defineForm, field } from '../../web/forms.js'
import { RECORDED_CONCERN_KINDS, REPORT_SOURCES } from './types.js'

/** The forms and route inputs of the intervention area (ADR 0008). */

export const laParams = z.object({ laCode: z.string() })
export const interventionParams = z.object({ interventionId: z.string() })
export const triggerParams = z.object({ laCode: z.string(), triggerId: z.string() })
export const minutesParams = z.object({ interventionId: z.string(), boardMeetingId: z.string() })
export const reportParams = z.object({ interventionId: z.string(), reportId: z.string() })

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const keys = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

export const openForm = defineForm({
  dfeToldOn: field.date('the date the DfE was told of the outcome'),
  note: field.text(),
})

export const stepForm = defineForm({
  step: field.choice(
    INTERVENTION_STEPS.map((step) => step.key) as [InterventionStepKey, ...InterventionStepKey[]],
    'Choose the step to record',
  ),
  happenedOn: field.date('the date of the step'),
  note: field.text(),
  version: field.version(),
})
type InterventionStepKey = (typeof INTERVENTION_STEPS)[number]['key']

type FormKey = (typeof INTERVENTION_FORMS)[number]['key']

export const instrumentForm = defineForm({
  form: field.choice(
    INTERVENTION_FORMS.map((form) => form.key) as [FormKey, ...FormKey[]],
    'Select the form of intervention',
  ),
  issuer: field.required('Enter who issued it, for example the Minister of State for Children and Families'),
  consultedOn: field.optionalDate('the date the council was consulted'),
  issuedOn: field.date('the date it was issued'),
  publishedOn: field.optionalDate('the date it was published'),
  basis: field.text(),
  areasOfImprovement: field.required('Enter the areas of improvement it covers'),
  improvementsRequired: field.required('Enter what must improve'),
  assessment: field.required('Enter how and when improvement will be assessed'),
  assessBy: field.optionalDate('the date of the assessment'),
  ifNotAchieved: field.required('Enter what follows if improvement is not achieved'),
})

export const boardForm = defineForm(
  {
    chairName: field.required('Enter the name of the chair'),
    chairIndependent: field.yes(),
    members: field.text(),
    setUpOn: field.date('the date the board was set up'),
    adviserKind: field.choice(
      ['none', 'adviser', 'commissioner'],
      'Select whether an adviser or commissioner is named',
    ),
    adviserName: field.text(),
    version: field.version(),
  },
  (value, issue) => {
    if (value.adviserKind !== 'none' && !value.adviserName)
      issue('adviserName', 'Enter the name of the adviser or commissioner')
  },
)

export const reportForm = defineForm({
  title: field.required('Enter what the report is, for example “Commissioner’s first report”'),
  dueFrom: field.choice(keys(REPORT_SOURCES), 'Select who the report is due from'),
  ownerEmail: field
    .text()
    .pipe(
      z
        .string()
        .regex(EMAIL, { error: 'Enter an email address in the correct format, like name@example.gov.uk' })
        .or(z.literal('')),
    ),
  dueOn: field.date('the date the report is due'),
})

/** The fields of a board meeting's upload, read from the multipart body before the file. */
export const meetingForm = defineForm({
  metOn: field.date('the date of the meeting'),
  summary: field.text(),
})

export const receiveForm = defineForm({
  receivedOn: field.date('the date the report was received'),
})

export const concernForm = defineForm({
  kind: field.choice(keys(RECORDED_CONCERN_KINDS), 'Select what happened'),
  notedOn: field.date('the date it was recorded'),
  note: field.required('Enter what happened, in a sentence or two'),
})

/** Marking a recorded trigger resolved: on the day it is marked (one button per trigger). */
export const resolveForm = defineForm({})

/** One answer to one item of the LA's checklists (004, G6): one small form per item on the page. */
export const checklistForm = defineForm({
  list: field.choice(keys(CHECKLISTS), 'Choose a checklist'),
  item: field.text(),
  degree: field.optionalText(),
  answer: field.limited(5000, 'Your answer must be 5,000 characters or fewer'),
})
