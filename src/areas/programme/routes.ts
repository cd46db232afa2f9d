import type { FastifyReply, FastifyRequest } from 'fastify'
import { can, laFilter, type Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatLongDate, isIsoDate } from '../../rules/calendar/dates.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { requiredOnsiteWeekday } from '../../rules/timelines/index.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import {
  type DateField,
  dateField,
  dateFieldFrom,
  dateInputItems,
  errorList,
  type FieldErrors,
  type FormBody,
  readDate,
  text,
  texts,
} from '../../web/legacy-forms.js'
import type { RouteSpec } from '../../web/routing.js'
import { activityPaths } from '../activities/index.js'
import { PLANNABLE_TYPES, TYPE_LABELS } from '../activities/index.js'
import { registerFilterItems, registerQueryFrom, registerQueryString } from '../register/index.js'
import type { RegisterQuery } from '../register/index.js'
import { programmeWorkbook } from './export.js'
import {
  buildMonths,
  capacityByMonth,
  loadByWeek,
  monthLabel,
  monthsFrom,
  overdueLas,
  windowsByMonth,
} from './plan-model.js'
import { programmePaths } from './paths.js'
import {
  activityRows,
  capacityChart,
  checkErrorList,
  checkRows,
  leaveRows,
  loadRows,
  overdueRows,
  weekHeads,
  windowRows,
  windowsChart,
} from './presenters.js'
import { CORE_CHECKS, PLANNER_CHECKS } from './proposal-checks.js'
import type { CheckedProposal, ProgrammeService, ProposalInput } from './service.js'

const WEEKDAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const MONTH_COUNTS = [3, 6, 12, 24] as const
const WEEK_COUNTS = [4, 8, 13, 26] as const

interface ProposalValues {
  readonly laCode: string
  readonly type: string
  readonly variant: string
  readonly onsiteStart: DateField
  readonly topics: readonly string[]
  readonly leadUserId: string
  readonly teamUserIds: readonly string[]
}

function proposalFrom(body: FormBody, dateErrors: FieldErrors): { input: ProposalInput; values: ProposalValues } {
  const onsiteStart = readDate(body, 'onsiteStart', 'the first day on site', dateErrors)
  const values: ProposalValues = {
    laCode: text(body, 'laCode'),
    type: text(body, 'type'),
    variant: text(body, 'variant'),
    onsiteStart: dateField(body, 'onsiteStart'),
    topics: texts(body, 'topics'),
    leadUserId: text(body, 'leadUserId'),
    teamUserIds: texts(body, 'teamUserIds'),
  }
  return { input: { ...values, onsiteStart }, values }
}

/**
 * The register's filters, with the principal's programme scope applied: a regional director
 * sees their own region (the filter defaults to it and offers no other).
 */
function planFilters(
  principal: Principal,
  query: Record<string, string | undefined>,
): { filters: RegisterQuery; oneRegion: string | undefined } {
  const filters = registerQueryFrom(query)
  const scope = laFilter(principal, 'programme.view')
  if (scope.kind === 'region')
    return { filters: { ...filters, regionCode: scope.regionCode }, oneRegion: scope.regionCode }
  return { filters, oneRegion: undefined }
}

