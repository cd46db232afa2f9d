import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import { EVALUATION_HEADINGS } from '../../rules/evaluation-criteria.js'
import { SHORT_INSPECTION_QUESTIONS } from '../../rules/inspection-arrangements.js'
import { type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { type ActivitiesService, activityPaths, activityTitle } from '../activities/index.js'
import { GRADE_LABELS, pathwayGrade } from '../register/index.js'
import { evidenceHeadingsFor } from './framework-judgements.js'
import { activityParams, confirmJudgementsForm, descriptorQuery, judgementForm, judgementParams } from './forms.js'
import { judgementPaths } from './paths.js'
import {
  checkHtml,
  confirmationRows,
  frameworkRows,
  gradeItems,
  headingItems,
  judgementRows,
  sampleDescriptors,
} from './presenters.js'
import type { JudgementsService } from './service.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
type JudgementRequest = SignedInRequest<{ activityId: string; judgement: string }, typeof descriptorQuery._output>

export interface JudgementRouteDeps {
  readonly judgements: JudgementsService
  readonly activities: ActivitiesService
}

/**
 * The judgements of a standard or short inspection (002#96-101): the overview, one judgement's
 * form, and the check-your-answers page that confirms them (S6). A focused visit is sent to its
 * findings.
 */
export function judgementRecordRoutes({ judgements, activities }: JudgementRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const mayRecord = async (request: ActivityRequest) => {
    const reached = await target(request)
    return reached !== null && canOn(request.principal, 'judgements.record', reached)
  }
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function overviewPage(request: ActivityRequest, reply: FastifyReply) {
    const { activityId } = request.params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const record = (await mayRecord(request)) && data.editable
    const complete = data.check.missing.length === 0
    // 002#102, #112; 001#5: an inadequate outcome starts monitoring. The grade that decides the
    // pathway is the register's (overall, or the lowest area grade where there is none).
    const pathway = complete
      ? pathwayGrade(
          data.framework,
          Object.fromEntries(data.judgements.map((judgement) => [judgement.area, judgement.grade])),
        )
      : undefined
    return reply.page('judgements/overview.njk', {
      inadequate: pathway?.grade === 'inadequate' ? { derived: pathway.derived } : undefined,
      activity: data.activity,
      title: activityTitle(data.activity),
      frameworkRows: frameworkRows(data.framework, data.activity.onsiteStart),
      // S8 (002#57): what a short inspection asks, beside the judgements that answer it.
      shortInspectionQuestions: data.activity.type === 'short-inspection' ? SHORT_INSPECTION_QUESTIONS : [],
      rows: judgementRows(
        data.areas,
        data.judgements,
        record ? (area) => judgementPaths.judgement.build({ activityId, judgement: area }) : undefined,
      ),
      complete,
      problems: complete ? data.check.problems.map(checkHtml) : [],
      warnings: complete ? data.check.warnings.map(checkHtml) : [],
      confirmationRows: confirmationRows(data.outcome?.confirmation ?? null),
      confirmed: Boolean(data.outcome?.confirmation),
      editableProblem: data.editableProblem,
      canRecord: record,
      checkHref: judgementPaths.check.build({ activityId }),
      feedbackHref: judgementPaths.feedback.build({ activityId }),
      feedback: data.feedback,
      backHref: activityPaths.show.build({ activityId }),
      ruleS6: ruleLink('S6', '002#96-101, #238-241'),
      ruleMonitoring: ruleLink('M1', '002#112'),
    })
  }

  async function judgementPage(request: JudgementRequest, reply: FastifyReply, state?: FormState) {
    const { activityId, judgement: areaKey } = request.params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const area = data.areas.find((candidate) => candidate.key === areaKey)
    if (!area) throw new NotFoundError()
    const recorded = data.judgements.find((judgement) => judgement.area === areaKey)
    const values = state?.values
    const chosenHeadings = values
      ? ([] as unknown[]).concat(values.evidenceHeadings ?? []).filter((id): id is string => typeof id === 'string')
      : [...(recorded?.evidenceHeadings ?? [])]
    const understands = values
      ? valueOf(values, 'leadersUnderstandFailure')
      : recorded?.leadersUnderstandFailure === true
        ? 'yes'
        : recorded?.leadersUnderstandFailure === false
          ? 'no'
          : ''
    const descriptor =
      EVALUATION_HEADINGS.find((heading) => heading.area === areaKey)?.citation ??
      (areaKey === 'care-leavers' ? '002#240' : '002#238')
    const action = judgementPaths.judgement.build({ activityId, judgement: areaKey })
    return reply.page('judgements/judgement.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      area,
      descriptor,
      editable: data.editable,
      editableProblem: data.editableProblem,
      confirmed: Boolean(data.outcome?.confirmation),
      gradeItems: gradeItems(
        values ? valueOf(values, 'grade') : recorded?.grade,
        areaKey === 'overall' ? data.check.suggestedOverall : undefined,
      ),
      suggestedOverall:
        areaKey === 'overall' && data.check.suggestedOverall ? GRADE_LABELS[data.check.suggestedOverall] : undefined,
      headingItems: headingItems(data.framework, areaKey, chosenHeadings),
      isLeaders: areaKey === 'leaders',
      understandItems: [
        { value: 'yes', text: 'Yes', checked: understands === 'yes' },
        { value: 'no', text: 'No', checked: understands === 'no' },
        { value: '', text: 'Not applicable: neither practice judgement is inadequate', checked: !understands },
      ],
      rationale: values ? valueOf(values, 'rationale') : (recorded?.rationale ?? ''),
      version: data.version,
      errors: state?.errors ?? {},
      errorList: formErrorList(judgementForm(area, evidenceHeadingsFor(data.framework, areaKey)), state),
      formAction: data.editable ? action : undefined,
      descriptors: sampleDescriptors(request.query),
      descriptorAction: action,
      backHref: judgementPaths.overview.build({ activityId }),
    })
  }

  async function checkPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const record = (await mayRecord(request)) && data.editable
    const canConfirm = record && data.check.missing.length === 0
    return reply.page('judgements/check.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      frameworkRows: frameworkRows(data.framework, data.activity.onsiteStart),
      rows: judgementRows(
        data.areas,
        data.judgements,
        record ? (area) => judgementPaths.judgement.build({ activityId, judgement: area }) : undefined,
      ),
      missing: data.check.missing,
      problems: data.check.problems.map(checkHtml),
      warnings: data.check.warnings.map(checkHtml),
      confirmed: Boolean(data.outcome?.confirmation),
      editableProblem: data.editableProblem,
      reason: valueOf(state?.values ?? {}, 'reason'),
      version: data.version,
      errors: state?.errors ?? {},
      errorList: formErrorList(confirmJudgementsForm, state),
      formAction: canConfirm ? judgementPaths.check.build({ activityId }) : undefined,
      backHref: judgementPaths.overview.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: judgementPaths.overview.pattern,
      permission: 'judgements.view',
      params: activityParams,
      target,
      handler: overviewPage,
    }),
    route({
      method: 'GET',
      url: judgementPaths.check.pattern,
      permission: 'judgements.view',
      params: activityParams,
      target,
      handler: checkPage,
    }),
    route({
      method: 'POST',
      url: judgementPaths.check.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      form: confirmJudgementsForm,
      page: checkPage,
      submit: async (request, input) => {
        await judgements.confirmJudgements(request.principal, request.params.activityId, input, context(request))
        return judgementPaths.overview.build(request.params)
      },
    }),
    route({
      method: 'GET',
      url: judgementPaths.judgement.pattern,
      permission: 'judgements.record',
      params: judgementParams,
      query: descriptorQuery,
      target,
      handler: judgementPage,
    }),
    route({
      method: 'POST',
      url: judgementPaths.judgement.pattern,
      permission: 'judgements.record',
      params: judgementParams,
      query: descriptorQuery,
      target,
      // The form names the judgement and offers its framework's headings: it is built per judgement.
      form: async (request) => {
        const { area, headings } = await judgements.judgementArea(request.params.activityId, request.params.judgement)
        return judgementForm(area, headings)
      },
      page: judgementPage,
      submit: async (request, input) => {
        const { activityId, judgement } = request.params
        await judgements.recordJudgement(request.principal, activityId, judgement, input, context(request))
        return judgementPaths.overview.build({ activityId })
      },
    }),
  ]
}
