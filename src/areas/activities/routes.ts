import type { FastifyReply, FastifyRequest } from 'fastify'
import { can, canOn, type Principal } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { addDays } from '../../rules/calendar/dates.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { requiredOnsiteWeekday } from '../../rules/timelines/index.js'
import { isActivityType } from '../../rules/types.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import {
  submitForm,
  dateField,
  dateFieldFrom,
  dateInputItems,
  errorList,
  type FieldErrors,
  type FormBody,
  readDate,
  text,
  texts,
} from '../../web/legacy-forms.js'
import type { RouteSpec } from '../../web/routing.js'
import type { Clock } from '../../clock.js'
import { activitiesCalendar } from '../../notify/ical.js'
import { PLANNABLE_TYPES, TEAM_ROLE_LABELS, TEAM_ROLES, TYPE_LABELS } from './activity-types.js'
import { isStatus, nextStep, STATUS_LABELS, type ActivityStatus } from './lifecycle.js'
import { activityPaths } from './paths.js'
import { activityRows, activityTitle, milestoneRows, statusTag, teamRows, timelineItems } from './presenters.js'
import type { ActivitiesService } from './service.js'
import { NOTICE_ROLE_LABELS } from './service.js'
import { type ActivityTask, type ActivityTaskProvider, taskListSections } from './tasks.js'

type Params = { activityId: string }

const WEEKDAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

function version(body: FormBody): number | undefined {
  const value = Number.parseInt(text(body, 'version'), 10)
  return Number.isFinite(value) ? value : undefined
}

/** Read a date input plus hour and minute boxes (`name-hour`, `name-minute`) as a London time. */
function readDateTime(body: FormBody, name: string, errors: FieldErrors): Date | undefined {
  const date = readDate(body, name, 'the date of the call', errors)
  const hour = text(body, `${name}-hour`)
  const minute = text(body, `${name}-minute`)
  if (!date) return undefined
  if (!/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute) || Number(hour) > 23 || Number(minute) > 59) {
    errors[name] = 'Enter the time of the call in 24-hour time, for example 9 15'
    return undefined
  }
  // Interpret the time in England (BST or GMT), whatever the server's zone.
  const guess = new Date(`${date}T${hour.padStart(2, '0')}:${minute.padStart(2, '0')}:00Z`)
  const london = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/London' }))
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }))
  return new Date(guess.getTime() - (london.getTime() - utc.getTime()))
}

