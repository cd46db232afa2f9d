import type { FastifyReply } from 'fastify'
import { can, canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { reinspectionUrgency } from '../../rules/monitoring-programme.js'
import { dateFieldOf, dateInputItems, type FormState } from '../../web/forms.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { registerPaths, type RegisterService } from '../register/index.js'
import { monitoringDocumentRoutes } from './documents.routes.js'
import { programmePages, type Which } from './programme-page.routes.js'
import {
  acceptedForm,
  datesForm,
  declinedForm,
  leadForm,
  decisionForm,
  laParams,
  letterForm,
  openForm,
  programmeParams,
  progressForm,
  fromReportForm,
  recommendationForm,
  recordForm,
  reviewForm,
  visitForm,
} from './forms.js'
import { monitoringPaths } from './paths.js'
import { deadlinesOf } from './presenters.js'
import type { MonitoringService } from './service.js'
import { REINSPECTION_KINDS } from './types.js'

export interface MonitoringRouteDeps {
  readonly monitoring: MonitoringService
  readonly register: Pick<RegisterService, 'show' | 'target' | 'deliveryOn'>
  readonly activities: Pick<ActivitiesService, 'monitoringOf' | 'monitoringDatesOf'>
  readonly clock: Clock
}

type LaRequest = SignedInRequest<{ laCode: string }>
type ProgrammeRequest = SignedInRequest<{ programmeId: string }>

const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`

/** The monitoring programme after an inadequate judgement (issue 12; 001, 002#112-139, 003). */
export function monitoringRoutes(deps: MonitoringRouteDeps): RouteSpec[] {
  const { monitoring, register, clock } = deps
  const laTarget = (request: LaRequest) => register.target(request.params.laCode)
  const programmeTarget = (request: ProgrammeRequest) => monitoring.target(request.params.programmeId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const { programmePage, programmeActivities } = programmePages(deps)

  async function listPage(request: SignedInRequest, reply: FastifyReply) {
    const today = clock.today()
    const records = await monitoring.inScope(request.principal)
    const rows = await Promise.all(
      records.map(async (record) => {
        const { la } = await register.show(record.programme.laCode)
        const deadlines = deadlinesOf(record)
        const latest = deadlines?.timeline.reinspection.latest
        return [
          { html: link(monitoringPaths.programme.build({ programmeId: record.programme.id }), la.name) },
          { text: `Set ${record.programme.setNumber}, opened ${formatDate(record.programme.openedOn)}` },
          { text: deadlines ? formatDate(deadlines.timeline.actionPlanDue) : '–' },
          { text: record.plans.length ? `Version ${record.plans.length}` : 'None yet' },
          {
            html: record.programme.decision
              ? escapeHtml(REINSPECTION_KINDS[record.programme.decision.kind])
              : latest
                ? `${escapeHtml(formatDate(latest))}${reinspectionUrgency(latest, today) !== 'not-yet' ? ' <strong class="govuk-tag govuk-tag--yellow">Near</strong>' : ''}`
                : '–',
          },
        ]
      }),
    )
    return reply.page('monitoring/list.njk', { rows })
  }

  async function laPage(request: LaRequest, reply: FastifyReply, state?: FormState) {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const target = (await laTarget(request))!
    const [records, openable] = await Promise.all([monitoring.ofLa(laCode), monitoring.openable(laCode)])
    const values = state?.values ?? {}
    return reply.page('monitoring/la.njk', {
      la,
      registerHref: can(request.principal, 'register.view') ? registerPaths.show.build({ laCode }) : undefined,
      threadHref: monitoringPaths.thread.build({ laCode }),
      programmes: records.map((record) => ({
        href: monitoringPaths.programme.build({ programmeId: record.programme.id }),
        text: `Monitoring programme ${record.programme.setNumber}, opened ${formatDate(record.programme.openedOn)}${record.programme.closedOn ? `, closed ${formatDate(record.programme.closedOn)}` : ''}`,
      })),
      canOpen: openable.ok && canOn(request.principal, 'monitoring.direct', target),
      openReason: openable.ok ? undefined : openable.reason,
      openAction: monitoringPaths.open.build({ laCode }),
      errors: state?.errors ?? {},
      errorList: formErrorList(openForm, state),
      dates: (['prePublication', 'finalReport', 'publication'] as const).map((name) => ({
        name,
        items: dateInputItems(name, dateFieldOf(values, name), Boolean(state?.errors[name])),
      })),
      ruleM1: ruleLink('M1', '001#4-5; 002#112'),
    })
  }

  const page = (which: Which) => (request: ProgrammeRequest, reply: FastifyReply, state?: FormState) =>
    programmePage(request, reply, state, which)
  const back = (request: ProgrammeRequest) =>
    monitoringPaths.programme.build({ programmeId: request.params.programmeId })

  return [
    route({ method: 'GET', url: monitoringPaths.list.pattern, permission: 'monitoring.view', handler: listPage }),
    route({
      method: 'GET',
      url: monitoringPaths.la.pattern,
      permission: 'monitoring.view',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => laPage(request, reply),
    }),
    route({
      method: 'POST',
      url: monitoringPaths.open.pattern,
      permission: 'monitoring.direct',
      params: laParams,
      target: laTarget,
      form: openForm,
      page: laPage,
      submit: async (request: LaRequest, input) => {
        const id = await monitoring.open(
          request.principal,
          request.params.laCode,
          {
            dates: {
              'pre-publication': input.prePublication,
              'final-report': input.finalReport,
              publication: input.publication,
            },
          },
          context(request),
        )
        return monitoringPaths.programme.build({ programmeId: id })
      },
    }),
    route({
      method: 'GET',
      url: monitoringPaths.programme.pattern,
      permission: 'monitoring.view',
      params: programmeParams,
      target: programmeTarget,
      handler: (request: ProgrammeRequest, reply) => programmePage(request, reply),
    }),
    route({
      method: 'POST',
      url: monitoringPaths.dates.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: datesForm,
      page: page('dates'),
      submit: async (request: ProgrammeRequest, input) => {
        const dates = {
          'pre-publication': input.prePublication ?? null,
          'final-report': input.finalReport ?? null,
          publication: input.publication ?? null,
        }
        await monitoring.setDates(
          request.principal,
          request.params.programmeId,
          { dates, version: input.version },
          context(request),
        )
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.recommendations.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: recommendationForm,
      page: page('recommendation'),
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.addRecommendation(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#thread`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.fromReport.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: fromReportForm,
      page: page('recommendation'),
      submit: async (request: ProgrammeRequest) => {
        await monitoring.recommendationsFromReport(request.principal, request.params.programmeId, context(request))
        return `${back(request)}#thread`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.letter.pattern,
      permission: 'monitoring.direct',
      params: programmeParams,
      target: programmeTarget,
      form: letterForm,
      page: page('letter'),
      conflictField: 'sentOn',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.sendLetter(request.principal, request.params.programmeId, input, context(request))
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.visit.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: visitForm,
      page: page('visit'),
      conflictField: 'visitOn',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.arrangeVisit(request.principal, request.params.programmeId, input, context(request))
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.record.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: recordForm,
      page: page('record'),
      conflictField: 'attendees',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.recordVisit(request.principal, request.params.programmeId, input, context(request))
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.review.pattern,
      permission: 'monitoring.direct',
      params: programmeParams,
      target: programmeTarget,
      form: reviewForm,
      page: page('review'),
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.reviewPlan(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#action-plan`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.decision.pattern,
      permission: 'monitoring.direct',
      params: programmeParams,
      target: programmeTarget,
      form: decisionForm,
      page: page('decision'),
      conflictField: 'decisionKind',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.decide(
          request.principal,
          request.params.programmeId,
          { ...input, inputs: [input.input1, input.input2, input.input3, input.input4, input.input5] },
          context(request),
        )
        return `${back(request)}#decision`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.progress.pattern,
      permission: 'monitoring.manage',
      params: programmeParams,
      target: programmeTarget,
      form: progressForm,
      page: page('progress'),
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.recordProgress(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#thread`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.declined.pattern,
      permission: 'monitoring.decline',
      params: programmeParams,
      target: programmeTarget,
      form: declinedForm,
      page: page('declined'),
      conflictField: 'declinedOn',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.recordDeclined(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#declined`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.accepted.pattern,
      permission: 'monitoring.decline',
      params: programmeParams,
      target: programmeTarget,
      form: acceptedForm,
      page: page('accepted'),
      conflictField: 'acceptedOn',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.recordAccepted(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#declined`
      },
    }),
    route({
      method: 'POST',
      url: monitoringPaths.lead.pattern,
      permission: 'monitoring.lead',
      params: programmeParams,
      target: programmeTarget,
      form: leadForm,
      page: page('lead'),
      conflictField: 'leadInspectorId',
      submit: async (request: ProgrammeRequest, input) => {
        await monitoring.nameLeadInspector(request.principal, request.params.programmeId, input, context(request))
        return `${back(request)}#lead-inspector`
      },
    }),
    ...monitoringDocumentRoutes({
      monitoring,
      programmeTarget,
      laTarget,
      programmePage: page('plan'),
      programmeActivities,
      clock,
    }),
  ]
}
