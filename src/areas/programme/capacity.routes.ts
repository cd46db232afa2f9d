import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { can } from '../../auth/policy.js'
import { dateFieldOf, dateInputItems, type Form, type FormState } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { capacityQuery, leaveForm, removeLeaveForm, WEEK_COUNTS, weeklyLimitForm } from './forms.js'
import { programmePaths } from './paths.js'
import type { ProgrammeRouteDeps } from './plan.routes.js'
import { loadByWeek } from './plan-model.js'
import { leaveRows, loadRows, weekBlocks, weekHeads, WEEKS_PER_TABLE } from './presenters.js'
import { formatDate } from '../../rules/calendar/dates.js'

type CapacityRequest = SignedInRequest<unknown, z.output<typeof capacityQuery>>

/** Inspectors' load by week and the weekly limit (PC2), and their leave (PC3). */
export function capacityRoutes({ programme, clock }: ProgrammeRouteDeps): RouteSpec[] {
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const toCapacity = () => programmePaths.capacity.build({})

  /** The capacity page, showing the errors of whichever of its forms was refused. */
  const capacityPage =
    (form: Form<unknown>) => async (request: CapacityRequest, reply: FastifyReply, state?: FormState) => {
      const { principal, query } = request
      const from = query.from ?? clock.today()
      const data = await programme.capacity(principal, from, query.weeks)
      const load = loadByWeek(
        data.people.map((person) => person.id),
        data.mondays,
        data.programme,
        data.leave,
        data.weeklyLimit,
      )
      const leaveFromToday = data.leave.filter((item) => item.endsOn >= clock.today())
      return reply.page('programme/capacity.njk', {
        errors: state?.errors ?? {},
        errorList: formErrorList(form, state),
        weeklyLimit: data.weeklyLimit,
        from,
        weekItems: WEEK_COUNTS.map((count) => ({
          value: String(count),
          text: `${count} weeks`,
          selected: count === query.weeks,
        })),
        // Eight weeks to a table, so that no week hides in a scroll box (issue 10).
        tables: weekBlocks(data.mondays, WEEKS_PER_TABLE).map(({ mondays, offset }) => ({
          caption: `Weeks commencing ${formatDate(mondays[0]!)} to ${formatDate(mondays.at(-1)!)}`,
          head: weekHeads(mondays),
          rows: loadRows(data.people, load, offset, mondays.length),
        })),
        leaveRows: leaveRows(leaveFromToday, can(principal, 'leave.manage'), reply.sessionCsrfToken()),
        canManageLeave: can(principal, 'leave.manage'),
        canConfigure: can(principal, 'programme.configure'),
        newLeaveHref: programmePaths.newLeave.build({}),
        limitAction: programmePaths.weeklyLimit.build({}),
        checksHref: programmePaths.checks.build({}),
        backHref: programmePaths.plan.build({}),
      })
    }

  async function leavePage(_request: SignedInRequest, reply: FastifyReply, state?: FormState) {
    const values = state?.values ?? {}
    const errors = state?.errors ?? {}
    const people = await programme.inspectors()
    return reply.page('programme/leave.njk', {
      errors,
      errorList: formErrorList(leaveForm, state),
      personItems: [
        { value: '', text: 'Select the inspector' },
        ...people.map((person) => ({
          value: person.id,
          text: person.displayName,
          selected: person.id === values.userId,
        })),
      ],
      startsOnItems: dateInputItems('startsOn', dateFieldOf(values, 'startsOn'), Boolean(errors.startsOn)),
      endsOnItems: dateInputItems('endsOn', dateFieldOf(values, 'endsOn'), Boolean(errors.endsOn)),
      formAction: programmePaths.newLeave.build({}),
      backHref: toCapacity(),
    })
  }

  return [
    route({
      method: 'GET',
      url: programmePaths.capacity.pattern,
      permission: 'programme.view',
      query: capacityQuery,
      handler: capacityPage(weeklyLimitForm),
    }),
    route({
      method: 'POST',
      url: programmePaths.weeklyLimit.pattern,
      permission: 'programme.configure',
      query: capacityQuery,
      form: weeklyLimitForm,
      page: capacityPage(weeklyLimitForm),
      submit: async (request, input) => {
        await programme.setWeeklyLimit(request.principal, input.weeklyLimit, context(request))
        return toCapacity()
      },
    }),
    route({ method: 'GET', url: programmePaths.newLeave.pattern, permission: 'leave.manage', handler: leavePage }),
    route({
      method: 'POST',
      url: programmePaths.newLeave.pattern,
      permission: 'leave.manage',
      form: leaveForm,
      page: leavePage,
      submit: async (request, input) => {
        await programme.addLeave(request.principal, input, context(request))
        return toCapacity()
      },
    }),
    route({
      method: 'POST',
      url: programmePaths.removeLeave.pattern,
      permission: 'leave.manage',
      query: capacityQuery,
      form: removeLeaveForm,
      page: capacityPage(removeLeaveForm),
      submit: async (request, input) => {
        await programme.removeLeave(request.principal, input.leaveId, context(request))
        return toCapacity()
      },
    }),
  ]
}
