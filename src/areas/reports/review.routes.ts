import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { errorList, type FormState, valueOf } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityTitle } from '../activities/index.js'
import { activityParams, reviewCommentForm, reviewDecisionForm } from './forms.js'
import { reportPaths } from './paths.js'
import { numberedSections, stepTag } from './presenters.js'
import { reviewerStages } from './review.service.js'
import type { ReportsService } from './service.js'
import { documentWord, isReviewStep, STEP_LABELS } from './workflow.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
const context = (request: SignedInRequest) => ({ requestId: request.id })

/**
 * The review page (002#214): the draft section by section with each section's comments, a comment
 * form for the reviewer whose turn it is, and the decision: return to the lead, approve, or (the
 * regional director) refer to the national director.
 */
export function reviewRoutes(reports: ReportsService): RouteSpec[] {
  const target = (request: ActivityRequest) => reports.target(request.params.activityId)

  async function reviewPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await reports.read.page(activityId)
    if (!data.report || !data.latest || !data.definitions)
      return reply.redirect(reportPaths.report.build({ activityId }), 303)
    const policy = (await target(request)) as PolicyTarget
    const step = data.report.step
    const myTurn =
      isReviewStep(step) &&
      reviewerStages(request.principal).includes(step) &&
      canOn(request.principal, 'report.review', policy)
    const comments = data.reviewComments ?? []
    const values = state?.values ?? {}
    const sections = numberedSections(data.definitions, data.latest.sections).map((section) => ({
      ...section,
      comments: comments.filter((comment) => comment.section === section.key),
    }))
    const word = documentWord(data.report.kind)
    return reply.page('reports/review.njk', {
      caption: activityTitle(data.details.activity),
      heading: `Review the ${word}`,
      word,
      stepTag: stepTag(step),
      latest: data.latest,
      report: data.report,
      sections,
      general: comments.filter((comment) => !comment.section),
      nameOf: data.nameOf,
      stageOf: (stage: keyof typeof STEP_LABELS) => STEP_LABELS[stage],
      myTurn,
      canRefer: step === 'director-review' && request.principal.role === 'regional-director',
      decisionItems: [
        { value: 'approve', text: 'Approve', checked: values.decision === 'approve' },
        { value: 'return', text: `Return the ${word} to the lead inspector`, checked: values.decision === 'return' },
        ...(step === 'director-review' && request.principal.role === 'regional-director'
          ? [{ value: 'refer', text: 'Refer it to the national director', checked: values.decision === 'refer' }]
          : []),
      ],
      commentSection: valueOf(values, 'section'),
      note: valueOf(values, 'note'),
      errors: state?.errors ?? {},
      errorList: errorList(state?.errors ?? {}),
      commentAction: reportPaths.reviewComment.build({ activityId }),
      decisionAction: reportPaths.reviewDecision.build({ activityId }),
      backHref: reportPaths.report.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: reportPaths.review.pattern,
      permission: 'report.view',
      params: activityParams,
      target,
      handler: reviewPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.reviewComment.pattern,
      permission: 'report.review',
      params: activityParams,
      target,
      form: reviewCommentForm,
      page: reviewPage,
      submit: async (request, input) => {
        await reports.review.comment(request.principal, request.params.activityId, input, context(request))
        return `${reportPaths.review.build(request.params)}${input.section ? `#section-${input.section}` : ''}`
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.reviewDecision.pattern,
      permission: 'report.review',
      params: activityParams,
      target,
      form: reviewDecisionForm,
      page: reviewPage,
      submit: async (request, input) => {
        await reports.review.decide(request.principal, request.params.activityId, input, context(request))
        return reportPaths.report.build(request.params)
      },
    }),
  ]
}
