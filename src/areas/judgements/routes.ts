import type { FastifyReply, FastifyRequest } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { EVALUATION_HEADINGS } from '../../rules/evaluation-criteria.js'
import { FEEDBACK_RULES } from '../../rules/evidence.js'
import { NotFoundError } from '../../errors.js'
import {
  submitForm,
  dateField,
  dateFieldFrom,
  type DateField,
  dateInputItems,
  errorList,
  type FieldErrors,
  type FormBody,
  readDate,
  text,
  texts,
} from '../../web/legacy-forms.js'
import { ruleLink } from '../../web/rule-links.js'
import type { RouteSpec } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { activityPaths } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import { GRADE_LABELS, pathwayGrade } from '../register/index.js'
import { ATTENDEE_ROLES, feedbackWarnings, SET_OUT_ITEMS } from './feedback.js'
import {
  FINDING_KIND_LABELS,
  FINDING_KINDS,
  PRIORITY_ACTION_EXAMPLES,
  PRIORITY_ACTION_GROUNDS,
} from './focused-visit-findings.js'
import { judgementPaths } from './paths.js'
import {
  checkHtml,
  confirmationRows,
  feedbackRows,
  findingGroups,
  frameworkRows,
  gradeItems,
  headingItems,
  judgementRows,
  nextStepRows,
} from './presenters.js'
import type { JudgementsService } from './service.js'

type Params = { activityId: string; judgement?: string }

function version(body: FormBody): number | undefined {
  const value = Number.parseInt(text(body, 'version'), 10)
  return Number.isFinite(value) ? value : undefined
}

/**
 * The judgements area's pages (issue 6): the judgements of a standard or short inspection with
 * their check-your-answers page, a focused visit's findings, and the feedback meeting. Every
 * route is scoped to its activity's team (`activities.target`); the LA's DCS reaches only the
 * feedback page, and only once feedback is on record (002#197).
 */
