import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { CASE_OF_CONCERN_RECORD } from '../../rules/evidence.js'
import { dateFieldOf, dateInputItems, type Form, type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import type { EvidenceRouteDeps } from './entries.routes.js'
import {
  activityParams,
  concernFindingsForm,
  concernForm,
  concernParams,
  concernResponseForm,
  escalateConcernForm,
  namesOf,
} from './forms.js'
import { evidencePaths } from './paths.js'
import { concernRows, concernStatusHtml, concernSummaryRows } from './follow-up.presenters.js'
import { namesWarning } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
type ConcernRequest = SignedInRequest<{ activityId: string; concernId: string }>

/**
 * Cases of concern (000 Annex C, 001#36, 002#136, E4): raised by an inspector with the lead,
 * referred by the lead to the LA with a formal note, answered by the LA, concluded by the lead.
 * An LA user asking for a case not yet referred gets 404 (its target is null).
 */
export function concernRoutes({ evidence }: EvidenceRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => evidence.target(request.params.activityId)
  const concernTarget = (request: ConcernRequest) =>
    evidence.concernTarget(request.principal, request.params.activityId, request.params.concernId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function concernsPage(request: ActivityRequest, reply: FastifyReply) {
    const { principal } = request
    const { activityId } = request.params
    const { details, concerns, today } = await evidence.concerns(principal, activityId, context(request))
    return reply.page('evidence/concerns.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rows: concernRows(concerns, today),
      canRaise: canOn(principal, 'evidence.write', (await target(request))!),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      newHref: evidencePaths.newConcern.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleE4: ruleLink('E4', '000 Annex C; 001#36; 002#136'),
      concernRecord: CASE_OF_CONCERN_RECORD,
    })
  }

  async function newConcernPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const { details } = await evidence.keepInTouch(activityId)
    const values = state?.values ?? {}
    return reply.page('evidence/concern-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      values: Object.fromEntries(
        ['caseId', 'teamLocation', 'issues', 'significance', 'discussedWith'].map((name) => [
          name,
          valueOf(values, name),
        ]),
      ),
      errors: state?.errors ?? {},
      errorList: formErrorList(concernForm, state),
      names: namesWarning(state),
      formAction: evidencePaths.newConcern.build({ activityId }),
      backHref: evidencePaths.concerns.build({ activityId }),
    })
  }

  /** One case; the lead's or the LA's form for its next step, shown again with `form`'s errors. */
  async function concernPage(request: ConcernRequest, reply: FastifyReply, state?: FormState, form?: Form<unknown>) {
    const { principal } = request
    const { activityId, concernId } = request.params
    const { details, concern, today } = await evidence.concern(principal, activityId, concernId, context(request))
    const target = (await evidence.target(activityId))!
    const lead = canOn(principal, 'evidence.lead', target)
    const forLa = ROLE_INFO[principal.role].kind === 'la'
    const canEscalate = lead && concern.status === 'with-lead'
    const canRespond = canOn(principal, 'concern.respond', target) && concern.status === 'escalated'
    const canConclude = lead && concern.status === 'responded'
    const values = state?.values ?? {}
    return reply.page('evidence/concern.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      concern,
      forLa,
      statusHtml: concernStatusHtml(concern, today),
      rows: concernSummaryRows(concern, forLa),
      canEscalate,
      canRespond,
      canConclude,
      dueItems: dateInputItems('responseDue', dateFieldOf(values, 'responseDue'), Boolean(state?.errors.responseDue)),
      values: {
        // The formal note starts as the issues raised; the lead edits it for the LA (000 Annex C).
        formalNote: state ? valueOf(values, 'formalNote') : concern.status === 'with-lead' ? concern.issues : '',
        response: valueOf(values, 'response'),
        findings: valueOf(values, 'findings'),
      },
      errors: state?.errors ?? {},
      errorList: form ? formErrorList(form, state) : [],
      names: namesWarning(state),
      formAction: canEscalate
        ? evidencePaths.escalateConcern.build({ activityId, concernId })
        : canRespond
          ? evidencePaths.respondToConcern.build({ activityId, concernId })
          : canConclude
            ? evidencePaths.concludeConcern.build({ activityId, concernId })
            : undefined,
      backHref: evidencePaths.concerns.build({ activityId }),
    })
  }

  const shown = (request: ConcernRequest) => evidencePaths.concern.build(request.params)

  return [
    route({
      method: 'GET',
      url: evidencePaths.concerns.pattern,
      permission: 'concern.view',
      params: activityParams,
      target,
      handler: concernsPage,
    }),
    route({
      method: 'GET',
      url: evidencePaths.newConcern.pattern,
      permission: 'evidence.write',
      params: activityParams,
      target,
      handler: (request, reply) => newConcernPage(request, reply),
    }),
    route({
      method: 'POST',
      url: evidencePaths.newConcern.pattern,
      permission: 'evidence.write',
      params: activityParams,
      target,
      form: concernForm,
      page: newConcernPage,
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        const concernId = await evidence.raiseConcern(
          request.principal,
          activityId,
          { ...input, names },
          context(request),
        )
        return evidencePaths.concern.build({ activityId, concernId })
      },
    }),
    route({
      method: 'GET',
      url: evidencePaths.concern.pattern,
      permission: 'concern.view',
      params: concernParams,
      target: concernTarget,
      handler: (request, reply) => concernPage(request, reply),
    }),
    route({
      method: 'POST',
      url: evidencePaths.escalateConcern.pattern,
      permission: 'evidence.lead',
      params: concernParams,
      target: concernTarget,
      form: escalateConcernForm,
      page: (request, reply, state) => concernPage(request, reply, state, escalateConcernForm),
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId, concernId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        await evidence.escalateConcern(request.principal, activityId, concernId, { ...input, names }, context(request))
        return shown(request)
      },
    }),
    route({
      method: 'POST',
      url: evidencePaths.respondToConcern.pattern,
      permission: 'concern.respond',
      params: concernParams,
      target: concernTarget,
      form: concernResponseForm,
      page: (request, reply, state) => concernPage(request, reply, state, concernResponseForm),
      conflictField: 'status',
      submit: async (request, input) => {
        const { activityId, concernId } = request.params
        await evidence.respondToConcern(request.principal, activityId, concernId, input, context(request))
        return shown(request)
      },
    }),
    route({
      method: 'POST',
      url: evidencePaths.concludeConcern.pattern,
      permission: 'evidence.lead',
      params: concernParams,
      target: concernTarget,
      form: concernFindingsForm,
      page: (request, reply, state) => concernPage(request, reply, state, concernFindingsForm),
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId, concernId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        await evidence.concludeConcern(request.principal, activityId, concernId, { ...input, names }, context(request))
        return shown(request)
      },
    }),
  ]
}
