import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { dateFieldFrom, dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import type { EvidenceRouteDeps } from './entries.routes.js'
import { KIT_ATTENDEE_ROLES } from './fieldwork.js'
import { activityParams, kitMeetingForm, namesOf } from './forms.js'
import { evidencePaths } from './paths.js'
import { kitDayRows, kitMeetingRows, namesWarning } from './presenters.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** Keep-in-touch meetings (002#173-175, E5): each fieldwork day and its note. */
export function keepInTouchRoutes({ evidence, clock }: EvidenceRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => evidence.target(request.params.activityId)

  async function keepInTouchPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const { details, meetings, days } = await evidence.keepInTouch(activityId)
    const canWrite = canOn(request.principal, 'evidence.write', (await target(request))!)
    const values = state?.values ?? {}
    const today = clock.today()
    const firstMissing = days.find((day) => day.state === 'missing' || day.state === 'today')?.day
    const chosenRoles = Array.isArray(values.attendeeRoles) ? values.attendeeRoles : [values.attendeeRoles]
    return reply.page('evidence/keep-in-touch.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      dayRows: kitDayRows(days),
      missing: days.filter((day) => day.state === 'missing').length,
      meetings: meetings.map((meeting) => ({
        heading: formatLongDate(meeting.meetingOn),
        rows: kitMeetingRows(meeting),
      })),
      canWrite,
      values: {
        otherAttendees: valueOf(values, 'otherAttendees'),
        findingsShared: valueOf(values, 'findingsShared'),
        dcsDeclined: valueOf(values, 'dcsDeclined') === 'yes',
        dcsClear: valueOf(values, 'dcsClear') === 'yes',
        noSurprises: valueOf(values, 'noSurprises') === 'yes',
      },
      errors: state?.errors ?? {},
      errorList: formErrorList(kitMeetingForm, state),
      names: namesWarning(state),
      meetingOnItems: dateInputItems(
        'meetingOn',
        state
          ? dateFieldOf(values, 'meetingOn')
          : dateFieldFrom(firstMissing ?? (days.some((day) => day.day === today) ? today : undefined)),
        Boolean(state?.errors.meetingOn),
      ),
      roleItems: Object.entries(KIT_ATTENDEE_ROLES).map(([value, label]) => ({
        value,
        text: label,
        checked: chosenRoles.includes(value),
      })),
      formAction: canWrite ? evidencePaths.keepInTouch.build({ activityId }) : undefined,
      backHref: activityPaths.show.build({ activityId }),
      ruleE5: ruleLink('E5', '002#173-175'),
    })
  }

  return [
    route({
      method: 'GET',
      url: evidencePaths.keepInTouch.pattern,
      permission: 'evidence.read',
      params: activityParams,
      target,
      handler: keepInTouchPage,
    }),
    route({
      method: 'POST',
      url: evidencePaths.keepInTouch.pattern,
      permission: 'evidence.write',
      params: activityParams,
      target,
      form: kitMeetingForm,
      page: keepInTouchPage,
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        await evidence.addKitMeeting(request.principal, activityId, { ...input, names }, { requestId: request.id })
        return evidencePaths.keepInTouch.build({ activityId })
      },
    }),
  ]
}