export function activityRoutes(
  activities: ActivitiesService,
  providers: readonly ActivityTaskProvider[],
  clock: Clock,
  baseUrl: string,
): RouteSpec[] {
  const activityTarget = (request: FastifyRequest) => activities.target((request.params as Params).activityId)

  async function coreTasks(activityId: string, principal: Principal): Promise<ActivityTask[]> {
    const { team, contacts, notices, lifecycle } = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const manage = canOn(principal, 'activity.manage', target)
    const lead = team.some((member) => member.teamRole === 'lead-inspector')
    const dcs = contacts.some((contact) => contact.contactRole === 'dcs')
    const link = (href: string) => href
    return [
      {
        section: 'Plan',
        title: 'Timeline and dates',
        href: link(activityPaths.timeline.build({ activityId })),
        status: 'completed',
        hint: 'Every date with the rule that sets it',
      },
      {
        section: 'Plan',
        title: 'Inspection team',
        href: link(activityPaths.team.build({ activityId })),
        status: lead && team.length > 1 ? 'completed' : lead || team.length > 0 ? 'in-progress' : 'not-started',
      },
      {
        section: 'Plan',
        title: 'Local authority contacts',
        href: link(activityPaths.contacts.build({ activityId })),
        status: dcs && contacts.length > 1 ? 'completed' : dcs ? 'in-progress' : 'not-started',
        hint: 'The DCS and the link person (002#73, #76)',
      },
      {
        section: 'Notice',
        title: 'Notice call and Annex A request',
        href: manage || notices.length > 0 ? link(activityPaths.notice.build({ activityId })) : undefined,
        status:
          notices.length > 0
            ? 'completed'
            : !lead || !dcs
              ? 'cannot-start'
              : lifecycle.today > (await noticeDate(activityId))
                ? 'overdue'
                : 'not-started',
        hint:
          notices.length > 0 ? undefined : 'Telephone the DCS by 9.30am five working days before fieldwork (002#73)',
      },
    ]
  }

  async function noticeDate(activityId: string): Promise<string> {
    const { milestones } = await activities.details(activityId)
    return milestones.find((m) => m.key === 'notice')?.date ?? '9999-12-31'
  }

  async function renderPlan(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FieldErrors,
  ) {
    const principal = request.principal!
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('activities/plan.njk', {
      values,
      errors,
      errorList: errorList(errors, { onsiteStart: 'onsiteStart-day', topics: 'topics' }),
      typeItems: PLANNABLE_TYPES.map((type) => ({
        value: type,
        text: TYPE_LABELS[type],
        hint: { text: `First day on site: a ${WEEKDAY[requiredOnsiteWeekday(type) ?? 1]}` },
        checked: values.type === type,
      })),
      topicItems: FOCUSED_VISIT_TOPICS.topics.map((topic) => ({
        value: topic,
        text: topic,
        checked: (values.topics as string[] | undefined)?.includes(topic),
      })),
      onsiteItems: dateInputItems(
        'onsiteStart',
        (values.onsiteStart as ReturnType<typeof dateField>) ?? dateFieldFrom(undefined),
        Boolean(errors.onsiteStart),
      ),
      laItems: [
        { value: '', text: 'Select a local authority' },
        ...(await planningLas(principal)).map((la) => ({
          value: la.laCode,
          text: `${la.name} (${la.laCode})`,
          selected: la.laCode === values.laCode,
        })),
      ],
    })
  }

  async function planningLas(principal: Principal) {
    return (await activities.localAuthorities()).filter((la) => canOn(principal, 'activity.plan', la))
  }

  async function renderShow(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) {
    const { activityId } = request.params as Params
    const principal = request.principal!
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const tasks = [...(await coreTasks(activityId, principal))]
    for (const provider of providers) tasks.push(...(await provider(details.activity, principal)))
    const next = nextStep(details.activity.status)
    const manage = canOn(principal, 'activity.manage', target)
    return reply.code(status).page('activities/show.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      statusTag: statusTag(details.activity.status),
      statusReason: details.activity.statusReason,
      sections: taskListSections(tasks),
      onsiteEnd: details.milestones.find((m) => m.key === 'onsite.end')?.date,
      lead: details.team.find((member) => member.teamRole === 'lead-inspector'),
      topics: details.activity.topics,
      canManage: manage,
      canPlan: canOn(principal, 'activity.plan', target),
      next:
        next && next !== 'notified' && next !== 'published' ? { status: next, label: STATUS_LABELS[next] } : undefined,
      errors,
      errorList: errorList(errors),
      statusHistory: details.statusChanges.map((change) => ({
        ...change,
        label: isStatus(change.to_status) ? STATUS_LABELS[change.to_status] : change.to_status,
      })),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      calendarHref: activityPaths.calendar.build({ activityId }),
    })
  }

  async function renderTimeline(
    request: FastifyRequest,
    reply: FastifyReply,
    values: { onsiteStart?: ReturnType<typeof dateField>; reason?: string } = {},
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const today = clock.today()
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('activities/timeline.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      items: timelineItems(details.milestones, today),
      rows: milestoneRows(details.milestones),
      flags: details.flags,
      dateChanges: details.dateChanges,
      canPlan:
        canOn(request.principal!, 'activity.plan', target) &&
        ['planned', 'notified', 'deferred'].includes(details.activity.status),
      onsiteItems: dateInputItems(
        'onsiteStart',
        values.onsiteStart ?? dateFieldFrom(undefined),
        Boolean(errors.onsiteStart),
      ),
      reason: values.reason,
      errors,
      errorList: errorList(errors, { onsiteStart: 'onsiteStart-day' }),
      weekday: WEEKDAY[requiredOnsiteWeekday(details.activity.type, details.activity.variant ?? 'tue-wed') ?? 1],
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function renderTeam(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const manage = canOn(request.principal!, 'activity.manage', target)
    const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
    const fieldworkDays: string[] = []
    for (let day = details.activity.onsiteStart; day <= onsiteEnd; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
      if (weekday !== 0 && weekday !== 6) fieldworkDays.push(day)
    }
    const people = manage ? await activities.inspectors() : []
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('activities/team.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rows: teamRows(
        details.team,
        manage ? activityPaths.teamRemove.build({ activityId }) : undefined,
        reply.generateCsrf(),
      ),
      canManage: manage,
      userItems: [
        { value: '', text: 'Select a person' },
        ...people.map((person) => ({
          value: person.id,
          text: `${person.display_name} (${ROLE_INFO[person.role].label})`,
          selected: values.userId === person.id,
        })),
      ],
      roleItems: TEAM_ROLES.map((role) => ({
        value: role,
        text: TEAM_ROLE_LABELS[role],
        checked: values.teamRole === role,
      })),
      dayItems: fieldworkDays.map((day) => ({
        value: day,
        text: new Intl.DateTimeFormat('en-GB', {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          timeZone: 'UTC',
        }).format(new Date(`${day}T12:00:00Z`)),
        checked: (values.days as string[] | undefined)?.includes(day),
      })),
      errors,
      errorList: errorList(errors),
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function renderContacts(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string> = {},
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('activities/contacts.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      contacts: details.contacts,
      canManage: canOn(request.principal!, 'activity.manage', target),
      values,
      errors,
      errorList: errorList(errors),
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function renderNotice(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors: FieldErrors = {},
  ) {
    const { activityId } = request.params as Params
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const now = clock.now()
    const londonNow = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now)
    const part = (type: string) => londonNow.find((p) => p.type === type)?.value ?? ''
    const calledAt =
      (values.calledAt as ReturnType<typeof dateField>) ??
      dateFieldFrom(`${part('year')}-${part('month')}-${part('day')}`)
    const outbox = await activities.noticeEmails(activityId)
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('activities/notice.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      notices: details.notices,
      noticeDue: details.milestones.find((m) => m.key === 'notice'),
      annexA: details.milestones.filter((m) => m.key.startsWith('annex-a.')),
      dcs: details.contacts.find((contact) => contact.contactRole === 'dcs'),
      canRecord: canOn(request.principal!, 'activity.manage', target) && details.activity.status === 'planned',
      calledAtItems: dateInputItems('calledAt', calledAt, Boolean(errors.calledAt)),
      hour: (values.hour as string | undefined) ?? part('hour'),
      minute: (values.minute as string | undefined) ?? part('minute'),
      spokeToItems: Object.entries(NOTICE_ROLE_LABELS).map(([value, label]) => ({
        value,
        text: label,
        checked: values.spokeToRole === value,
      })),
      values,
      errors,
      errorList: errorList(errors, { calledAt: 'calledAt-day', spokeToRole: 'spokeToRole' }),
      outbox,
      version: details.activity.version,
      backHref: activityPaths.show.build({ activityId }),
      contactsHref: activityPaths.contacts.build({ activityId }),
      teamHref: activityPaths.team.build({ activityId }),
    })
  }

  return [
    {
      method: 'GET',
      url: activityPaths.list.pattern,
      permission: 'activity.view',
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        const principal = request.principal!
        const mine = query.mine === 'yes'
        const status = query.status && isStatus(query.status) ? [query.status as ActivityStatus] : undefined
        const items = await activities.list(principal, {
          ...(mine ? { teamUserId: principal.id } : {}),
          ...(status ? { statuses: status } : {}),
          ...(query.type && isActivityType(query.type) ? { type: query.type } : {}),
        })
        return reply.page('activities/list.njk', {
          rows: activityRows(items),
          count: items.length,
          query,
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
      },
    },
    {
      method: 'GET',
      url: activityPaths.plan.pattern,
      permission: 'activity.plan',
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        return renderPlan(request, reply, { laCode: query.laCode ?? '', type: query.type ?? '', topics: [] }, {})
      },
    },
    {
      method: 'POST',
      url: activityPaths.plan.pattern,
      permission: 'activity.plan',
      handler: async (request, reply) => {
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const onsiteStart = readDate(body, 'onsiteStart', 'the first day on site', dateErrors)
        const input = {
          laCode: text(body, 'laCode'),
          type: text(body, 'type'),
          variant: text(body, 'variant'),
          onsiteStart,
          topics: texts(body, 'topics'),
        }
        try {
          const id = await activities.plan(request.principal!, input, dateErrors, { requestId: request.id })
          return reply.redirect(activityPaths.show.build({ activityId: id }), 303)
        } catch (error) {
          if (error instanceof ValidationError)
            return renderPlan(
              request,
              reply,
              { ...input, onsiteStart: dateField(body, 'onsiteStart') },
              { ...error.fieldErrors },
            )
          throw error
        }
      },
    },
    {
      method: 'GET',
      url: activityPaths.show.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderShow(request, reply),
    },
    {
      method: 'POST',
      url: activityPaths.status.pattern,
      permission: 'activity.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const to = text(body, 'to')
        if (!isStatus(to)) return renderShow(request, reply, { status: 'Choose what to do next' }, 400)
        const input = {
          to,
          note: text(body, 'note'),
          deferralReason: text(body, 'deferralReason') || undefined,
          version: version(body),
        }
        return submitForm(
          reply,
          () => activities.changeStatus(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderShow(request, reply, errors, 400),
          activityPaths.show.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: activityPaths.timeline.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderTimeline(request, reply),
    },
    {
      method: 'POST',
      url: activityPaths.timeline.pattern,
      permission: 'activity.plan',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const onsiteStart = readDate(body, 'onsiteStart', 'the new first day on site', dateErrors)
        const reason = text(body, 'reason')
        return submitForm(
          reply,
          () =>
            activities.changeOnsite(
              request.principal!,
              activityId,
              { onsiteStart, reason, version: version(body) },
              dateErrors,
              { requestId: request.id },
            ),
          (errors) => renderTimeline(request, reply, { onsiteStart: dateField(body, 'onsiteStart'), reason }, errors),
          activityPaths.timeline.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: activityPaths.team.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderTeam(request, reply),
    },
    {
      method: 'POST',
      url: activityPaths.team.pattern,
      permission: 'activity.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = { userId: text(body, 'userId'), teamRole: text(body, 'teamRole'), days: texts(body, 'days') }
        return submitForm(
          reply,
          () => activities.addTeamMember(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderTeam(request, reply, input, errors),
          activityPaths.team.build({ activityId }),
        )
      },
    },
    {
      method: 'POST',
      url: activityPaths.teamRemove.pattern,
      permission: 'activity.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const userId = text(request.body as FormBody, 'userId')
        try {
          await activities.removeTeamMember(request.principal!, activityId, userId, { requestId: request.id })
        } catch (error) {
          if (error instanceof NotFoundError)
            return renderTeam(request, reply, {}, { userId: 'That person is not on the team' })
          throw error
        }
        return reply.redirect(activityPaths.team.build({ activityId }), 303)
      },
    },
    {
      method: 'GET',
      url: activityPaths.contacts.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderContacts(request, reply),
    },
    {
      method: 'POST',
      url: activityPaths.contacts.pattern,
      permission: 'activity.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const input = {
          contactRole: text(body, 'contactRole'),
          name: text(body, 'name'),
          email: text(body, 'email'),
          phone: text(body, 'phone'),
        }
        return submitForm(
          reply,
          () => activities.setContact(request.principal!, activityId, input, { requestId: request.id }),
          (errors) => renderContacts(request, reply, input, errors),
          activityPaths.contacts.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: activityPaths.notice.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderNotice(request, reply),
    },
    {
      method: 'POST',
      url: activityPaths.notice.pattern,
      permission: 'activity.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const errors: FieldErrors = {}
        const calledAt = readDateTime(body, 'calledAt', errors)
        const input = {
          calledAt,
          spokeToRole: text(body, 'spokeToRole'),
          spokeToName: text(body, 'spokeToName'),
          notes: text(body, 'notes'),
          version: version(body),
        }
        const values = {
          ...input,
          calledAt: dateField(body, 'calledAt'),
          hour: text(body, 'calledAt-hour'),
          minute: text(body, 'calledAt-minute'),
        }
        if (Object.keys(errors).length > 0) return renderNotice(request, reply, values, errors)
        return submitForm(
          reply,
          () => activities.recordNotice(request.principal!, activityId, input, { requestId: request.id }),
          (problems) => renderNotice(request, reply, values, problems),
          activityPaths.notice.build({ activityId }),
        )
      },
    },
    {
      method: 'GET',
      url: activityPaths.calendar.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const items = await activities.calendarItems({ activityId })
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${items[0]?.reference ?? 'activity'}.ics"`)
          .send(activitiesCalendar(items[0]?.title ?? 'Activity', items, baseUrl))
      },
    },
    {
      method: 'GET',
      url: activityPaths.feedSettings.pattern,
      permission: 'activity.view',
      handler: async (request, reply) =>
        reply.page('activities/calendar-feed.njk', {
          hasFeed: await activities.hasCalendarToken(request.principal!.id),
          feedUrl: undefined,
        }),
    },
    {
      method: 'POST',
      url: activityPaths.feedSettings.pattern,
      permission: 'activity.view',
      handler: async (request, reply) => {
        const token = await activities.issueCalendarToken(request.principal!.id)
        return reply.page('activities/calendar-feed.njk', {
          hasFeed: true,
          feedUrl: `${baseUrl}${activityPaths.feed.build({ token })}`,
        })
      },
    },
    {
      method: 'GET',
      url: activityPaths.feed.pattern,
      // The secret token in the URL stands in for a session: calendar apps cannot sign in.
      permission: 'public',
      options: { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      handler: async (request, reply) => {
        const { token } = request.params as { token: string }
        const userId = await activities.calendarUser(token.replace(/\.ics$/, ''))
        if (!userId) throw new NotFoundError()
        const items = await activities.calendarItems({ userId })
        return reply
          .type('text/calendar; charset=utf-8')
          .send(activitiesCalendar('My inspections and visits', items, baseUrl))
      },
    },
  ]
}
