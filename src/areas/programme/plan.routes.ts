import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { can, laFilter, type Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { contentDisposition } from '../../web/downloads.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import {
  MONTH_FILTER_MESSAGE,
  registerFilterErrors,
  registerFilterItems,
  type RegisterQuery,
  registerQueryString,
} from '../register/index.js'
import { programmeWorkbook } from './export.js'
import { MONTH_COUNTS, planQuery } from './forms.js'
import { programmePaths } from './paths.js'
import { buildMonths, capacityByMonth, monthLabel, monthsFrom, overdueLas, windowsByMonth } from './plan-model.js'
import { CORE_CHECKS, PLANNER_CHECKS } from './planner-checks.js'
import { activityRows, capacityChart, overdueRows, windowRows, windowsChart } from './presenters.js'
import type { ProgrammeService } from './service.js'

type PlanRequest = SignedInRequest<unknown, z.output<typeof planQuery>>

export interface ProgrammeRouteDeps {
  readonly programme: ProgrammeService
  readonly clock: Clock
}

/**
 * The register's filters, with the principal's programme scope applied: a regional director
 * sees their own region (the filter defaults to it and offers no other).
 */
function scoped(principal: Principal, filters: RegisterQuery): { filters: RegisterQuery; oneRegion?: string } {
  const scope = laFilter(principal, 'programme.view')
  if (scope.kind === 'region')
    return { filters: { ...filters, regionCode: scope.regionCode }, oneRegion: scope.regionCode }
  return { filters }
}

/** The plan month by month with its charts (002#7-24), its Excel download, and how the checks work. */
export function planRoutes({ programme, clock }: ProgrammeRouteDeps): RouteSpec[] {
  async function planPage(request: PlanRequest, reply: FastifyReply) {
    const { principal, query } = request
    const { filters, oneRegion } = scoped(principal, query.filters)
    const from = query.from ?? clock.today().slice(0, 7)
    const months = monthsFrom(from, query.months)
    const [data, regions, drift] = await Promise.all([
      programme.programme(principal, filters),
      programme.regions(),
      programme.nationalDrift(),
    ])
    const canPropose = can(principal, 'programme.propose')
    const canPlan = can(principal, 'activity.plan')
    const overdue = overdueLas(data.las, data.activities)
    const queryString = registerQueryString(filters)
    const shownRegions = oneRegion ? regions.filter((region) => region.code === oneRegion) : regions
    const filterErrors = registerFilterErrors(filters)
    if (query.fromTyped) {
      filterErrors.errors.from = MONTH_FILTER_MESSAGE
      filterErrors.errorList.push({ text: MONTH_FILTER_MESSAGE, href: '#from' })
    }
    return reply.code(filterErrors.errorList.length ? 400 : 200).page('programme/plan.njk', {
      filterErrors: filterErrors.errors,
      errorList: filterErrors.errorList,
      heading: oneRegion ? `Programme for ${shownRegions[0]?.name ?? 'your region'}` : 'National programme',
      filters,
      filterAction: programmePaths.plan.build({}),
      ...registerFilterItems(filters, shownRegions, !oneRegion),
      from: query.fromTyped ?? from,
      monthItems: MONTH_COUNTS.map((value) => ({
        value: String(value),
        text: `${value} months`,
        selected: value === query.months,
      })),
      range: `${monthLabel(months[0]!)} to ${monthLabel(months[months.length - 1]!)}`,
      laCount: data.las.length,
      overdueRows: overdueRows(overdue, canPropose, {
        today: clock.today(),
        medianMonths: drift.byYear.at(-1)?.inspections ? drift.byYear.at(-1)?.medianMonthsOutside : undefined,
      }),
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
  }

  async function exportWorkbook(request: PlanRequest, reply: FastifyReply) {
    const { filters } = scoped(request.principal, request.query.filters)
    const data = await programme.programme(request.principal, filters)
    const inScope = new Set(data.las.map((la) => la.laCode))
    const workbook = await programmeWorkbook({
      las: data.las,
      activities: data.activities.filter((activity) => inScope.has(activity.laCode)),
      generatedAt: clock.now(),
      title: 'ILACS programme',
    })
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`ilacs-programme-${clock.today()}.xlsx`))
      .send(buffer)
  }

  async function checksPage(_request: SignedInRequest, reply: FastifyReply) {
    return reply.page('programme/checks.njk', {
      core: CORE_CHECKS,
      planner: Object.entries(PLANNER_CHECKS).map(([id, check]) => ({
        id,
        ...check,
        severity: check.severity === 'error' ? 'Error' : 'Warning',
      })),
      weeklyLimit: await programme.weeklyLimit(),
      backHref: programmePaths.plan.build({}),
    })
  }

  return [
    route({
      method: 'GET',
      url: programmePaths.plan.pattern,
      permission: 'programme.view',
      query: planQuery,
      handler: planPage,
    }),
    route({
      method: 'GET',
      url: programmePaths.export.pattern,
      permission: 'programme.view',
      query: planQuery,
      handler: exportWorkbook,
    }),
    route({ method: 'GET', url: programmePaths.checks.pattern, permission: 'programme.view', handler: checksPage }),
  ]
}
