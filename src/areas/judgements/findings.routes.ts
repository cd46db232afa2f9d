import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  PRIORITY_ACTION_EXAMPLES,
  PRIORITY_ACTION_GROUNDS,
} from './focused-visit-findings.js'
import { activityParams, confirmFindingsForm, findingForm, removeFindingForm } from './forms.js'
import type { JudgementRouteDeps } from './judgement.routes.js'
import { judgementPaths } from './paths.js'
import { confirmationRows, findingGroups } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/**
 * A focused visit's findings (S7, 002#108-110): the page lists them with a form to add one, a
 * button to remove each and the confirmation. A standard or short inspection is sent to its
 * judgements.
 */
export function findingRoutes({ judgements, activities }: JudgementRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const mayRecord = async (request: ActivityRequest) => {
    const reached = await target(request)
    return reached !== null && canOn(request.principal, 'judgements.record', reached)
  }
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const backToFindings = (request: ActivityRequest) => judgementPaths.findings.build(request.params)

  async function findingsPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await judgements.findingsPage(activityId)
    if (data.kind === 'judgements') return reply.redirect(judgementPaths.overview.build({ activityId }), 303)
    const record = (await mayRecord(request)) && data.editable
    const values = state?.values ?? {}
    return reply.page('judgements/findings.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      groups: findingGroups(data.findings),
      problems: data.problems,
      confirmed: Boolean(data.outcome?.confirmation),
      confirmationRows: confirmationRows(data.outcome?.confirmation ?? null),
      noPriorityActions: data.outcome?.noPriorityActions ?? false,
      canRecord: record,
      editableProblem: data.editableProblem,
      kindItems: FINDING_KINDS.map((kind) => ({
        value: kind,
        text: FINDING_KIND_LABELS[kind],
        checked: values.kind === kind,
      })),
      groundItems: PRIORITY_ACTION_GROUNDS.map((ground) => ({
        value: ground.key,
        text: ground.label,
        checked: values.ground === ground.key,
      })),
      examples: PRIORITY_ACTION_EXAMPLES,
      text: valueOf(values, 'text'),
      topics: data.activity.topics,
      version: data.version,
      errors: state?.errors ?? {},
      errorList: formErrorList(findingForm, state),
      formAction: record ? judgementPaths.findings.build({ activityId }) : undefined,
      removeAction: judgementPaths.findingRemove.build({ activityId }),
      confirmAction: judgementPaths.findingsConfirm.build({ activityId }),
      feedbackHref: judgementPaths.feedback.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleS7: ruleLink('S7', '002#108-110'),
    })
  }

  return [
    route({
      method: 'GET',
      url: judgementPaths.findings.pattern,
      permission: 'judgements.view',
      params: activityParams,
      target,
      handler: findingsPage,
    }),
    route({
      method: 'POST',
      url: judgementPaths.findings.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      form: findingForm,
      page: findingsPage,
      submit: async (request, input) => {
        await judgements.addFinding(request.principal, request.params.activityId, input, context(request))
        return backToFindings(request)
      },
    }),
    route({
      method: 'POST',
      url: judgementPaths.findingRemove.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      form: removeFindingForm,
      page: findingsPage,
      submit: async (request, input) => {
        await judgements.removeFinding(request.principal, request.params.activityId, input, context(request))
        return backToFindings(request)
      },
    }),
    route({
      method: 'POST',
      url: judgementPaths.findingsConfirm.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      form: confirmFindingsForm,
      page: findingsPage,
      submit: async (request, input) => {
        await judgements.confirmFindings(request.principal, request.params.activityId, input, context(request))
        return backToFindings(request)
      },
    }),
  ]
}