export function judgementRoutes(judgements: JudgementsService, activities: ActivitiesService): RouteSpec[] {
  const activityTarget = (request: FastifyRequest) => activities.target((request.params as Params).activityId)
  // 002#197: the DCS hears the provisional judgements at feedback; before then the LA sees nothing.
  const feedbackTarget = async (request: FastifyRequest): Promise<PolicyTarget | null> => {
    const { activityId } = request.params as Params
    const target = await activities.target(activityId)
    if (!target) return null
    return { ...target, laVisible: target.laVisible !== false && (await judgements.hasFeedback(activityId)) }
  }
  const canRecord = async (request: FastifyRequest) => {
    const target = await activities.target((request.params as Params).activityId)
    return target !== null && canOn(request.principal!, 'judgements.record', target)
  }

  async function renderOverview(request: FastifyRequest, reply: FastifyReply) {
    const { activityId } = request.params as Params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const record = (await canRecord(request)) && data.editable
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

  async function renderJudgementForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values:
      | { grade?: string; rationale?: string; evidenceHeadings?: string[]; leadersUnderstandFailure?: string }
      | undefined,
    errors: FieldErrors = {},
  ) {
    const { activityId, judgement: areaKey = '' } = request.params as Params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const area = data.areas.find((candidate) => candidate.key === areaKey)
    if (!area) throw new NotFoundError()
    const recorded = data.judgements.find((judgement) => judgement.area === areaKey)
    const current = values ?? {
      grade: recorded?.grade,
      rationale: recorded?.rationale,
      evidenceHeadings: [...(recorded?.evidenceHeadings ?? [])],
      leadersUnderstandFailure:
        recorded?.leadersUnderstandFailure === true ? 'yes' : recorded?.leadersUnderstandFailure === false ? 'no' : '',
    }
    const descriptor =
      EVALUATION_HEADINGS.find((heading) => heading.area === areaKey)?.citation ??
      (areaKey === 'care-leavers' ? '002#240' : '002#238')
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('judgements/judgement.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      area,
      descriptor,
      editable: data.editable,
      editableProblem: data.editableProblem,
      confirmed: Boolean(data.outcome?.confirmation),
      gradeItems: gradeItems(current.grade, areaKey === 'overall' ? data.check.suggestedOverall : undefined),
      suggestedOverall:
        areaKey === 'overall' && data.check.suggestedOverall ? GRADE_LABELS[data.check.suggestedOverall] : undefined,
      headingItems: headingItems(data.framework, areaKey, current.evidenceHeadings ?? []),
      isLeaders: areaKey === 'leaders',
      understandItems: [
        { value: 'yes', text: 'Yes', checked: current.leadersUnderstandFailure === 'yes' },
        { value: 'no', text: 'No', checked: current.leadersUnderstandFailure === 'no' },
        {
          value: '',
          text: 'Not applicable: neither practice judgement is inadequate',
          checked: !current.leadersUnderstandFailure,
        },
      ],
      rationale: current.rationale ?? '',
      version: data.version,
      errors,
      errorList: errorList(errors, {
        grade: 'grade',
        evidenceHeadings: 'evidenceHeadings',
        status: 'main-content',
        version: 'main-content',
      }),
      action: judgementPaths.judgement.build({ activityId, judgement: areaKey }),
      backHref: judgementPaths.overview.build({ activityId }),
    })
  }

  async function renderCheck(request: FastifyRequest, reply: FastifyReply, reason = '', errors: FieldErrors = {}) {
    const { activityId } = request.params as Params
    const data = await judgements.judgementsPage(activityId)
    if (data.kind === 'findings') return reply.redirect(judgementPaths.findings.build({ activityId }), 303)
    const record = (await canRecord(request)) && data.editable
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('judgements/check.njk', {
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
      canConfirm: record && data.check.missing.length === 0,
      editableProblem: data.editableProblem,
      reason,
      version: data.version,
      errors,
      errorList: errorList(errors, { status: 'judgements', version: 'judgements' }),
      action: judgementPaths.check.build({ activityId }),
      backHref: judgementPaths.overview.build({ activityId }),
    })
  }

  async function renderFindings(
    request: FastifyRequest,
    reply: FastifyReply,
    values: { kind?: string; text?: string; ground?: string } = {},
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const data = await judgements.findingsPage(activityId)
    if (data.kind === 'judgements') return reply.redirect(judgementPaths.overview.build({ activityId }), 303)
    const record = (await canRecord(request)) && data.editable
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('judgements/findings.njk', {
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
      text: values.text ?? '',
      topics: data.activity.topics,
      version: data.version,
      errors,
      errorList: errorList(errors, { kind: 'kind', ground: 'ground', status: 'findings', version: 'findings' }),
      action: judgementPaths.findings.build({ activityId }),
      removeAction: judgementPaths.findingRemove.build({ activityId }),
      confirmAction: judgementPaths.findingsConfirm.build({ activityId }),
      feedbackHref: judgementPaths.feedback.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleS7: ruleLink('S7', '002#108-110'),
    })
  }

  async function renderFeedback(request: FastifyRequest, reply: FastifyReply) {
    const { activityId } = request.params as Params
    const principal = request.principal!
    const data = await judgements.feedbackPage(activityId)
    const forLa = ROLE_INFO[principal.role].kind === 'la'
    const record = (await canRecord(request)) && data.canRecord
    const warnings =
      data.feedback && !forLa
        ? feedbackWarnings(data.feedback, {
            graded: data.graded,
            feedbackDue: data.feedbackDue?.date,
            judgements: data.areas.map((area) => ({ key: area.key, label: area.label })),
            monitoringMayFollow: data.monitoringMayFollow,
          })
        : []
    return reply.page('judgements/feedback.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      forLa,
      graded: data.graded,
      feedback: data.feedback,
      rows: data.feedback ? feedbackRows(data.feedback, data.areas, { forLa, graded: data.graded }) : [],
      warnings: warnings.map(checkHtml),
      feedbackDue: data.feedbackDue?.date,
      canRecord: record,
      recordHref: judgementPaths.feedbackRecord.build({ activityId }),
      outcomeHref: data.graded
        ? judgementPaths.overview.build({ activityId })
        : judgementPaths.findings.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      maxMinutes: FEEDBACK_RULES.maxMinutes,
      nextStepRows: nextStepRows(data.reportMilestones),
    })
  }

  interface FeedbackValues {
    heldOn?: DateField
    durationMinutes?: string
    attendees?: string[]
    otherAttendees?: string
    dcsToldBefore?: string
    judgementsGiven?: string[]
    setOut?: string[]
    notes?: string
  }

  async function renderFeedbackForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FeedbackValues | undefined,
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const data = await judgements.feedbackPage(activityId)
    const saved = data.feedback
    const current: FeedbackValues = values ?? {
      heldOn: dateFieldFrom(saved?.heldOn ?? data.feedbackDue?.date),
      durationMinutes: saved ? String(saved.durationMinutes) : '',
      attendees: [...(saved?.attendees ?? [])],
      otherAttendees: saved?.otherAttendees ?? '',
      dcsToldBefore: saved?.dcsToldBefore === true ? 'yes' : saved?.dcsToldBefore === false ? 'no' : '',
      judgementsGiven: saved ? Object.keys(saved.judgementsGiven) : data.areas.map((area) => area.key),
      setOut: [...(saved?.setOut ?? [])],
      notes: saved?.notes ?? '',
    }
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('judgements/feedback-form.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      graded: data.graded,
      canRecord: data.canRecord,
      feedbackDue: data.feedbackDue?.date,
      heldOnItems: dateInputItems('heldOn', current.heldOn ?? dateFieldFrom(undefined), Boolean(errors.heldOn)),
      durationMinutes: current.durationMinutes ?? '',
      attendeeItems: ATTENDEE_ROLES.map((role) => ({
        value: role.key,
        text: role.label,
        checked: current.attendees?.includes(role.key),
      })),
      otherAttendees: current.otherAttendees ?? '',
      dcsItems: [
        { value: 'yes', text: 'Yes', checked: current.dcsToldBefore === 'yes' },
        { value: 'no', text: 'No', checked: current.dcsToldBefore === 'no' },
      ],
      givenItems: data.areas.map((area) => {
        const judgement = data.judgements.find((candidate) => candidate.area === area.key)
        return {
          value: area.key,
          text: `${area.label}: ${judgement ? GRADE_LABELS[judgement.grade] : 'not recorded'}`,
          checked: current.judgementsGiven?.includes(area.key),
          disabled: !judgement,
        }
      }),
      setOutItems: SET_OUT_ITEMS.filter((item) => item.key !== 'monitoring' || data.monitoringMayFollow).map(
        (item) => ({
          value: item.key,
          text: item.label,
          hint: { text: item.citation },
          checked: current.setOut?.includes(item.key),
        }),
      ),
      notes: current.notes ?? '',
      maxMinutes: FEEDBACK_RULES.maxMinutes,
      errors,
      errorList: errorList(errors, {
        heldOn: 'heldOn-day',
        attendees: 'attendees',
        dcsToldBefore: 'dcsToldBefore',
        status: 'main-content',
      }),
      action: judgementPaths.feedbackRecord.build({ activityId }),
      backHref: judgementPaths.feedback.build({ activityId }),
    })
  }

  return [
    {
      method: 'GET',
      url: judgementPaths.overview.pattern,
      permission: 'judgements.view',
      target: activityTarget,
      handler: renderOverview,
    },
    {
      method: 'GET',
      url: judgementPaths.check.pattern,
      permission: 'judgements.view',
      target: activityTarget,
      handler: async (request, reply) => renderCheck(request, reply),
    },
    {
      method: 'POST',
      url: judgementPaths.check.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = { reason: text(body, 'reason'), version: version(body) }
        return submitForm(
          reply,
          () => judgements.confirmJudgements(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderCheck(request, reply, input.reason, errors),
          judgementPaths.overview.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: judgementPaths.judgement.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => renderJudgementForm(request, reply, undefined),
    },
    {
      method: 'POST',
      url: judgementPaths.judgement.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId, judgement = '' } = request.params as Params
        const body = request.body as FormBody
        const input = {
          grade: text(body, 'grade'),
          rationale: text(body, 'rationale'),
          evidenceHeadings: texts(body, 'evidenceHeadings'),
          leadersUnderstandFailure: text(body, 'leadersUnderstandFailure'),
          version: version(body),
        }
        return submitForm(
          reply,
          () => judgements.recordJudgement(request.principal!, activityId, judgement, input, { requestId: request.id }),
          (errors) => renderJudgementForm(request, reply, input, errors),
          judgementPaths.overview.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: judgementPaths.findings.pattern,
      permission: 'judgements.view',
      target: activityTarget,
      handler: async (request, reply) => renderFindings(request, reply),
    },
    {
      method: 'POST',
      url: judgementPaths.findings.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = {
          kind: text(body, 'kind'),
          text: text(body, 'text'),
          ground: text(body, 'ground'),
          version: version(body),
        }
        return submitForm(
          reply,
          () => judgements.addFinding(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderFindings(request, reply, input, errors),
          judgementPaths.findings.build({ activityId }),
        )
      },
    },
    {
      method: 'POST',
      url: judgementPaths.findingRemove.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = { findingId: text(body, 'findingId'), version: version(body) }
        return submitForm(
          reply,
          () => judgements.removeFinding(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderFindings(request, reply, {}, errors),
          judgementPaths.findings.build({ activityId }),
        )
      },
    },
    {
      method: 'POST',
      url: judgementPaths.findingsConfirm.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = { noPriorityActions: text(body, 'noPriorityActions') === 'yes', version: version(body) }
        return submitForm(
          reply,
          () => judgements.confirmFindings(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderFindings(request, reply, {}, errors),
          judgementPaths.findings.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: judgementPaths.feedback.pattern,
      permission: 'judgements.view-feedback',
      target: feedbackTarget,
      handler: renderFeedback,
    },
    {
      method: 'GET',
      url: judgementPaths.feedbackRecord.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => renderFeedbackForm(request, reply, undefined),
    },
    {
      method: 'POST',
      url: judgementPaths.feedbackRecord.pattern,
      permission: 'judgements.record',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const heldOn = readDate(body, 'heldOn', 'the date of the meeting', dateErrors)
        const input = {
          heldOn,
          durationMinutes: text(body, 'durationMinutes'),
          attendees: texts(body, 'attendees'),
          otherAttendees: text(body, 'otherAttendees'),
          dcsToldBefore: text(body, 'dcsToldBefore'),
          judgementsGiven: texts(body, 'judgementsGiven'),
          setOut: texts(body, 'setOut'),
          notes: text(body, 'notes'),
        }
        const values: FeedbackValues = {
          ...input,
          heldOn: dateField(body, 'heldOn'),
          attendees: [...input.attendees],
          judgementsGiven: [...input.judgementsGiven],
          setOut: [...input.setOut],
        }
        return submitForm(
          reply,
          () => judgements.recordFeedback(request.principal!, activityId, input, dateErrors, { requestId: request.id }),
          (errors) => renderFeedbackForm(request, reply, values, errors),
          judgementPaths.feedback.build({ activityId }),
        )
      },
    },
  ]
}
