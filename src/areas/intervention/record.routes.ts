import type { FastifyReply } from 'fastify'
import { INTERVENTION_FORMS } from '../../rules/intervention.js'
import { type FormState, formView, submittedVersion } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { boardForm, instrumentForm, interventionParams, reportForm, stepForm } from './forms.js'
import type { InterventionRouteDeps } from './la.routes.js'
import { interventionPaths } from './paths.js'
import { boardFormView } from './presenters.js'
import { recordPageFor, type RecordRequest } from './record-page.routes.js'

/** An intervention record's page and the changes made on it (issue 13; 004); its documents are in documents.routes.ts. */
export function interventionRecordRoutes(deps: InterventionRouteDeps): RouteSpec[] {
  const { intervention, register } = deps
  const target = (request: RecordRequest) => intervention.target(request.params.interventionId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const recordPage = recordPageFor(deps)

  async function instrumentPage(request: RecordRequest, reply: FastifyReply, state?: FormState) {
    const { intervention: item } = await intervention.record(request.params.interventionId)
    const { la } = await register.show(item.laCode)
    const view = formView(state, ['consultedOn', 'issuedOn', 'publishedOn', 'assessBy'])
    return reply.page('intervention/instrument.njk', {
      caption: `Intervention in ${la.name}`,
      backHref: interventionPaths.show.build({ interventionId: item.id }),
      formAction: interventionPaths.newInstrument.build({ interventionId: item.id }),
      formItems: INTERVENTION_FORMS.map((form) => ({
        value: form.key,
        text: form.name,
        hint: { text: form.description },
        checked: view.value('form') === form.key,
      })),
      ...view,
      errorList: formErrorList(instrumentForm, state),
    })
  }

  async function boardPage(request: RecordRequest, reply: FastifyReply, state?: FormState) {
    const { intervention: item, board } = await intervention.record(request.params.interventionId)
    const { la } = await register.show(item.laCode)
    const stored: Record<string, string | null> = board
      ? {
          chairName: board.chairName,
          chairIndependent: board.chairIndependent ? 'yes' : '',
          members: board.members,
          setUpOn: board.setUpOn,
          adviserKind: board.adviserKind ?? 'none',
          adviserName: board.adviserName,
        }
      : {}
    const view = formView(state, ['setUpOn'], stored)
    return reply.page('intervention/board.njk', {
      caption: `Intervention in ${la.name}`,
      backHref: interventionPaths.show.build({ interventionId: item.id }),
      formAction: interventionPaths.board.build({ interventionId: item.id }),
      version: submittedVersion(state) ?? board?.version,
      ...boardFormView(view.value('adviserKind') || 'none'),
      ...view,
      errorList: formErrorList(boardForm, state),
    })
  }

  return [
    route({
      method: 'GET',
      url: interventionPaths.show.pattern,
      permission: 'intervention.view',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => recordPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.step.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: stepForm,
      page: (request: RecordRequest, reply, state) => recordPage(request, reply, state, 'step'),
      conflictField: 'step',
      submit: async (request: RecordRequest, input) => {
        await intervention.recordStep(request.principal, request.params.interventionId, input, context(request))
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.newInstrument.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => instrumentPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.newInstrument.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: instrumentForm,
      page: instrumentPage,
      submit: async (request: RecordRequest, input) => {
        await intervention.addInstrument(
          request.principal,
          request.params.interventionId,
          {
            ...input,
            consultedOn: input.consultedOn ?? null,
            publishedOn: input.publishedOn ?? null,
            assessBy: input.assessBy ?? null,
          },
          context(request),
        )
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.board.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => boardPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.board.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: boardForm,
      page: boardPage,
      submit: async (request: RecordRequest, { adviserKind, adviserName, ...input }) => {
        await intervention.setBoard(
          request.principal,
          request.params.interventionId,
          {
            ...input,
            adviserKind: adviserKind === 'none' ? null : adviserKind,
            adviserName: adviserKind === 'none' ? null : adviserName,
          },
          context(request),
        )
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'POST',
      url: interventionPaths.reports.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: reportForm,
      page: (request: RecordRequest, reply, state) => recordPage(request, reply, state, 'report'),
      submit: async (request: RecordRequest, input) => {
        await intervention.scheduleReport(request.principal, request.params.interventionId, input, context(request))
        return `${interventionPaths.show.build({ interventionId: request.params.interventionId })}#reports`
      },
    }),
  ]
}
