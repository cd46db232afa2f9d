import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { canOn } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { registerFilterErrors, registerFilterItems } from './filters.js'
import { laParams, registerListQuery, showQuery } from './forms.js'
import { registerPaths } from './paths.js'
import { deliveryCards } from './delivery.presenters.js'
import { barChart, driftTable, laDriftRows } from './drift.presenters.js'
import { historyItems, type SourceLinks } from './history.presenters.js'
import { laSummaryRows, pathwayRows, registerRows } from './presenters.js'
import type { RegisterService } from './service.js'
import type { LaActivitiesProvider } from './types.js'

type ListRequest = SignedInRequest<unknown, z.output<typeof registerListQuery>>
type LaRequest = SignedInRequest<z.output<typeof laParams>, z.output<typeof showQuery>>

/** The register of the 153 LAs with its filters, and each LA's page: standing, pathway and judgement history. */
export function laRoutes({
  register,
  sourceLinks,
  laActivities,
}: {
  register: RegisterService
  /** Links to where a record the service published came from (its publication and activity). */
  sourceLinks?: (principal: SignedInRequest['principal']) => SourceLinks
  /** The LA's coming and current inspections and visits (from the activities and programme areas). */
  laActivities?: LaActivitiesProvider | undefined
}): RouteSpec[] {
  async function listPage(request: ListRequest, reply: FastifyReply) {
    const filters = request.query
    const [entries, regions, outcomes] = await Promise.all([
      register.list(request.principal, filters),
      register.regions(),
      register.latestOutcomesFile(),
    ])
    const { errors, errorList } = registerFilterErrors(filters)
    return reply.code(errorList.length ? 400 : 200).page('register/list.njk', {
      filterErrors: errors,
      errorList,
      rows: registerRows(entries),
      count: entries.length,
      publishedAsAt: outcomes ? formatDate(outcomes.asAt) : null,
      filters,
      filterAction: registerPaths.list.build({}),
      ...registerFilterItems(filters, regions),
    })
  }

  async function driftPage(_request: SignedInRequest, reply: FastifyReply) {
    const drift = await register.drift()
    const years = drift.byYear.filter((group) => group.label !== 'All years')
    return reply.page('register/drift.njk', {
      all: drift.byYear.at(-1),
      monthsChart: barChart({
        id: 'months',
        title: 'Median months after the due window that inspections started, by year',
        bars: years.map((group) => ({ label: group.label, value: group.medianMonthsOutside })),
        reference: { value: 0, label: 'Window (002#13)' },
        unit: 'Months after the window closed (0: inside it; below 0: before it opened)',
      }),
      daysChart: barChart({
        id: 'days',
        title: 'Median working days from fieldwork to publication, by year',
        bars: years.map((group) => ({ label: group.label, value: group.medianWorkingDays })),
        reference: { value: drift.statutoryWorkingDays, label: '21 (002#216)' },
        unit: 'Working days from the last day of fieldwork to publication',
      }),
      byYear: driftTable(drift.byYear),
      byRegion: driftTable(drift.byRegion),
      registerHref: registerPaths.list.build({}),
    })
  }

  async function laPage(request: LaRequest, reply: FastifyReply) {
    const { laCode } = request.params
    const [{ la, records, visits, standing, pathway }, drift, earlier, bodies, readings] = await Promise.all([
      register.show(laCode),
      register.drift(),
      register.earlierInspections(laCode),
      register.deliveryBodies(laCode),
      register.outcomeReadings(laCode),
    ])
    const canManageDelivery = canOn(request.principal, 'delivery.manage', la)
    // A direction's date and issuer are the intervention record's: read only for those who may see it.
    const directions =
      bodies.some((body) => body.directionId) && canOn(request.principal, 'intervention.view', la)
        ? await register.deliveryDirections(laCode)
        : []
    return reply.page('register/show.njk', {
      la,
      activities: laActivities ? await laActivities(request.principal, laCode) : [],
      summaryRows: laSummaryRows(la, standing),
      pathwayRows: pathwayRows(pathway),
      history: historyItems(la, records, visits, sourceLinks?.(request.principal), earlier, readings),
      canRecord: canOn(request.principal, 'judgement.record', la),
      delivery: deliveryCards(bodies, directions, {
        canManage: canManageDelivery,
        changeHref: (deliveryBodyId) => registerPaths.changeDelivery.build({ laCode, deliveryBodyId }),
      }),
      newDeliveryHref: canManageDelivery ? registerPaths.newDelivery.build({ laCode }) : undefined,
      newJudgementHref: registerPaths.newJudgement.build({ laCode }),
      recorded: request.query.recorded,
      driftRows: laDriftRows(
        drift.inspections.filter((inspection) => inspection.laCode === laCode),
        drift.byYear,
      ),
      driftHref: registerPaths.drift.build({}),
    })
  }

  return [
    route({ method: 'GET', url: registerPaths.drift.pattern, permission: 'register.view', handler: driftPage }),
    route({
      method: 'GET',
      url: registerPaths.list.pattern,
      permission: 'register.view',
      query: registerListQuery,
      handler: listPage,
    }),
    route({
      method: 'GET',
      url: registerPaths.show.pattern,
      permission: 'register.view',
      params: laParams,
      query: showQuery,
      target: (request) => register.target(request.params.laCode),
      handler: laPage,
    }),
  ]
}
