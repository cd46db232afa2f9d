import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'
import { REPORT_FILES } from './paths.js'
import type { ThirdParty } from './types.js'

/** The forms and route inputs of the reports area (ADR 0008). */

export const activityParams = z.object({ activityId: z.string() })
export const sectionParams = z.object({ activityId: z.string(), section: z.string().regex(/^[a-z-]+$/) })
export const fileParams = z.object({
  activityId: z.string(),
  versionNumber: z.coerce.number().int().positive(),
  file: z.enum(REPORT_FILES),
})
/** A recipient's link token (256 bits, base64url); anything else is "Page not found". */
export const recipientLinkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
export const laFileParams = z.object({ activityId: z.string(), file: z.enum(REPORT_FILES) })

/** Which two versions to compare; absent or unreadable, the page picks the last two. */
export const compareQuery = z.object({
  from: z.coerce.number().int().positive().optional().catch(undefined),
  to: z.coerce.number().int().positive().optional().catch(undefined),
})

const MAX_SECTION = 20_000
const MAX_COMMENT = 5_000

const long = (max: number, what: string) =>
  field
    .text()
    .pipe(z.string().max(max, { error: `${what} must be ${max.toLocaleString('en-GB')} characters or fewer` }))

export const startForm = defineForm({})

export const sectionForm = defineForm({
  text: long(MAX_SECTION, 'The section'),
  subject: field.limited(200, 'The name must be 200 characters or fewer'),
  evidenceIds: field.checkboxes(),
  judgements: field.checkboxes(),
  note: field.limited(300, 'The note must be 300 characters or fewer'),
  version: field.version(),
})

export const versionForm = defineForm({ version: field.version() })

export const reviewCommentForm = defineForm({
  section: field.text(),
  comment: field
    .required('Enter your comment')
    .pipe(z.string().max(MAX_COMMENT, { error: `The comment must be ${MAX_COMMENT} characters or fewer` })),
})

export const reviewDecisionForm = defineForm({
  decision: field.choice(['return', 'approve', 'refer'], 'Select your decision'),
  note: long(MAX_COMMENT, 'The note'),
  version: field.version(),
})

export const faCommentForm = defineForm({
  anchor: field.required('Select the paragraph your comment is about'),
  correction: field
    .required('Enter the correction you ask for')
    .pipe(z.string().max(MAX_COMMENT, { error: `The correction must be ${MAX_COMMENT} characters or fewer` })),
  evidence: field
    .required('Enter the evidence for the correction')
    .pipe(z.string().max(MAX_COMMENT, { error: `The evidence must be ${MAX_COMMENT} characters or fewer` })),
})

export const faRemoveForm = defineForm({ commentId: field.required('Select the comment to remove') })

export const faResponseForm = defineForm({
  commentId: field.required('Select the comment you are answering'),
  response: field.choice(['accepted', 'not-accepted'], 'Select whether you accept the correction'),
  text: field
    .required('Enter the change you made, or why you do not accept it')
    .pipe(z.string().max(MAX_COMMENT, { error: `The answer must be ${MAX_COMMENT} characters or fewer` })),
})

export const faDisputeForm = defineForm({
  commentId: field.required('Select the answer you dispute'),
  reason: field
    .required('Enter why you dispute the answer')
    .pipe(z.string().max(MAX_COMMENT, { error: `The reason must be ${MAX_COMMENT} characters or fewer` })),
})

export const faDecisionForm = defineForm({
  commentId: field.required('Select the dispute you are deciding'),
  decision: field.choice(['upheld', 'correction-agreed'], 'Select your decision'),
  note: field
    .required('Enter the reason for your decision')
    .pipe(z.string().max(MAX_COMMENT, { error: `The reason must be ${MAX_COMMENT} characters or fewer` })),
})

/** The bodies with delegated functions the lead typed, row by row; a row without an email sends nothing. */
export function thirdPartiesOf(input: {
  readonly thirdPartyName: readonly string[]
  readonly thirdPartyEmail: readonly string[]
}): ThirdParty[] {
  return input.thirdPartyEmail.flatMap((email, row) =>
    email ? [{ name: input.thirdPartyName[row] ?? '', email }] : [],
  )
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
/** Whether a third party's row is wrong: its name too long, its email not an address. */
export const badThirdPartyName = (name: string) => name.length > 200
export const badThirdPartyEmail = (email: string) => Boolean(email) && !EMAIL.test(email)

export const embargoForm = defineForm(
  {
    publishAt: field.dateTime(
      'the publication date',
      'Enter the publication time as hour and minute, for example 00 01',
    ),
    // One row per body with delegated functions (ADR 0024: an LA may have two at once).
    thirdPartyName: field.rows(),
    thirdPartyEmail: field.rows(),
    careCouncilName: field.limited(200, 'The name must be 200 characters or fewer'),
    careCouncilEmail: field.required('Enter the email address of the Children in Care Council’s chair or worker'),
    partners: field.checkboxes(),
    version: field.version(),
  },
  (value, issue) => {
    if (value.thirdPartyName.some(badThirdPartyName))
      issue('thirdPartyName', 'The name must be 200 characters or fewer')
    if (value.thirdPartyEmail.some(badThirdPartyEmail))
      issue('thirdPartyEmail', 'Enter the third party’s email address in the correct format, like name@example.com')
    if (!EMAIL.test(value.careCouncilEmail))
      issue('careCouncilEmail', 'Enter the email address in the correct format, like name@example.com')
  },
)
