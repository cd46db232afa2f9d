import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { INSPECTION_TEAM } from '../../rules/inspection-arrangements.js'
import type { ActivityType } from '../../rules/types.js'
import { type FormState, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { TEAM_ROLE_LABELS, TEAM_ROLES } from './activity-types.js'
import { activityParams, contactForm, teamMemberForm, teamRemoveForm } from './forms.js'
import { activityPaths } from './paths.js'
import { activityTitle, fieldworkDayItems, teamRows } from './presenters.js'
import type { ActivitiesService } from './service.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

/** The team an activity of `type` usually has (S3, from the rules core's INSPECTION_TEAM). */
function usualTeam(type: ActivityType): string {
  if (type === 'focused-visit') return `A focused visit has ${INSPECTION_TEAM.focusedVisit}.`
  if (type === 'monitoring-visit') return `A monitoring visit has ${INSPECTION_TEAM.monitoringVisit}.`
  const { socialCareInspectors: social, regulatoryInspector: regulatory, schoolsHmi } = INSPECTION_TEAM
  return (
    `Usually ${social.usual} social care inspectors, ${social.note}: ${INSPECTION_TEAM.arrival}. ` +
    `A regulatory inspector is on site for ${regulatory.daysOnSite} days (${regulatory.focus}); ` +
    `a schools HMI is allocated ${schoolsHmi.daysAllocated} days, ${schoolsHmi.schedule}. ` +
    `A shadowing inspector is ${INSPECTION_TEAM.shadowingInspector}.`
  )
}

/** The inspection team (002#52-55, #84-95) and the LA's contacts (002#73, #76). */
export function teamRoutes({ activities }: { activities: ActivitiesService }): RouteSpec[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const params = activityParams
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function teamPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const { activity } = details
    const manage = canOn(request.principal, 'activity.manage', (await activities.target(activityId))!)
    const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
    const values = state?.values ?? {}
    const chosenDays = Array.isArray(values.days) ? (values.days as string[]) : [valueOf(values, 'days')]
    const people = manage ? await activities.inspectors() : []
    return reply.page('activities/team.njk', {
      activity,
      title: activityTitle(activity),
      usualTeam: usualTeam(activity.type),
      rows: teamRows(
        details.team,
        manage ? activityPaths.teamRemove.build({ activityId }) : undefined,
        reply.sessionCsrfToken(),
      ),
      canManage: manage,
      userItems: [
        { value: '', text: 'Select a person' },
        ...people.map((person) => ({
          value: person.id,
          text: `${person.displayName} (${ROLE_INFO[person.role]?.label ?? person.role})`,
          selected: values.userId === person.id,
        })),
      ],
      roleItems: TEAM_ROLES.map((role) => ({
        value: role,
        text: TEAM_ROLE_LABELS[role],
        checked: values.teamRole === role,
      })),
      dayItems: fieldworkDayItems(activity.onsiteStart, onsiteEnd, chosenDays),
      errors: state?.errors ?? {},
      errorList: formErrorList(teamMemberForm, state),
      formAction: manage ? activityPaths.team.build({ activityId }) : undefined,
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  async function contactsPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const manage = canOn(request.principal, 'activity.manage', (await activities.target(activityId))!)
    return reply.page('activities/contacts.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      contacts: details.contacts,
      missingContacts: [
        !details.contacts.some((contact) => contact.contactRole === 'dcs') && 'the director of children’s services',
        !details.contacts.some((contact) => contact.contactRole === 'link-person') && 'the link person',
      ]
        .filter(Boolean)
        .join(' and '),
      canManage: manage,
      values: state?.values ?? {},
      errors: state?.errors ?? {},
      errorList: formErrorList(contactForm, state),
      formAction: manage ? activityPaths.contacts.build({ activityId }) : undefined,
      backHref: activityPaths.show.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: activityPaths.team.pattern,
      permission: 'activity.view',
      params,
      target,
      handler: teamPage,
    }),
    route({
      method: 'POST',
      url: activityPaths.team.pattern,
      permission: 'activity.manage',
      params,
      target,
      form: teamMemberForm,
      page: teamPage,
      submit: async (request, input) => {
        await activities.addTeamMember(request.principal, request.params.activityId, input, context(request))
        return activityPaths.team.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: activityPaths.teamRemove.pattern,
      permission: 'activity.manage',
      params,
      target,
      form: teamRemoveForm,
      page: teamPage,
      submit: async (request, input) => {
        await activities.removeTeamMember(request.principal, request.params.activityId, input.userId, context(request))
        return activityPaths.team.build(request.params)
      },
    }),
    route({
      method: 'GET',
      url: activityPaths.contacts.pattern,
      permission: 'activity.view',
      params,
      target,
      handler: contactsPage,
    }),
    route({
      method: 'POST',
      url: activityPaths.contacts.pattern,
      permission: 'activity.manage',
      params,
      target,
      form: contactForm,
      page: contactsPage,
      submit: async (request, input) => {
        await activities.setContact(request.principal, request.params.activityId, input, context(request))
        return activityPaths.contacts.build(request.params)
      },
    }),
  ]
}
