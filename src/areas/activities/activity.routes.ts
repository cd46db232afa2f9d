import type { FastifyReply } from 'fastify'
import { can, canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { Clock } from '../../clock.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { requiredOnsiteWeekday } from '../../rules/timelines/index.js'
import { dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { ruleLink, withCitationLinks } from '../../web/rule-links.js'
import { escapeHtml } from '../../web/html.js'
import { type DeliveryBody, deliveryLine } from '../register/index.js'
import { DIRECT_PLAN_TYPES, PLANNABLE_TYPES, TYPE_LABELS } from './activity-types.js'
import { activityParams, listQuery, planForm, planQuery, statusForm } from './forms.js'
import { checkStep, DEFERRAL_REASON_LABELS, isStatus, nextStep, STATUS_LABELS } from './lifecycle.js'
import { activityPaths } from './paths.js'
import { activityRows, activityTitle, monitoringSummary, statusTag, WEEKDAY_NAMES } from './presenters.js'
import type { ActivitiesService } from './service.js'
import { type ActivityChecksProvider, type ActivityTask, type ActivityTaskProvider, taskListSections } from './tasks.js'
import type { ActivityDetails, MilestoneActuals } from './types.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

export interface ActivityRouteDeps {
  readonly activities: ActivitiesService
  /** Each area's tasks on the activity page (Annex A, evidence, judgements…). */
  readonly providers: readonly ActivityTaskProvider[]
  /** The actual days of milestones other areas record (the report's steps), for the timeline. */
  readonly actuals?: MilestoneActuals
  /** The programme planner's rule checks of the activity as planned. */
  readonly checks?: ActivityChecksProvider | undefined
  /** The bodies running the LA's children's services on a date (the register, 002#227-237). */
  readonly delivery?: ((laCode: string, on: string) => Promise<readonly DeliveryBody[]>) | undefined
  readonly clock: Clock
}

/** The activity itself: the list, planning, the activity page with its task list and status (its dates: dates.routes.ts). */
export function activityRecordRoutes({ activities, providers, checks, delivery }: ActivityRouteDeps): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const params = activityParams

  /** The tasks this area owns: planning and the notice. */
  function coreTasks(details: ActivityDetails, manage: boolean): ActivityTask[] {
    const { activity, team, contacts, notices, currentNotice, lifecycle, milestones } = details
    const activityId = activity.id
    const lead = team.some((member) => member.teamRole === 'lead-inspector')
    const dcs = contacts.some((contact) => contact.contactRole === 'dcs')
    const link = contacts.some((contact) => contact.contactRole === 'link-person')
    const missing = [!dcs && 'the DCS', !link && 'the link person'].filter(Boolean).join(' and ')
    // Once fieldwork is over a missing link person is history, not a task (issue 10).
    const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
    const contactsClosed =
      lifecycle.today > onsiteEnd || !['planned', 'notified', 'on-site', 'deferred'].includes(activity.status)
    const noticeDate = milestones.find((m) => m.key === 'notice')?.date ?? '9999-12-31'
    return [
      {
        section: 'Plan',
        title: 'Timeline and dates',
        href: activityPaths.timeline.build({ activityId }),
        status: 'completed',
        hint: 'Every date with the rule that sets it',
      },
      {
        section: 'Plan',
        title: 'Inspection team',
        href: activityPaths.team.build({ activityId }),
        status: lead && team.length > 1 ? 'completed' : lead || team.length > 0 ? 'in-progress' : 'not-started',
      },
      {
        section: 'Plan',
        title: 'Local authority contacts',
        href: activityPaths.contacts.build({ activityId }),
        status: dcs && link ? 'completed' : contactsClosed ? 'closed' : dcs || link ? 'in-progress' : 'not-started',
        // Say what is missing, not only that something is (issue 10).
        hint:
          dcs && link
            ? 'The DCS and the link person (002#73, #76)'
            : contactsClosed
              ? `No record of ${missing}`
              : `Add ${missing} (002#73, #76)`,
      },
      {
        section: 'Notice',
        title: 'Notice call and Annex A request',
        href: manage || notices.length > 0 ? activityPaths.notice.build({ activityId }) : undefined,
        // A re-planned activity needs a new call for its new dates (002#73).
        status: currentNotice
          ? 'completed'
          : !lead || !dcs
            ? 'cannot-start'
            : lifecycle.today > noticeDate
              ? 'overdue'
              : 'not-started',
        hint: currentNotice ? undefined : 'Telephone the DCS by 9.30am five working days before fieldwork (002#73)',
      },
    ]
  }

  async function list(request: SignedInRequest<unknown, typeof listQuery._output>, reply: FastifyReply) {
    const { principal, query } = request
    const items = await activities.list(principal, {
      ...(query.mine ? { teamUserId: principal.id } : {}),
      ...(query.status ? { statuses: [query.status] } : {}),
      ...(query.type ? { type: query.type } : {}),
    })
    return reply.page('activities/list.njk', {
      rows: activityRows(items),
      count: items.length,
      query: { mine: query.mine ? 'yes' : undefined, status: query.status, type: query.type },
      canPlan: can(principal, 'activity.plan'),
      isOfsted: ROLE_INFO[principal.role].kind === 'ofsted',
      statusItems: [
        { value: '', text: 'Any status' },
        ...Object.entries(STATUS_LABELS).map(([value, label]) => ({
          value,
          text: label,
          selected: value === query.status,
        })),
      ],
      typeItems: [
        { value: '', text: 'Any type' },
        ...PLANNABLE_TYPES.map((value) => ({ value, text: TYPE_LABELS[value], selected: value === query.type })),
      ],
    })
  }

  async function planPage(request: SignedInRequest<unknown, unknown>, reply: FastifyReply, state?: FormState) {
    const { principal } = request
    const preset = planQuery.parse(request.query ?? {})
    const values = state?.values ?? { laCode: preset.laCode ?? '', type: preset.type ?? '' }
    const chosenTopics = Array.isArray(values.topics) ? (values.topics as string[]) : [valueOf(values, 'topics')]
    const las = (await activities.localAuthorities()).filter((la) => canOn(principal, 'activity.plan', la))
    return reply.page('activities/plan.njk', {
      values,
      errors: state?.errors ?? {},
      errorList: formErrorList(planForm, state),
      typeItems: DIRECT_PLAN_TYPES.map((type) => ({
        value: type,
        text: TYPE_LABELS[type],
        hint: { text: `First day on site: a ${WEEKDAY_NAMES[requiredOnsiteWeekday(type) ?? 1]}` },
        checked: values.type === type,
      })),
      topicItems: FOCUSED_VISIT_TOPICS.topics.map((topic) => ({
        value: topic,
        text: topic,
        checked: chosenTopics.includes(topic),
      })),
      onsiteItems: dateInputItems(
        'onsiteStart',
        dateFieldOf(values, 'onsiteStart'),
        Boolean(state?.errors.onsiteStart),
      ),
      laItems: [
        { value: '', text: 'Select a local authority' },
        ...las.map((la) => ({
          value: la.laCode,
          text: `${la.name} (${la.laCode})`,
          selected: la.laCode === values.laCode,
        })),
      ],
    })
  }

  async function showPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { principal } = request
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const { activity } = details
    const policyTarget = (await activities.target(activityId))!
    const manage = canOn(principal, 'activity.manage', policyTarget)
    const tasks = coreTasks(details, manage)
    for (const provider of providers) tasks.push(...(await provider(activity, principal)))
    const ruleChecks = checks ? await checks(activity, principal) : undefined
    const next = nextStep(activity.status)
    // The next step is offered only when it can be taken today; otherwise the page says when
    // or what is missing (issue 10: "Mark as on site" was offered days before fieldwork).
    const step = next && next !== 'notified' && next !== 'published' ? checkStep(details.lifecycle, next) : undefined
    const errors = state?.errors ?? {}
    const canPlan = canOn(principal, 'activity.plan', policyTarget)
    const deferred = activity.status === 'deferred'
    const bodies = delivery ? await delivery(activity.laCode, activity.onsiteStart) : []
    return reply.page('activities/show.njk', {
      activity,
      title: activityTitle(activity),
      statusTag: statusTag(activity.status),
      // While deferred, the reason has its own row (P6, 002#16).
      statusReason: deferred ? null : activity.statusReason,
      deferralReason: deferred ? (activity.statusReason ?? 'Not recorded') : undefined,
      sections: taskListSections(tasks),
      ruleChecks: ruleChecks && ruleChecks.errors + ruleChecks.warnings > 0 ? ruleChecks : undefined,
      onsiteEnd: details.milestones.find((m) => m.key === 'onsite.end')?.date,
      lead: details.team.find((member) => member.teamRole === 'lead-inspector'),
      topics: activity.topics,
      // A trust or other body running the services during fieldwork: still the LA's inspection (G5).
      deliveryHtml: bodies.length
        ? `${bodies.map((body) => escapeHtml(deliveryLine(body))).join('<br>')} ${ruleLink('G5', '002#227-235')}`
        : undefined,
      monitoring: activity.monitoring
        ? { ...monitoringSummary(activity.monitoring), childrenHref: activityPaths.children.build({ activityId }) }
        : undefined,
      canManage: manage,
      // Defer or cancel a planned or notified activity; cancel or re-plan a deferred one.
      canStop: canPlan && ['planned', 'notified', 'deferred'].includes(activity.status),
      stopItems: deferred
        ? [{ value: 'cancelled', text: 'Cancel', checked: true }]
        : [
            { value: 'deferred', text: 'Defer' },
            { value: 'cancelled', text: 'Cancel' },
          ],
      deferralItems: Object.entries(DEFERRAL_REASON_LABELS).map(([value, text]) => ({ value, text })),
      replanHref: canPlan && deferred ? activityPaths.replan.build({ activityId }) : undefined,
      next:
        next && step
          ? {
              status: next,
              label: STATUS_LABELS[next],
              notYetHtml: step.ok ? undefined : withCitationLinks(step.reason),
            }
          : undefined,
      errors,
      errorList: formErrorList(statusForm, state),
      statusHistory: details.statusChanges.map((change) => ({
        ...change,
        label: isStatus(change.toStatus) ? STATUS_LABELS[change.toStatus] : change.toStatus,
      })),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      calendarHref: activityPaths.calendar.build({ activityId }),
    })
  }

  const context = (request: SignedInRequest) => ({ requestId: request.id })

  return [
    route({
      method: 'GET',
      url: activityPaths.list.pattern,
      permission: 'activity.view',
      query: listQuery,
      handler: list,
    }),
    route({ method: 'GET', url: activityPaths.plan.pattern, permission: 'activity.plan', handler: planPage }),
    route({
      method: 'POST',
      url: activityPaths.plan.pattern,
      permission: 'activity.plan',
      form: planForm,
      page: planPage,
      submit: async (request, input) => {
        const id = await activities.plan(request.principal, input, context(request))
        return activityPaths.show.build({ activityId: id })
      },
    }),
    route({
      method: 'GET',
      url: activityPaths.show.pattern,
      permission: 'activity.view',
      params,
      target,
      handler: showPage,
    }),
    route({
      method: 'POST',
      url: activityPaths.status.pattern,
      permission: 'activity.manage',
      params,
      target,
      form: statusForm,
      page: showPage,
      submit: async (request, input) => {
        await activities.changeStatus(request.principal, request.params.activityId, input, context(request))
        return activityPaths.show.build(request.params)
      },
    }),
  ]
}
