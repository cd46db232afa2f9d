import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { LETTER_COPIES, PROGRESS_LEVELS, RECOMMENDATION_KINDS, REINSPECTION_KINDS, REVIEW_OUTCOMES } from './types.js'

// The forms and route inputs of the monitoring area (ADR 0008).

export const laParams = z.object({ laCode: z.string() })
export const programmeParams = z.object({ programmeId: z.string() })
export const planFileParams = z.object({ programmeId: z.string(), versionNumber: z.coerce.number().int().positive() })

const keys = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

const threeDates = {
  prePublication: field.optionalDate('the date the LA received the pre-publication copy'),
  finalReport: field.optionalDate('the date the LA received the final report'),
  publication: field.optionalDate('the date the report was published'),
}

export const openForm = defineForm(threeDates)

export const datesForm = defineForm({ ...threeDates, version: field.version() })

/** Taking the items from the published report: nothing to fill in. */
export const fromReportForm = defineForm({})

export const recommendationForm = defineForm({
  kind: field.choice(
    keys(RECOMMENDATION_KINDS),
    'Select whether it is a recommendation or an area for priority action',
  ),
  text: field.required('Enter the recommendation as the report words it'),
})

export const letterForm = defineForm({
  letterCopies: field.choice(keys(LETTER_COPIES), 'Select who the letter is copied to'),
  sentOn: field.date('the date the letter was sent'),
  version: field.version(),
})

export const visitForm = defineForm({
  visitOn: field.date('the date of the action planning visit'),
  agendaCirculatedOn: field.optionalDate('the date the final agenda was circulated'),
  version: field.version(),
})

export const recordForm = defineForm({
  attendees: field.required('Enter who attended'),
  discussion: field.required('Enter the details of the discussion'),
  planning: field.text(),
  recordSentOn: field.date('the date the record was sent to the DCS'),
  version: field.version(),
})

export const reviewForm = defineForm({
  outcome: field.choice(keys(REVIEW_OUTCOMES), 'Select what the review found'),
  letterSentOn: field.date('the date the letter was sent'),
  differences: field.text(),
  discussedOn: field.optionalDate('the date of the discussion with the DCS'),
})

export const decisionForm = defineForm({
  decidedOn: field.date('the date of the decision'),
  decisionKind: field.choice(keys(REINSPECTION_KINDS), 'Select a full re-inspection or a post-monitoring inspection'),
  input1: field.text(),
  input2: field.text(),
  input3: field.text(),
  input4: field.text(),
  input5: field.text(),
  reasons: field.required('Enter the reasons for the decision'),
  laToldOn: field.optionalDate('the date the LA was told'),
  version: field.version(),
})

export const declinedForm = defineForm({
  declinedOn: field.date('the date the LA declined'),
  said: field.required('Enter what the LA said'),
  persuasion: field.required('Enter what was done to persuade the LA to agree'),
  version: field.version(),
})

export const acceptedForm = defineForm({
  acceptedOn: field.date('the date the LA accepted'),
  version: field.version(),
})

export const leadForm = defineForm({
  leadInspectorId: field.optionalText(),
  version: field.version(),
})

export const progressForm = defineForm({
  recommendationId: field.required('Select the recommendation'),
  activityId: field.optionalText(),
  assessedOn: field.date('the date progress was assessed'),
  progress: field.choice(keys(PROGRESS_LEVELS), 'Select the progress seen'),
  note: field.text(),
})
