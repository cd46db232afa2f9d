import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { FURTHER_INFORMATION_RECORD } from '../../rules/evidence.js'
import { dateFieldFrom, dateFieldOf, dateInputItems, type Form, type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import type { EvidenceRouteDeps } from './entries.routes.js'
import {
  activityParams,
  agreeRequestForm,
  answerRequestForm,
  decideRequestForm,
  namesOf,
  requestForm,
  requestParams,
} from './forms.js'
import { evidencePaths } from './paths.js'
import { rfiRows, rfiStatusHtml, rfiSummaryRows } from './follow-up.presenters.js'
import { namesWarning } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
type RfiRequest = SignedInRequest<{ activityId: string; rfiId: string }>

/**
 * Requests for further information (002 Annex B, #70, #167, #244, E3): raised by the team,
 * agreed or declined by the lead, answered by the LA, the answer accepted or not by the lead.
 * An LA user asking for a request the lead has not released gets 404 (its target is null).
 */
export function requestRoutes({ evidence }: EvidenceRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => evidence.target(request.params.activityId)
  const rfiTarget = (request: RfiRequest) =>
    evidence.rfiTarget(request.principal, request.params.activityId, request.params.rfiId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function requestsPage(request: ActivityRequest, reply: FastifyReply) {
    const { principal } = request
    const { activityId } = request.params
    const { details, requests, today } = await evidence.requests(principal, activityId, context(request))
    return reply.page('evidence/requests.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rows: rfiRows(requests, today),
      awaitingLead: requests.filter((rfi) => rfi.status === 'awaiting-lead').length,
      canRaise: canOn(principal, 'evidence.write', (await target(request))!),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      newHref: evidencePaths.newRequest.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleE3: ruleLink('E3', '002 Annex B, #167'),
      record: FURTHER_INFORMATION_RECORD,
    })
  }

  async function newRequestPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const { details } = await evidence.keepInTouch(activityId)
    const isLead = details.team.some(
      (member) => member.teamRole === 'lead-inspector' && member.userId === request.principal.id,
    )
    const values = state?.values ?? {}
    return reply.page('evidence/request-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      isLead,
      values: { caseId: valueOf(values, 'caseId'), reason: valueOf(values, 'reason') },
      errors: state?.errors ?? {},
      errorList: formErrorList(requestForm, state),
      names: namesWarning(state),
      typeItems: [
        { value: 'document', text: 'Document', checked: values.requestType === 'document' },
        { value: 'information', text: 'Information', checked: values.requestType === 'information' },
      ],
      requiredItems: dateInputItems(
        'dateResponseRequired',
        dateFieldOf(values, 'dateResponseRequired'),
        Boolean(state?.errors.dateResponseRequired),
      ),
      formAction: evidencePaths.newRequest.build({ activityId }),
      backHref: evidencePaths.requests.build({ activityId }),
    })
  }

  /** One request; the lead's or the LA's form for its next step, shown again with `form`'s errors. */
  async function requestPage(request: RfiRequest, reply: FastifyReply, state?: FormState, form?: Form<unknown>) {
    const { principal } = request
    const { activityId, rfiId } = request.params
    const { details, rfi, today } = await evidence.request(principal, activityId, rfiId, context(request))
    const target = (await evidence.target(activityId))!
    const lead = canOn(principal, 'evidence.lead', target)
    const canAgree = lead && rfi.status === 'awaiting-lead'
    const canAnswer = canOn(principal, 'rfi.answer', target) && rfi.status === 'requested'
    const canDecide = lead && rfi.status === 'answered'
    const values = state?.values ?? {}
    const errors = state?.errors ?? {}
    return reply.page('evidence/request.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rfi,
      statusHtml: rfiStatusHtml(rfi, today),
      rows: rfiSummaryRows(rfi),
      decision: rfi.decisionNote ? { note: rfi.decisionNote, by: rfi.decidedByName } : undefined,
      canAgree,
      canAnswer,
      canDecide,
      requiredItems: dateInputItems(
        'dateResponseRequired',
        state ? dateFieldOf(values, 'dateResponseRequired') : dateFieldFrom(rfi.dateResponseRequired),
        Boolean(errors.dateResponseRequired),
      ),
      values: Object.fromEntries(
        ['agree', 'note', 'response', 'decision', 'decisionNote'].map((name) => [name, valueOf(values, name)]),
      ),
      errors,
      errorList: form ? formErrorList(form, state) : [],
      formAction: canAgree
        ? evidencePaths.agreeRequest.build({ activityId, rfiId })
        : canAnswer
          ? evidencePaths.answerRequest.build({ activityId, rfiId })
          : canDecide
            ? evidencePaths.decideRequest.build({ activityId, rfiId })
            : undefined,
      backHref: evidencePaths.requests.build({ activityId }),
    })
  }

  const shown = (request: RfiRequest) => evidencePaths.request.build(request.params)

  return [
    route({
      method: 'GET',
      url: evidencePaths.requests.pattern,
      permission: 'rfi.view',
      params: activityParams,
      target,
      handler: requestsPage,
    }),
    route({
      method: 'GET',
      url: evidencePaths.newRequest.pattern,
      permission: 'evidence.write',
      params: activityParams,
      target,
      handler: (request, reply) => newRequestPage(request, reply),
    }),
    route({
      method: 'POST',
      url: evidencePaths.newRequest.pattern,
      permission: 'evidence.write',
      params: activityParams,
      target,
      form: requestForm,
      page: newRequestPage,
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        const rfiId = await evidence.raiseRequest(request.principal, activityId, { ...input, names }, context(request))
        return evidencePaths.request.build({ activityId, rfiId })
      },
    }),
    route({
      method: 'GET',
      url: evidencePaths.request.pattern,
      permission: 'rfi.view',
      params: requestParams,
      target: rfiTarget,
      handler: (request, reply) => requestPage(request, reply),
    }),
    route({
      method: 'POST',
      url: evidencePaths.agreeRequest.pattern,
      permission: 'evidence.lead',
      params: requestParams,
      target: rfiTarget,
      form: agreeRequestForm,
      page: (request, reply, state) => requestPage(request, reply, state, agreeRequestForm),
      conflictField: 'status',
      submit: async (request, input) => {
        const { activityId, rfiId } = request.params
        const agree = {
          agree: input.agree,
          dateResponseRequired: input.agree ? input.dateResponseRequired.date : undefined,
          note: input.note,
          version: input.version,
        }
        await evidence.agreeRequest(request.principal, activityId, rfiId, agree, context(request))
        return shown(request)
      },
    }),
    route({
      method: 'POST',
      url: evidencePaths.answerRequest.pattern,
      permission: 'rfi.answer',
      params: requestParams,
      target: rfiTarget,
      form: answerRequestForm,
      page: (request, reply, state) => requestPage(request, reply, state, answerRequestForm),
      conflictField: 'status',
      submit: async (request, input) => {
        const { activityId, rfiId } = request.params
        await evidence.answerRequest(request.principal, activityId, rfiId, input, context(request))
        return shown(request)
      },
    }),
    route({
      method: 'POST',
      url: evidencePaths.decideRequest.pattern,
      permission: 'evidence.lead',
      params: requestParams,
      target: rfiTarget,
      form: decideRequestForm,
      page: (request, reply, state) => requestPage(request, reply, state, decideRequestForm),
      conflictField: 'status',
      submit: async (request, { decisionNote, ...input }) => {
        const { activityId, rfiId } = request.params
        await evidence.decideRequest(
          request.principal,
          activityId,
          rfiId,
          { ...input, note: decisionNote },
          context(request),
        )
        return shown(request)
      },
    }),
  ]
}
