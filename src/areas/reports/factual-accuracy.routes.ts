import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { errorList, type FormState, valueOf } from '../../web/forms.js'
import { contentDisposition } from '../../web/downloads.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import {
  activityParams,
  faCommentForm,
  faDecisionForm,
  faDisputeForm,
  faRemoveForm,
  faResponseForm,
  laFileParams,
  versionForm,
} from './forms.js'
import { reportPaths } from './paths.js'
import { commentPlace, numberedSections, paragraphItems, stepTag } from './presenters.js'
import type { ReportsService } from './service.js'
import { documentWord } from './workflow.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
const context = (request: SignedInRequest) => ({ requestId: request.id })

/**
 * Factual accuracy (002#215-216, #222): the LA's page (the draft it was sent, its comments, submit
 * once, dispute an answer, its copies) and the team's page (the LA's comments with the lead's
 * answers and the QA manager's decisions on disputes), and sending the draft to the LA.
 */
export function factualAccuracyRoutes(reports: ReportsService): RouteSpec[] {
  const target = (request: ActivityRequest) => reports.target(request.params.activityId)

  async function laPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await reports.read.page(activityId)
    const { report } = data
    const copy = await reports.read.laCopy(activityId)
    const definitions = data.definitions ?? []
    const values = state?.values ?? {}
    const mine = (data.faComments ?? []).map((comment) => ({ ...comment, place: commentPlace(definitions, comment) }))
    const open = report!.step === 'factual-accuracy' && !report!.faSubmittedAt
    const word = documentWord(report!.kind)
    const file = (name: 'report.pdf' | 'report.docx') => reportPaths.laCopy.build({ activityId, file: name })
    return reply.page('reports/factual-accuracy.njk', {
      caption: activityTitle(data.details.activity),
      heading: `Factual accuracy check of the draft ${word}`,
      word,
      report,
      stepTag: stepTag(report!.step),
      late: open && report!.faDue !== null && (data.today ?? '') > report!.faDue,
      sections: numberedSections(definitions, copy.sent.sections),
      sentVersion: copy.sent.number,
      copy: copy.latest,
      files: { pdf: file('report.pdf'), docx: file('report.docx') },
      open,
      unsubmitted: mine.filter((comment) => !comment.submittedAt),
      submitted: mine.filter((comment) => comment.submittedAt),
      paragraphItems: [
        { value: '', text: 'Select a paragraph' },
        ...paragraphItems(definitions, copy.sent.sections, valueOf(values, 'anchor')),
      ],
      correction: valueOf(values, 'correction'),
      evidence: valueOf(values, 'evidence'),
      disputeId: valueOf(values, 'commentId'),
      mayComment: canOn(request.principal, 'report.la-comment', (await target(request)) as PolicyTarget),
      errors: state?.errors ?? {},
      errorList: errorList(state?.errors ?? {}),
      actions: {
        comment: reportPaths.faComment.build({ activityId }),
        remove: reportPaths.faRemove.build({ activityId }),
        submit: reportPaths.faSubmit.build({ activityId }),
        dispute: reportPaths.faDispute.build({ activityId }),
      },
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function staffPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await reports.read.page(activityId)
    if (!data.report || !data.definitions) return reply.redirect(reportPaths.report.build({ activityId }), 303)
    const policy = (await target(request)) as PolicyTarget
    const definitions = data.definitions
    const comments = (data.faComments ?? [])
      .filter((comment) => comment.submittedAt)
      .map((comment) => ({ ...comment, place: commentPlace(definitions, comment) }))
    const values = state?.values ?? {}
    return reply.page('reports/la-comments.njk', {
      caption: activityTitle(data.details.activity),
      heading: 'Factual accuracy comments',
      report: data.report,
      stepTag: stepTag(data.report.step),
      comments,
      open: data.report.step === 'factual-accuracy',
      canAnswer: canOn(request.principal, 'report.lead', policy),
      canDecide: canOn(request.principal, 'report.qa', policy),
      blockers: data.blockers ?? [],
      nameOf: data.nameOf,
      chosen: valueOf(values, 'commentId'),
      errors: state?.errors ?? {},
      errorList: errorList(state?.errors ?? {}),
      actions: {
        respond: reportPaths.faRespond.build({ activityId }),
        decide: reportPaths.faDecide.build({ activityId }),
        embargo: reportPaths.embargo.build({ activityId }),
      },
      backHref: reportPaths.report.build({ activityId }),
    })
  }

  const base = { params: activityParams, target }

  return [
    route({
      method: 'GET',
      url: reportPaths.factualAccuracy.pattern,
      permission: 'report.la-view',
      ...base,
      handler: laPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.faComment.pattern,
      permission: 'report.la-comment',
      ...base,
      form: faCommentForm,
      page: laPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.add(request.principal, request.params.activityId, input, context(request))
        return reportPaths.factualAccuracy.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.faRemove.pattern,
      permission: 'report.la-comment',
      ...base,
      form: faRemoveForm,
      page: laPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.remove(
          request.principal,
          request.params.activityId,
          input.commentId,
          context(request),
        )
        return reportPaths.factualAccuracy.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.faSubmit.pattern,
      permission: 'report.la-comment',
      ...base,
      form: versionForm,
      page: laPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.submit(request.principal, request.params.activityId, input, context(request))
        return reportPaths.factualAccuracy.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.faDispute.pattern,
      permission: 'report.la-comment',
      ...base,
      form: faDisputeForm,
      page: laPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.dispute(request.principal, request.params.activityId, input, context(request))
        return reportPaths.factualAccuracy.build(request.params)
      },
    }),
    route({
      method: 'GET',
      url: reportPaths.laCopy.pattern,
      permission: 'report.la-view',
      params: laFileParams,
      target: (request) => reports.target(request.params.activityId),
      handler: async (request, reply) => {
        const { activityId, file } = request.params
        const { latest } = await reports.read.laCopy(activityId)
        const found = await reports.drafting.file(activityId, latest.number, file)
        return reply
          .type(found.contentType)
          .header('content-disposition', contentDisposition(found.fileName))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(found.bytes))
      },
    }),
    route({
      method: 'GET',
      url: reportPaths.laComments.pattern,
      permission: 'report.view',
      ...base,
      handler: staffPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.faRespond.pattern,
      permission: 'report.lead',
      ...base,
      form: faResponseForm,
      page: staffPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.respond(request.principal, request.params.activityId, input, context(request))
        return reportPaths.laComments.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.faDecide.pattern,
      permission: 'report.qa',
      ...base,
      form: faDecisionForm,
      page: staffPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.decide(request.principal, request.params.activityId, input, context(request))
        return reportPaths.laComments.build(request.params)
      },
    }),
  ]
}
