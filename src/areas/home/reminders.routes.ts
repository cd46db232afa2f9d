import type { FastifyReply } from 'fastify'
import { ROLE_INFO } from '../../auth/roles.js'
import {
  REMINDER_AUDIENCE,
  REMINDER_KINDS,
  REMINDER_SCHEDULE,
  type ReminderKind,
  type ReminderSettings,
} from '../../notify/reminders.js'
import { KINDS, reminderForm } from './forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { homePaths } from './paths.js'

const when = (kind: ReminderKind) => {
  const schedule = REMINDER_SCHEDULE[kind]
  if (kind === 'intervention-alert') return 'Once, when the judgement is in the register'
  if (kind === 'report-late') return 'Once, the day after the step’s date, if it has not happened'
  return [
    schedule.beforeDays !== null ? `${schedule.beforeDays} days before` : '',
    schedule.onTheDay ? 'on the day' : '',
    schedule.overdue ? 'the day after, if it is late' : '',
  ]
    .filter(Boolean)
    .join(', ')
}

/** Each person's reminders (issue 13): the kinds they get, when, those they stopped, and the latest sent to them. */
export function reminderRoutes({ reminders }: { reminders: ReminderSettings }): RouteSpec[] {
  async function page(request: SignedInRequest, reply: FastifyReply) {
    const { principal } = request
    const [stopped, sent] = await Promise.all([reminders.stopped(principal.id), reminders.sentTo(principal.email)])
    return reply.page('home/reminders.njk', {
      // The kinds this person can get, and any they stopped before (so they can resume it).
      kinds: KINDS.filter(
        (kind) => REMINDER_AUDIENCE[kind].includes(ROLE_INFO[principal.role].kind) || stopped.has(kind),
      ).map((kind) => ({ kind, text: REMINDER_KINDS[kind], when: when(kind), stopped: stopped.has(kind) })),
      sent: sent.map((item) => [
        { text: item.subject },
        {
          text: item.createdAt.toLocaleString('en-GB', {
            timeZone: 'Europe/London',
            dateStyle: 'medium',
            timeStyle: 'short',
          }),
        },
        { text: item.sentAt ? 'Sent' : 'Waiting to be sent' },
      ]),
      formAction: homePaths.reminders.build({}),
    })
  }

  return [
    route({
      method: 'GET',
      url: homePaths.reminders.pattern,
      permission: 'reminders.manage',
      handler: page,
    }),
    route({
      method: 'POST',
      url: homePaths.reminders.pattern,
      permission: 'reminders.manage',
      form: reminderForm,
      page,
      submit: async (request, input) => {
        await reminders.set(request.principal, input.kind, input.stop, { requestId: request.id })
        return homePaths.reminders.build({})
      },
    }),
  ]
}
