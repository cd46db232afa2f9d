import { z } from 'zod'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import type { DeferralReason } from '../../rules/pathways.js'
import { defineForm, field } from '../../web/forms.js'
import { DIRECT_PLAN_TYPES, isPlannableType, TEAM_ROLES } from './activity-types.js'
import { type ActivityStatus, STATUSES } from './lifecycle.js'
import { NOTICE_ROLES } from './activity-types.js'

/** The forms and route inputs of the activities area (ADR 0008). */

export const activityParams = z.object({ activityId: z.string() })
export const feedParams = z.object({ token: z.string() })

/** The list's filters: anything unknown is simply not a filter. */
export const listQuery = z.object({
  mine: field.yes(),
  status: field
    .optionalText()
    .transform((status) =>
      status && (STATUSES as readonly string[]).includes(status) ? (status as ActivityStatus) : undefined,
    ),
  // An unknown type is no filter at all, as an unknown status is.
  type: field.optionalText().transform((type) => (type && isPlannableType(type) ? type : undefined)),
})

/** The planning form can be opened with an LA and type chosen (from the register or the programme). */
export const planQuery = z.object({ laCode: field.optionalText(), type: field.optionalText() })

const topics = FOCUSED_VISIT_TOPICS.topics as readonly string[]

export const planForm = defineForm(
  {
    laCode: field.required('Select the local authority'),
    type: field.choice(DIRECT_PLAN_TYPES, 'Select the type of inspection or visit'),
    topics: field.checkboxes().transform((chosen) => chosen.filter((topic) => topics.includes(topic))),
    variant: field.text().transform((value) => (value === 'wed-thu' ? ('wed-thu' as const) : null)),
    onsiteStart: field.date('the first day on site'),
  },
  (value, issue) => {
    if (value.type === 'focused-visit' && value.topics.length === 0)
      issue('topics', 'Select at least one topic for the focused visit (002#106)')
  },
)

const DEFERRAL_REASONS = [
  'risk-to-staff',
  'evidence-gathering-severely-restricted',
  'dcs-absence',
  'staff-absence',
] as const satisfies readonly DeferralReason[]

export const statusForm = defineForm({
  to: field.choice(STATUSES, 'Choose what to do next'),
  deferralReason: field
    .text()
    .transform((value) =>
      (DEFERRAL_REASONS as readonly string[]).includes(value) ? (value as DeferralReason) : undefined,
    ),
  note: field.text(),
  version: field.version(),
})

export const onsiteForm = defineForm({
  onsiteStart: field.date('the new first day on site'),
  reason: field.required('Enter why the date is changing'),
  version: field.version(),
})

/** Re-planning a deferred activity: its new first day on site (C5, as when planning) and why. */
export const replanForm = defineForm({
  onsiteStart: field.date('the new first day on site'),
  reason: field.required('Enter why the activity is being re-planned'),
  version: field.version(),
})

export const teamMemberForm = defineForm({
  userId: field.required('Select an Ofsted inspector or manager'),
  teamRole: field.choice(TEAM_ROLES, 'Select a role on the team'),
  days: field.checkboxes(),
})

export const teamRemoveForm = defineForm({
  userId: field.required('That person is not on the team'),
})

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const contactForm = defineForm({
  contactRole: field.choice(['dcs', 'link-person'], 'Select who this is'),
  name: field.required('Enter their name'),
  email: field
    .text()
    .pipe(z.string().regex(EMAIL, { error: 'Enter an email address in the correct format, like name@example.gov.uk' })),
  phone: field.text(),
})

export const noticeForm = defineForm({
  calledAt: field.dateTime('the date of the call', 'Enter the time of the call in 24-hour time, for example 9 15'),
  spokeToRole: field.choice(NOTICE_ROLES, 'Select who you spoke to'),
  spokeToName: field.required('Enter the name of the person you spoke to'),
  notes: field.text(),
  version: field.version(),
})
