import { z } from 'zod'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { defineForm, field } from '../../web/forms.js'
import { isPlannableType, PLANNABLE_TYPES } from '../activities/index.js'
import { registerQueryFrom } from '../register/index.js'

/** The forms and route inputs of the programme area (ADR 0008). */

export const MONTH_COUNTS = [3, 6, 12, 24] as const
export const WEEK_COUNTS = [4, 8, 13, 26] as const

/** A query-string value as text, or undefined: anything unknown is simply not a filter. */
const param = field.optionalText()

/** The register's filters, the first month (`YYYY-MM`) and how many months to show (the plan and its export). */
export const planQuery = z
  .object({
    q: param,
    region: param,
    grade: param,
    pathway: param,
    due: param,
    overdue: param,
    from: param,
    months: param.transform((months) => MONTH_COUNTS.find((count) => String(count) === months) ?? 6),
  })
  .transform(({ from, months, ...filters }) => {
    const readable = from && /^\d{4}-(0[1-9]|1[0-2])$/.test(from) ? from : undefined
    return {
      filters: registerQueryFrom(filters),
      from: readable,
      // A first month the service cannot read is shown back with its error, never ignored (issue 10).
      fromTyped: from && !readable ? from : undefined,
      months,
    }
  })

/** The proposal form can be opened with an LA and type chosen (from the plan or the home page). */
export const proposeQuery = z.object({
  laCode: param,
  type: param.transform((type) => (type && isPlannableType(type) ? type : undefined)),
})

/** The capacity page's first week (any date in it) and how many weeks to show. */
export const capacityQuery = z.object({
  from: param.transform((from) => (from && isIsoDate(from) ? from : undefined)),
  weeks: param.transform((weeks) => WEEK_COUNTS.find((count) => String(count) === weeks) ?? 8),
})

const topics = FOCUSED_VISIT_TOPICS.topics as readonly string[]

/** A proposal, with what to do with it: check it, or commit it with the warnings confirmed. */
export const proposalForm = defineForm(
  {
    laCode: field.required('Select the local authority'),
    type: field.choice(PLANNABLE_TYPES, 'Select the type of inspection or visit'),
    variant: field.text().transform((value) => (value === 'wed-thu' ? ('wed-thu' as const) : null)),
    topics: field.checkboxes().transform((chosen) => chosen.filter((topic) => topics.includes(topic))),
    focus: field.text(),
    onsiteStart: field.date('the first day on site'),
    leadUserId: field.optionalText(),
    teamUserIds: field.checkboxes(),
    action: field.text().transform((value) => (value === 'commit' ? ('commit' as const) : ('check' as const))),
    confirm: field.yes(),
    fingerprint: field.text(),
  },
  (value, issue) => {
    if (value.type === 'focused-visit' && value.topics.length === 0)
      issue('topics', 'Select at least one topic for the focused visit (002#106)')
  },
)

const LIMIT_MESSAGE = 'Enter a whole number of activities from 1 to 5'

/** PC2: the limit of on-site activities per inspector per week, from 1 to 5. */
export const weeklyLimitForm = defineForm({
  weeklyLimit: field
    .text()
    .pipe(z.string().regex(/^\d{1,2}$/, { error: LIMIT_MESSAGE }))
    .transform(Number)
    .pipe(z.number().min(1, { error: LIMIT_MESSAGE }).max(5, { error: LIMIT_MESSAGE })),
})

/** An inspector's leave: dates only, never the reason (PC3). */
export const leaveForm = defineForm(
  {
    userId: field.required('Select the inspector'),
    startsOn: field.date('the first day of leave'),
    endsOn: field.date('the last day of leave'),
  },
  (value, issue) => {
    if (value.endsOn < value.startsOn)
      issue('endsOn', 'The last day of leave must be the same as or after the first day')
  },
)

export const removeLeaveForm = defineForm({ leaveId: field.text() })
