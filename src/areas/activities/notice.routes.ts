import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { NOTICE_RULES } from '../../rules/inspection-arrangements.js'
import { isAnnexANoticeFlag } from '../../rules/timelines/annex-a.js'
import {
  dateFieldFrom,
  dateFieldOf,
  dateInputItems,
  type FormState,
  submittedVersion,
  valueOf,
} from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityParams, noticeForm } from './forms.js'
import { NOTICE_ROLE_LABELS, type NoticeRole } from './activity-types.js'
import { citationLink } from '../../web/rule-links.js'
import { activityPaths } from './paths.js'
import { activityTitle, londonNowFields } from './presenters.js'
import type { ActivitiesService } from './service.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** The notice call and the Annex A request it sends (002#73-76). */
export function noticeRoutes({ activities, clock }: { activities: ActivitiesService; clock: Clock }): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)

  async function noticePage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const { activity } = details
    const now = londonNowFields(clock.now())
    const values = state?.values ?? {}
    const calledAt = state ? dateFieldOf(values, 'calledAt') : dateFieldFrom(now.date)
    const canRecord =
      canOn(request.principal, 'activity.manage', (await activities.target(activityId))!) &&
      activity.status === 'planned'
    return reply.page('activities/notice.njk', {
      activity,
      title: activityTitle(activity),
      // A call made before the activity was deferred and re-planned stays on record, marked as such.
      notices: details.notices.map((notice) => ({
        ...notice,
        superseded: details.currentNotice === undefined || notice.recordedAt < details.currentNotice.recordedAt,
        spokeTo: `${notice.spokeToName}, ${NOTICE_ROLE_LABELS[notice.spokeToRole as NoticeRole] ?? notice.spokeToRole}`,
      })),
      noticeDue: details.milestones.find((m) => m.key === 'notice'),
      noticeRules: NOTICE_RULES,
      annexA: details.milestones.filter((m) => m.key.startsWith('annex-a.')),
      // Why the deadlines are not the planned ones: the call was made on another day (S4, 002#242).
      annexAMoved: details.flags.find(isAnnexANoticeFlag),
      dcs: details.contacts.find((contact) => contact.contactRole === 'dcs'),
      canRecord,
      formAction: canRecord ? activityPaths.notice.build({ activityId }) : undefined,
      calledAtItems: dateInputItems('calledAt', calledAt, Boolean(state?.errors.calledAt)),
      hour: state ? (calledAt.hour ?? '') : now.hour,
      minute: state ? (calledAt.minute ?? '') : now.minute,
      spokeToItems: Object.entries(NOTICE_ROLE_LABELS).map(([value, label]) => ({
        value,
        text: label,
        // Who else may take the call when the DCS cannot (002#75): the words, then the citation.
        ...(value === 'dcs' ? {} : { hint: { html: `If the DCS is not available ${citationLink('002#75')}` } }),
        checked: values.spokeToRole === value,
      })),
      values: { spokeToName: valueOf(values, 'spokeToName'), notes: valueOf(values, 'notes') },
      errors: state?.errors ?? {},
      errorList: formErrorList(noticeForm, state),
      outbox: await activities.noticeEmails(activityId),
      version: submittedVersion(state) ?? activity.version,
      backHref: activityPaths.show.build({ activityId }),
      contactsHref: activityPaths.contacts.build({ activityId }),
      teamHref: activityPaths.team.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: activityPaths.notice.pattern,
      permission: 'activity.view',
      params: activityParams,
      target,
      handler: noticePage,
    }),
    route({
      method: 'POST',
      url: activityPaths.notice.pattern,
      permission: 'activity.manage',
      params: activityParams,
      target,
      form: noticeForm,
      page: noticePage,
      submit: async (request, input) => {
        await activities.recordNotice(request.principal, request.params.activityId, input, { requestId: request.id })
        return activityPaths.notice.build(request.params)
      },
    }),
  ]
}
