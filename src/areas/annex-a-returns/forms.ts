import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { pageFilter } from '../../web/list-filters.js'

/** The forms and route inputs of the Annex A returns area (ADR 0008). */

export const activityParams = z.object({ activityId: z.string() })
export const returnParams = z.object({ activityId: z.string(), returnId: z.string() })
export const documentParams = z.object({ activityId: z.string(), documentId: z.string() })

/** A list number from a filter, or undefined for anything that is not one. */
const listNumber = () =>
  field.optionalText().transform((value) => {
    const list = Number(value)
    return value && Number.isInteger(list) ? list : undefined
  })

/** The fields an upload of a document sends before its file. */
export const documentUploadFields = z.object({ item: field.text() })

/** The filters of a return's findings, and whether the upload was the same file again. */
export const returnQuery = z.object({
  list: listNumber(),
  severity: field.optionalText(),
  rule: field.optionalText(),
  // Anything but a page number is page 1, and a page past the last is the last: like the filters,
  // an edited address shows the findings rather than an error.
  page: field.optionalText().transform((value) => pageFilter(value, 5).page),
  duplicate: field.text().transform((value) => value === '1'),
})

/** The case sample's search: anything unknown is simply not a filter. */
export const caseSampleQuery = z.object({
  factor: field.optionalText(),
  threshold: field.optionalText(),
  list: listNumber(),
  childId: field.optionalText(),
})

/** Children ticked in the table and typed as a list (commas, spaces or semicolons between). */
export const addToSampleForm = defineForm(
  {
    childId: field.checkboxes(),
    childIds: field.text().transform((typed) => typed.split(/[\s,;]+/).filter(Boolean)),
    reason: field.text(),
  },
  (value, issue) => {
    if (value.childId.length === 0 && value.childIds.length === 0)
      issue('childIds', 'Enter or choose at least one child ID')
  },
)

export const removeFromSampleForm = defineForm({
  childId: field.required('That child is not in the case sample'),
})

/** The children whose already-audited cases the lead asks for; how many is the service's rule (002#258). */
export const auditedCasesForm = defineForm({
  audited: field.checkboxes(),
})
