import type { FastifyReply } from 'fastify'
import type { PeopleDirectory } from '../../auth/people.js'
import { can, canOn, laFilter } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { DFE_TIMING } from '../../rules/intervention.js'
import { contentDisposition } from '../../web/downloads.js'
import { ruleLink } from '../../web/rule-links.js'
import { dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { escapeHtml } from '../../web/html.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { registerPaths, type RegisterService } from '../register/index.js'
import { concernForm, laParams, openForm, resolveForm, triggerParams } from './forms.js'
import { interventionPaths } from './paths.js'
import { nationalRows, nationalWorkbook } from './national.js'
import { formName, stepLabel, triggerCard } from './presenters.js'
import type { InterventionService } from './service.js'
import { CONCERN_KINDS, RECORDED_CONCERN_KINDS } from './types.js'

export interface InterventionRouteDeps {
  readonly intervention: InterventionService
  readonly register: Pick<
    RegisterService,
    'show' | 'target' | 'list' | 'localAuthorities' | 'histories' | 'deliveryBodies'
  >
  readonly people: PeopleDirectory
  readonly clock: Clock
}

type LaRequest = SignedInRequest<{ laCode: string }>
type TriggerRequest = SignedInRequest<{ laCode: string; triggerId: string }>

const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`

/** The DfE's dashboard of LAs in intervention, and each LA's triggers and records (issue 13). */
export function interventionLaRoutes({ intervention, register, clock }: InterventionRouteDeps): RouteSpec[] {
  const laTarget = (request: LaRequest) => register.target(request.params.laCode)

  /** The dashboard's rows: the records in the principal's scope with each LA's triggers today. */
  async function dashboard(principal: SignedInRequest['principal']) {
    const las = await register.localAuthorities()
    const nameOf = (laCode: string) => las.find((la) => la.laCode === laCode)?.name ?? laCode
    const records = await intervention.inScope(principal)
    const triggers = await intervention.activeTriggers([
      ...new Set(records.map((record) => record.intervention.laCode)),
    ])
    return { las, rows: nationalRows(records, nameOf, triggers, clock.today()) }
  }

  async function listPage(request: SignedInRequest, reply: FastifyReply) {
    const { principal } = request
    const { las, rows } = await dashboard(principal)
    const filter = laFilter(principal, 'intervention.view')
    const scope =
      filter.kind === 'all'
        ? las.map((la) => la.laCode)
        : filter.kind === 'region'
          ? las.filter((la) => la.regionCode === filter.regionCode).map((la) => la.laCode)
          : filter.kind === 'las'
            ? [...filter.laCodes]
            : []
    const alerts = await intervention.alerts(scope)
    return reply.page('intervention/list.njk', {
      rows: rows.map((row) => [
        { html: link(interventionPaths.show.build({ interventionId: row.interventionId }), row.laName) },
        { text: row.instrument },
        { text: row.step },
        { text: row.boardChair },
        { text: row.nextReportDue ? formatDate(row.nextReportDue) : '–' },
        { text: row.reinspectionAbout ? formatDate(row.reinspectionAbout) : '–' },
        {
          html: row.late.length
            ? `<strong class="govuk-tag govuk-tag--red">Late</strong> ${escapeHtml(row.late.join(', '))}`
            : 'Nothing',
        },
        {
          html: row.triggers.length
            ? row.triggers
                .map((trigger) => `${escapeHtml(trigger.title)} ${ruleLink(trigger.rule, trigger.citation)}`)
                .join('<br>')
            : 'None',
        },
      ]),
      xlsxHref: interventionPaths.listXlsx.build({}),
      alerts: alerts.map((alert) => ({
        html: `${link(interventionPaths.la.build({ laCode: alert.laCode }), alert.laName)}: ${escapeHtml(alert.trigger.detail)}`,
      })),
    })
  }

  async function laPage(request: LaRequest, reply: FastifyReply, state?: FormState, which?: 'open' | 'concern') {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const target = (await laTarget(request))!
    const [{ triggers, concerns, reading }, records] = await Promise.all([
      intervention.triggersOf(laCode),
      intervention.ofLa(laCode),
    ])
    const canOpen = canOn(request.principal, 'intervention.manage', target)
    const canTrigger = canOn(request.principal, 'intervention.trigger', target)
    const openState = which === 'open' ? state : undefined
    const concernState = which === 'concern' ? state : undefined
    return reply.page('intervention/la.njk', {
      la,
      registerHref: can(request.principal, 'register.view') ? registerPaths.show.build({ laCode }) : undefined,
      checklistsHref: interventionPaths.checklists.build({ laCode }),
      toldHint: `${DFE_TIMING.toldOfOutcome.charAt(0).toUpperCase()}${DFE_TIMING.toldOfOutcome.slice(1)}`,
      triggers: triggers.map(triggerCard),
      readingHtml: reading
        ? `The latest judgement, published ${escapeHtml(formatDate(reading.published))}: ${escapeHtml(reading.reading)} ${ruleLink(reading.rule, reading.citation)}`
        : undefined,
      records: records.map((record) => ({
        href: interventionPaths.show.build({ interventionId: record.intervention.id }),
        text: `Opened ${formatDate(record.intervention.openedOn)}: ${stepLabel(record.intervention.step)}${record.instruments.length ? `, ${formName(record.instruments.at(-1)!.form)}` : ''}`,
      })),
      concerns: concerns.map((concern) => ({
        id: concern.id,
        text: `${CONCERN_KINDS[concern.kind]} (recorded ${formatDate(concern.notedOn)}): ${concern.note}`,
        resolved: concern.resolvedOn ? formatDate(concern.resolvedOn) : undefined,
        resolveAction: interventionPaths.resolveTrigger.build({ laCode, triggerId: concern.id }),
      })),
      canOpen,
      canTrigger,
      openAction: interventionPaths.open.build({ laCode }),
      concernAction: interventionPaths.triggers.build({ laCode }),
      open: {
        errors: openState?.errors ?? {},
        note: valueOf(openState?.values ?? {}, 'note'),
        dateItems: dateInputItems(
          'dfeToldOn',
          dateFieldOf(openState?.values ?? {}, 'dfeToldOn'),
          Boolean(openState?.errors.dfeToldOn),
        ),
      },
      concern: {
        errors: concernState?.errors ?? {},
        kind: valueOf(concernState?.values ?? {}, 'kind'),
        note: valueOf(concernState?.values ?? {}, 'note'),
        kindItems: Object.entries(RECORDED_CONCERN_KINDS).map(([value, text]) => ({
          value,
          text,
          checked: valueOf(concernState?.values ?? {}, 'kind') === value,
        })),
        dateItems: dateInputItems(
          'notedOn',
          dateFieldOf(concernState?.values ?? {}, 'notedOn'),
          Boolean(concernState?.errors.notedOn),
        ),
      },
      resolveErrors: which === undefined ? (state?.errors ?? {}) : {},
      errorList:
        which === 'open'
          ? formErrorList(openForm, state)
          : which === 'concern'
            ? formErrorList(concernForm, state)
            : formErrorList(resolveForm, state),
    })
  }

  return [
    route({ method: 'GET', url: interventionPaths.list.pattern, permission: 'intervention.view', handler: listPage }),
    route({
      method: 'GET',
      url: interventionPaths.listXlsx.pattern,
      permission: 'intervention.view',
      handler: async (request: SignedInRequest, reply) => {
        const workbook = await nationalWorkbook((await dashboard(request.principal)).rows, clock.now())
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`Local authorities in intervention ${clock.today()}.xlsx`))
          .send(Buffer.from(await workbook.xlsx.writeBuffer()))
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.la.pattern,
      permission: 'intervention.view',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => laPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.open.pattern,
      permission: 'intervention.manage',
      params: laParams,
      target: laTarget,
      form: openForm,
      page: (request: LaRequest, reply, state) => laPage(request, reply, state, 'open'),
      submit: async (request: LaRequest, input) => {
        const id = await intervention.open(request.principal, request.params.laCode, input, { requestId: request.id })
        return interventionPaths.show.build({ interventionId: id })
      },
    }),
    route({
      method: 'POST',
      url: interventionPaths.triggers.pattern,
      permission: 'intervention.trigger',
      params: laParams,
      target: laTarget,
      form: concernForm,
      page: (request: LaRequest, reply, state) => laPage(request, reply, state, 'concern'),
      submit: async (request: LaRequest, input) => {
        await intervention.recordConcern(request.principal, request.params.laCode, input, { requestId: request.id })
        return interventionPaths.la.build({ laCode: request.params.laCode })
      },
    }),
    route({
      method: 'POST',
      url: interventionPaths.resolveTrigger.pattern,
      permission: 'intervention.trigger',
      params: triggerParams,
      target: (request: TriggerRequest) => register.target(request.params.laCode),
      form: resolveForm,
      page: (request: TriggerRequest, reply, state) => laPage(request, reply, state),
      submit: async (request: TriggerRequest) => {
        const { laCode, triggerId } = request.params
        await intervention.resolveConcern(
          request.principal,
          laCode,
          triggerId,
          { resolvedOn: clock.today() },
          { requestId: request.id },
        )
        return interventionPaths.la.build({ laCode })
      },
    }),
  ]
}