export function programmeRoutes(programme: ProgrammeService, clock: Clock): RouteSpec[] {
  async function renderProposal(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ProposalValues,
    errors: FieldErrors,
    checked?: CheckedProposal,
  ) {
    const principal = request.principal!
    const [las, people] = await Promise.all([programme.proposableLas(principal), programme.inspectors()])
    const failed = Object.keys(errors).length > 0 || (checked?.errors.length ?? 0) > 0
    const checkErrors = checked ? checkErrorList(checked.checks) : []
    return reply.code(failed ? 400 : 200).page('programme/proposal.njk', {
      values,
      errors,
      errorList: [
        ...errorList(errors, {
          onsiteStart: 'onsiteStart-day',
          topics: 'topics',
          teamUserIds: 'teamUserIds',
          type: 'type',
          confirm: 'confirm',
        }),
        ...checkErrors,
      ],
      laItems: [
        { value: '', text: 'Select a local authority' },
        ...las.map((la) => ({
          value: la.laCode,
          text: `${la.name} (${la.laCode})`,
          selected: la.laCode === values.laCode,
        })),
      ],
      typeItems: PLANNABLE_TYPES.map((type) => ({
        value: type,
        text: TYPE_LABELS[type],
        hint: { text: `First day on site: a ${WEEKDAY[requiredOnsiteWeekday(type) ?? 1]}` },
        checked: values.type === type,
      })),
      variantItems: [
        { value: '', text: 'Tuesday and Wednesday', checked: values.variant !== 'wed-thu' },
        { value: 'wed-thu', text: 'Wednesday and Thursday (002 fn20)', checked: values.variant === 'wed-thu' },
      ],
      topicItems: FOCUSED_VISIT_TOPICS.topics.map((topic) => ({
        value: topic,
        text: topic,
        checked: values.topics.includes(topic),
      })),
      onsiteItems: dateInputItems('onsiteStart', values.onsiteStart, Boolean(errors.onsiteStart)),
      leadItems: [
        { value: '', text: 'Not chosen yet' },
        ...people.map((person) => ({ value: person.id, text: person.name, selected: person.id === values.leadUserId })),
      ],
      teamItems: people.map((person) => ({
        value: person.id,
        text: person.name,
        checked: values.teamUserIds.includes(person.id),
      })),
      checked: checked
        ? {
            rows: checkRows(checked.checks),
            count: checked.checks.length,
            errors: checked.errors.length,
            warnings: checked.warnings.length,
            fingerprint: checked.fingerprint,
            fieldwork: checked.fieldwork
              ? {
                  notice: formatLongDate(checked.fieldwork.notice),
                  onsite: `${formatLongDate(checked.fieldwork.onsiteStart)} to ${formatLongDate(checked.fieldwork.onsiteEnd)}`,
                }
              : undefined,
            title: `${TYPE_LABELS[checked.proposal.type]} of ${checked.proposal.laName}`,
          }
        : undefined,
      backHref: programmePaths.plan.build({}),
      checksHref: programmePaths.checks.build({}),
    })
  }

  async function renderCapacity(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}) {
    const principal = request.principal!
    const query = request.query as Record<string, string | undefined>
    const from = query.from && isIsoDate(query.from) ? query.from : clock.today()
    const weeks = WEEK_COUNTS.find((count) => String(count) === query.weeks) ?? 8
    const data = await programme.capacity(principal, from, weeks)
    const load = loadByWeek(
      data.people.map((person) => person.id),
      data.mondays,
      data.programme,
      data.leave,
      data.weeklyLimit,
    )
    const leaveFromToday = data.leave.filter((item) => item.endsOn >= clock.today())
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('programme/capacity.njk', {
      errors,
      errorList: errorList(errors),
      weeklyLimit: data.weeklyLimit,
      from,
      weekItems: WEEK_COUNTS.map((count) => ({
        value: String(count),
        text: `${count} weeks`,
        selected: count === weeks,
      })),
      head: weekHeads(data.mondays),
      rows: loadRows(data.people, load),
      leaveRows: leaveRows(leaveFromToday, can(principal, 'leave.manage'), reply.generateCsrf()),
      canManageLeave: can(principal, 'leave.manage'),
      canConfigure: can(principal, 'programme.configure'),
      newLeaveHref: programmePaths.newLeave.build({}),
      limitAction: programmePaths.weeklyLimit.build({}),
      checksHref: programmePaths.checks.build({}),
      backHref: programmePaths.plan.build({}),
    })
  }

  async function renderLeave(
    reply: FastifyReply,
    values: { userId: string; startsOn: DateField; endsOn: DateField },
    errors: FieldErrors,
  ) {
    const people = await programme.inspectors()
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('programme/leave.njk', {
      errors,
      errorList: errorList(errors, { startsOn: 'startsOn-day', endsOn: 'endsOn-day' }),
      personItems: [
        { value: '', text: 'Select the inspector' },
        ...people.map((person) => ({ value: person.id, text: person.name, selected: person.id === values.userId })),
      ],
      startsOnItems: dateInputItems('startsOn', values.startsOn, Boolean(errors.startsOn)),
      endsOnItems: dateInputItems('endsOn', values.endsOn, Boolean(errors.endsOn)),
      backHref: programmePaths.capacity.build({}),
    })
  }

  return [
    {
      method: 'GET',
      url: programmePaths.plan.pattern,
      permission: 'programme.view',
      handler: async (request, reply) => {
        const principal = request.principal!
        const query = request.query as Record<string, string | undefined>
        const { filters, oneRegion } = planFilters(principal, query)
        const from = query.from && /^\d{4}-(0[1-9]|1[0-2])$/.test(query.from) ? query.from : clock.today().slice(0, 7)
        const count = MONTH_COUNTS.find((value) => String(value) === query.months) ?? 6
        const months = monthsFrom(from, count)
        const [data, regions] = await Promise.all([programme.programme(principal, filters), programme.regions()])
        const canPropose = can(principal, 'programme.propose')
        const canPlan = can(principal, 'activity.plan')
        const overdue = overdueLas(data.las, data.activities)
        const queryString = registerQueryString(filters)
        const shownRegions = oneRegion ? regions.filter((region) => region.code === oneRegion) : regions
        return reply.page('programme/plan.njk', {
          heading: oneRegion ? `Programme for ${shownRegions[0]?.name ?? 'your region'}` : 'National programme',
          filters,
          filterAction: programmePaths.plan.build({}),
          ...registerFilterItems(filters, shownRegions, !oneRegion),
          from,
          monthItems: MONTH_COUNTS.map((value) => ({
            value: String(value),
            text: `${value} months`,
            selected: value === count,
          })),
          range: `${monthLabel(months[0]!)} to ${monthLabel(months[months.length - 1]!)}`,
          laCount: data.las.length,
          overdueRows: overdueRows(overdue, canPropose),
          months: buildMonths(data.las, data.activities, months).map((month) => ({
            label: month.label,
            id: `month-${month.month}`,
            activityCount: month.activities.length,
            activityRows: activityRows(month.activities, canPlan),
            openingRows: windowRows(month.opening, canPropose),
            closingRows: windowRows(month.closing, canPropose),
          })),
          capacity: capacityChart(
            capacityByMonth(months, data.activities, data.capacityIds, data.leave, data.weeklyLimit),
            data.weeklyLimit,
          ),
          windows: windowsChart(windowsByMonth(months, data.las, data.activities)),
          weeklyLimit: data.weeklyLimit,
          canPropose,
          proposeHref: programmePaths.propose.build({}),
          exportHref: `${programmePaths.export.build({})}${queryString ? `?${queryString}` : ''}`,
          registerHref: `/register${queryString ? `?${queryString}` : ''}`,
          capacityHref: programmePaths.capacity.build({}),
          checksHref: programmePaths.checks.build({}),
        })
      },
    },
    {
      method: 'GET',
      url: programmePaths.export.pattern,
      permission: 'programme.view',
      handler: async (request, reply) => {
        const principal = request.principal!
        const { filters } = planFilters(principal, request.query as Record<string, string | undefined>)
        const data = await programme.programme(principal, filters)
        const inScope = new Set(data.las.map((la) => la.laCode))
        const workbook = programmeWorkbook({
          las: data.las,
          activities: data.activities.filter((activity) => inScope.has(activity.laCode)),
          generatedAt: clock.now(),
          title: 'ILACS programme',
        })
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="ilacs-programme-${clock.today()}.xlsx"`)
          .send(buffer)
      },
    },
    {
      method: 'GET',
      url: programmePaths.checks.pattern,
      permission: 'programme.view',
      handler: async (_request, reply) =>
        reply.page('programme/checks.njk', {
          core: CORE_CHECKS,
          planner: Object.entries(PLANNER_CHECKS).map(([id, check]) => ({
            id,
            ...check,
            severity: check.severity === 'error' ? 'Error' : 'Warning',
          })),
          weeklyLimit: await programme.weeklyLimit(),
          backHref: programmePaths.plan.build({}),
        }),
    },
    {
      method: 'GET',
      url: programmePaths.propose.pattern,
      permission: 'programme.propose',
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        const laCode = query.laCode ?? ''
        // A link from the plan names the LA: a regional director may not propose outside their region (404).
        if (laCode) await programme.assertProposable(request.principal!, laCode)
        const type = query.type && (PLANNABLE_TYPES as readonly string[]).includes(query.type) ? query.type : ''
        return renderProposal(
          request,
          reply,
          {
            laCode,
            type,
            variant: '',
            onsiteStart: dateFieldFrom(undefined),
            topics: [],
            leadUserId: '',
            teamUserIds: [],
          },
          {},
        )
      },
    },
    {
      method: 'POST',
      url: programmePaths.propose.pattern,
      permission: 'programme.propose',
      handler: async (request, reply) => {
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const { input, values } = proposalFrom(body, dateErrors)
        const principal = request.principal!
        try {
          if (text(body, 'action') === 'commit') {
            const outcome = await programme.commit(
              principal,
              input,
              dateErrors,
              { confirmed: text(body, 'confirm') === 'yes', fingerprint: text(body, 'fingerprint') },
              { requestId: request.id },
            )
            if (outcome.committed)
              return reply.redirect(activityPaths.show.build({ activityId: outcome.activityId }), 303)
            const problems: FieldErrors =
              outcome.problem === 'changed'
                ? {
                    confirm:
                      'The rule checks have changed since you checked this proposal: read them again and confirm',
                  }
                : outcome.problem === 'confirm'
                  ? { confirm: 'Confirm you have read the warnings to plan this activity' }
                  : {}
            return renderProposal(request, reply, values, problems, outcome.checked)
          }
          return await renderProposal(request, reply, values, {}, await programme.check(principal, input, dateErrors))
        } catch (error) {
          if (error instanceof ValidationError) return renderProposal(request, reply, values, { ...error.fieldErrors })
          throw error
        }
      },
    },
    {
      method: 'GET',
      url: programmePaths.capacity.pattern,
      permission: 'programme.view',
      handler: async (request, reply) => renderCapacity(request, reply),
    },
    {
      method: 'POST',
      url: programmePaths.weeklyLimit.pattern,
      permission: 'programme.configure',
      handler: async (request, reply) => {
        try {
          await programme.setWeeklyLimit(request.principal!, text(request.body as FormBody, 'weeklyLimit'), {
            requestId: request.id,
          })
        } catch (error) {
          if (error instanceof ValidationError) return renderCapacity(request, reply, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(programmePaths.capacity.build({}), 303)
      },
    },
    {
      method: 'GET',
      url: programmePaths.newLeave.pattern,
      permission: 'leave.manage',
      handler: async (_request, reply) =>
        renderLeave(reply, { userId: '', startsOn: dateFieldFrom(undefined), endsOn: dateFieldFrom(undefined) }, {}),
    },
    {
      method: 'POST',
      url: programmePaths.newLeave.pattern,
      permission: 'leave.manage',
      handler: async (request, reply) => {
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const startsOn = readDate(body, 'startsOn', 'the first day of leave', dateErrors)
        const endsOn = readDate(body, 'endsOn', 'the last day of leave', dateErrors)
        const userId = text(body, 'userId')
        try {
          await programme.addLeave(request.principal!, { userId, startsOn, endsOn }, dateErrors, {
            requestId: request.id,
          })
        } catch (error) {
          if (error instanceof ValidationError)
            return renderLeave(
              reply,
              { userId, startsOn: dateField(body, 'startsOn'), endsOn: dateField(body, 'endsOn') },
              { ...error.fieldErrors },
            )
          throw error
        }
        return reply.redirect(programmePaths.capacity.build({}), 303)
      },
    },
    {
      method: 'POST',
      url: programmePaths.removeLeave.pattern,
      permission: 'leave.manage',
      handler: async (request, reply) => {
        try {
          await programme.removeLeave(request.principal!, text(request.body as FormBody, 'leaveId'), {
            requestId: request.id,
          })
        } catch (error) {
          if (error instanceof NotFoundError)
            return renderCapacity(request, reply, {
              leave: 'That leave is not recorded: it may have been removed already',
            })
          throw error
        }
        return reply.redirect(programmePaths.capacity.build({}), 303)
      },
    },
  ]
}
