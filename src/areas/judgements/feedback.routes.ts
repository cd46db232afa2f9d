import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { INADEQUATE_FEEDBACK_MESSAGES } from '../../rules/after-inadequate.js'
import { FEEDBACK_RULES } from '../../rules/evidence.js'
import { escapeHtml } from '../../web/html.js'
import {
  dateFieldFrom,
  dateFieldOf,
  dateInputItems,
  type FormState,
  type FormValues,
  valueOf,
} from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import { GRADE_LABELS } from '../register/index.js'
import { ATTENDEE_ROLES, feedbackWarnings, SET_OUT_ITEMS } from './feedback.js'
import { activityParams, feedbackForm } from './forms.js'
import type { JudgementRouteDeps } from './judgement.routes.js'
import { judgementPaths } from './paths.js'
import { checkHtml, feedbackRows, nextStepRows } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** Every ticked value of a set of checkboxes the user sent. */
function ticked(values: FormValues, name: string): string[] {
  return ([] as unknown[]).concat(values[name] ?? []).filter((value): value is string => typeof value === 'string')
}

/**
 * The feedback meeting (E5, 002#196-201): the record for Ofsted, and for the LA's DCS the
 * provisional judgements given, only once feedback is on record (002#197).
 */
export function feedbackRoutes({ judgements, activities }: JudgementRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  // 002#197: the DCS hears the provisional judgements at feedback; before then the LA sees nothing.
  const feedbackTarget = async (request: ActivityRequest): Promise<PolicyTarget | null> => {
    const reached = await target(request)
    if (!reached) return null
    const laVisible = reached.laVisible !== false && (await judgements.hasFeedback(request.params.activityId))
    return { ...reached, laVisible }
  }
  const mayRecord = async (request: ActivityRequest) => {
    const reached = await target(request)
    return reached !== null && canOn(request.principal, 'judgements.record', reached)
  }

  async function feedbackPage(request: ActivityRequest, reply: FastifyReply) {
    const { activityId } = request.params
    const data = await judgements.feedbackPage(activityId)
    const forLa = ROLE_INFO[request.principal.role].kind === 'la'
    const record = (await mayRecord(request)) && data.canRecord
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

  async function recordPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await judgements.feedbackPage(activityId)
    const saved = data.feedback
    const values = state?.values
    const errors = state?.errors ?? {}
    const heldOn = values ? dateFieldOf(values, 'heldOn') : dateFieldFrom(saved?.heldOn ?? data.feedbackDue?.date)
    const attendees = values ? ticked(values, 'attendees') : [...(saved?.attendees ?? [])]
    const dcsToldBefore = values
      ? valueOf(values, 'dcsToldBefore')
      : saved?.dcsToldBefore === true
        ? 'yes'
        : saved?.dcsToldBefore === false
          ? 'no'
          : ''
    const given = values
      ? ticked(values, 'judgementsGiven')
      : saved
        ? Object.keys(saved.judgementsGiven)
        : data.areas.map((area) => area.key)
    const setOut = values ? ticked(values, 'setOut') : [...(saved?.setOut ?? [])]
    return reply.page('judgements/feedback-form.njk', {
      activity: data.activity,
      title: activityTitle(data.activity),
      graded: data.graded,
      canRecord: data.canRecord,
      feedbackDue: data.feedbackDue?.date,
      heldOnItems: dateInputItems('heldOn', heldOn, Boolean(errors.heldOn)),
      durationMinutes: values ? valueOf(values, 'durationMinutes') : saved ? String(saved.durationMinutes) : '',
      attendeeItems: ATTENDEE_ROLES.map((role) => ({
        value: role.key,
        text: role.label,
        checked: attendees.includes(role.key),
      })),
      otherAttendees: values ? valueOf(values, 'otherAttendees') : (saved?.otherAttendees ?? ''),
      dcsItems: [
        { value: 'yes', text: 'Yes', checked: dcsToldBefore === 'yes' },
        { value: 'no', text: 'No', checked: dcsToldBefore === 'no' },
      ],
      givenItems: data.areas.map((area) => {
        const judgement = data.judgements.find((candidate) => candidate.area === area.key)
        return {
          value: area.key,
          text: `${area.label}: ${judgement ? GRADE_LABELS[judgement.grade] : 'not recorded'}`,
          checked: given.includes(area.key),
          disabled: !judgement,
        }
      }),
      setOutItems: SET_OUT_ITEMS.filter((item) => item.key !== 'monitoring' || data.monitoringMayFollow).map(
        (item) => ({
          value: item.key,
          text: item.label,
          // The inadequate judgement's checklist (M1): what the DCS is told about the programme.
          hint:
            item.key === 'monitoring'
              ? {
                  html: `${escapeHtml(item.citation)}<ul class="govuk-list govuk-list--bullet govuk-!-font-size-16">${INADEQUATE_FEEDBACK_MESSAGES.map((message) => `<li>${escapeHtml(message)}</li>`).join('')}</ul>`,
                }
              : { text: item.citation },
          checked: setOut.includes(item.key),
        }),
      ),
      notes: values ? valueOf(values, 'notes') : (saved?.notes ?? ''),
      maxMinutes: FEEDBACK_RULES.maxMinutes,
      errors,
      errorList: formErrorList(feedbackForm(data.graded), state),
      formAction: data.canRecord ? judgementPaths.feedbackRecord.build({ activityId }) : undefined,
      backHref: judgementPaths.feedback.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: judgementPaths.feedback.pattern,
      permission: 'judgements.view-feedback',
      params: activityParams,
      target: feedbackTarget,
      handler: feedbackPage,
    }),
    route({
      method: 'GET',
      url: judgementPaths.feedbackRecord.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      handler: recordPage,
    }),
    route({
      method: 'POST',
      url: judgementPaths.feedbackRecord.pattern,
      permission: 'judgements.record',
      params: activityParams,
      target,
      // A standard or short inspection's form asks whether the DCS was told first: it is built per activity.
      form: async (request) => feedbackForm(await judgements.isGraded(request.params.activityId)),
      page: recordPage,
      submit: async (request, input) => {
        const { activityId } = request.params
        await judgements.recordFeedback(request.principal, activityId, input, { requestId: request.id })
        return judgementPaths.feedback.build({ activityId })
      },
    }),
  ]
}
