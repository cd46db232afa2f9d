import type { FastifyReply } from 'fastify'
import type { PeopleDirectory } from '../../auth/people.js'
import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { ValidationError } from '../../errors.js'
import { formatDate } from '../../rules/calendar/dates.js'
import {
  ENGAGEMENT_LETTER_CONTENTS,
  ENGAGEMENT_MEETING_ATTENDEES,
  engagementLetterDue,
  SELF_EVALUATION_PRINCIPLES,
  SELF_EVALUATION_QUESTIONS,
} from '../../rules/engagement.js'
import { dateFieldOf, dateInputItems, type FormState, formValues, valueOf } from '../../web/forms.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { contentDisposition } from '../../web/downloads.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { readUploads } from '../../web/uploads.js'
import type { RegisterService } from '../register/index.js'
import {
  agendaForm,
  laParams,
  letterForm,
  meetingParams,
  recordForm,
  scheduleForm,
  selfEvaluationParams,
  shareForm,
  uploadQuery,
} from './forms.js'
import { engagementPaths } from './paths.js'
import { letterRows, meetingRows, meetingSummaryRows, selfEvaluationRows, standingRows } from './presenters.js'
import type { EngagementService } from './service.js'
import { AGENDA_ITEMS, type StoredDocument } from './types.js'

export interface EngagementRouteDeps {
  readonly engagement: EngagementService
  readonly register: Pick<RegisterService, 'show' | 'target'>
  readonly people: PeopleDirectory
  readonly clock: Clock
}

type LaRequest = SignedInRequest<{ laCode: string }>
type MeetingRequest = SignedInRequest<{ engagementId: string }>
type Which = 'agenda' | 'record' | 'letter'

const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`

/** The self-evaluation and the annual engagement meeting (issue 13; 002#27-48). */
export function engagementRoutes({ engagement, register, people, clock }: EngagementRouteDeps): RouteSpec[] {
  const laTarget = (request: LaRequest) => register.target(request.params.laCode)
  const meetingTarget = (request: MeetingRequest) => engagement.target(request.params.engagementId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function listPage(request: SignedInRequest, reply: FastifyReply) {
    const today = clock.today()
    const rows = (await engagement.inScope(request.principal)).map(({ la, standing }) => [
      { html: link(engagementPaths.la.build({ laCode: la.laCode }), la.name) },
      { text: standing.latest ? formatDate(standing.latest.sharedOn) : 'None' },
      { text: standing.lastHeld ? formatDate(standing.lastHeld.meetingOn) : 'None' },
      {
        html: standing.upcoming
          ? escapeHtml(formatDate(standing.upcoming.meetingOn))
          : standing.meetingDue
            ? '<strong class="govuk-tag govuk-tag--red">Due</strong>'
            : escapeHtml(`About ${formatDate(standing.nextAbout!.date)}`),
      },
      {
        html: standing.lettersDue.length
          ? standing.lettersDue
              .map(
                ({ due }) =>
                  `${due.date < today ? '<strong class="govuk-tag govuk-tag--red">Late</strong> ' : ''}by ${escapeHtml(formatDate(due.date))}`,
              )
              .join('<br>')
          : '–',
      },
    ])
    return reply.page('engagement/list.njk', { rows })
  }

  async function laPage(request: LaRequest, reply: FastifyReply, state?: FormState) {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const target = (await laTarget(request))!
    const { selfEvaluations, meetings, standing } = await engagement.ofLa(laCode)
    const values = state?.values ?? {}
    return reply.page('engagement/la.njk', {
      la,
      standingRows: standingRows(standing, clock.today()),
      selfEvaluationRows: selfEvaluationRows(laCode, selfEvaluations),
      meetingRows: meetingRows(meetings),
      canShare: canOn(request.principal, 'engagement.share', target),
      canSchedule: canOn(request.principal, 'engagement.manage', target),
      shareAction: engagementPaths.share.build({ laCode }),
      scheduleHref: engagementPaths.schedule.build({ laCode }),
      questions: SELF_EVALUATION_QUESTIONS.map((text, index) => ({
        name: ['whatWeKnow', 'howWeKnow', 'plans'][index]!,
        text,
        value: valueOf(values, ['whatWeKnow', 'howWeKnow', 'plans'][index]!),
      })),
      principles: SELF_EVALUATION_PRINCIPLES,
      errors: state?.errors ?? {},
      errorList: formErrorList(shareForm, state),
      ruleO1: ruleLink('O1', '002#27, #33, #35'),
      ruleM10: ruleLink('M10', '002#220'),
    })
  }

  async function schedulePage(request: LaRequest, reply: FastifyReply, state?: FormState) {
    const { la } = await register.show(request.params.laCode)
    const values = state?.values ?? {}
    return reply.page('engagement/schedule.njk', {
      caption: la.name,
      backHref: engagementPaths.la.build({ laCode: la.laCode }),
      formAction: engagementPaths.schedule.build({ laCode: la.laCode }),
      errors: state?.errors ?? {},
      dateItems: dateInputItems('meetingOn', dateFieldOf(values, 'meetingOn'), Boolean(state?.errors.meetingOn)),
      joint: valueOf(values, 'jointWithEducation') === 'yes',
      ofstedAttendees: valueOf(values, 'ofstedAttendees'),
      laAttendees: valueOf(values, 'laAttendees'),
      attendees: ENGAGEMENT_MEETING_ATTENDEES,
      errorList: formErrorList(scheduleForm, state),
    })
  }

  async function meetingPage(request: MeetingRequest, reply: FastifyReply, state?: FormState, which?: Which) {
    const meeting = await engagement.meeting(request.params.engagementId)
    const { la } = await register.show(meeting.laCode)
    const target = (await meetingTarget(request))!
    const chair = await people.find(meeting.chairId)
    const values = (name: Which) => (which === name ? (state?.values ?? {}) : {})
    const errors = (name: Which) => (which === name ? (state?.errors ?? {}) : {})
    const stored = (name: Which, field: string, fallback: string) =>
      which === name ? valueOf(state?.values ?? {}, field) : fallback
    const chosen =
      which === 'agenda' ? ([] as unknown[]).concat(values('agenda').agendaItems ?? []) : meeting.agendaItems
    const due = engagementLetterDue(meeting.meetingOn)
    const engagementId = meeting.id
    return reply.page('engagement/meeting.njk', {
      la,
      heading: `Annual engagement meeting, ${formatDate(meeting.meetingOn)}`,
      meeting,
      summaryRows: meetingSummaryRows(meeting, chair),
      letterRows: letterRows(meeting),
      backHref: engagementPaths.la.build({ laCode: meeting.laCode }),
      canAgenda: meeting.status === 'scheduled' && canOn(request.principal, 'engagement.agenda', target),
      canRecord:
        (meeting.status === 'scheduled' || meeting.status === 'held') &&
        meeting.meetingOn <= clock.today() &&
        canOn(request.principal, 'engagement.manage', target),
      canLetter: meeting.status === 'held' && canOn(request.principal, 'engagement.manage', target),
      paths: {
        agenda: engagementPaths.agenda.build({ engagementId }),
        record: engagementPaths.record.build({ engagementId }),
        letter: engagementPaths.letter.build({ engagementId }),
      },
      agendaItems: AGENDA_ITEMS.map((item) => ({
        value: item.key,
        text: item.text,
        checked: chosen.includes(item.key),
      })),
      otherItems: stored('agenda', 'otherItems', meeting.otherItems),
      record: {
        errors: errors('record'),
        ofstedAttendees: stored('record', 'ofstedAttendees', meeting.ofstedAttendees),
        laAttendees: stored('record', 'laAttendees', meeting.laAttendees),
        discussion: stored('record', 'discussion', meeting.discussion),
      },
      letter: {
        errors: errors('letter'),
        due: formatDate(due.date),
        ruleHtml: ruleLink(due.rule, due.citation),
        contents: ENGAGEMENT_LETTER_CONTENTS,
        dateItems: dateInputItems(
          'sentOn',
          dateFieldOf(values('letter'), 'sentOn', which === 'letter' ? undefined : clock.today()),
          Boolean(errors('letter').sentOn),
        ),
        focusedVisitScope: stored('letter', 'focusedVisitScope', ''),
        nextTiming: stored('letter', 'nextTiming', ''),
        nextSteps: stored('letter', 'nextSteps', ''),
      },
      agendaErrors: errors('agenda'),
      errorList:
        which === 'agenda'
          ? formErrorList(agendaForm, state)
          : which === 'record'
            ? formErrorList(recordForm, state)
            : formErrorList(letterForm, state),
    })
  }

  /** Share a self-evaluation: the answers, then up to two files, read as they arrive (multipart). */
  async function share(request: LaRequest, reply: FastifyReply) {
    const files: Record<string, StoredDocument> = {}
    let fields: Record<string, string> = {}
    try {
      fields = (
        await readUploads(request, ['document', 'actionPlan'], async (field, _before, file) => {
          files[field] = await engagement.storeDocument(field, file)
        })
      ).fields
      const parsed = shareForm.parse(fields)
      if (!parsed.ok) throw new ValidationError(parsed.errors)
      await engagement.shareSelfEvaluation(
        request.principal,
        request.params.laCode,
        { ...parsed.value, document: files.document ?? null, actionPlan: files.actionPlan ?? null },
        context(request),
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return laPage(request, reply, { values: formValues(fields), errors: { ...error.fieldErrors } })
    }
    return reply.redirect(engagementPaths.la.build({ laCode: request.params.laCode }), 303)
  }

  const meetingForm = (which: Which) => (request: MeetingRequest, reply: FastifyReply, state?: FormState) =>
    meetingPage(request, reply, state, which)
  const back = (request: MeetingRequest) => engagementPaths.meeting.build({ engagementId: request.params.engagementId })

  return [
    route({ method: 'GET', url: engagementPaths.list.pattern, permission: 'engagement.view', handler: listPage }),
    route({
      method: 'GET',
      url: engagementPaths.la.pattern,
      permission: 'engagement.view',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => laPage(request, reply),
    }),
    route({
      method: 'POST',
      url: engagementPaths.share.pattern,
      permission: 'engagement.share',
      params: laParams,
      query: uploadQuery,
      target: laTarget,
      handler: share,
    }),
    ...(['document', 'actionPlan'] as const).map((which) =>
      route({
        method: 'GET',
        url: (which === 'document' ? engagementPaths.selfEvaluationDocument : engagementPaths.selfEvaluationActionPlan)
          .pattern,
        permission: 'engagement.view',
        params: selfEvaluationParams,
        target: laTarget,
        handler: async (request: SignedInRequest<{ laCode: string; selfEvaluationId: string }>, reply) => {
          const file = await engagement.openSelfEvaluationFile(
            request.principal,
            request.params.laCode,
            request.params.selfEvaluationId,
            which,
          )
          return reply.type(file.type).header('content-disposition', contentDisposition(file.name)).send(file.stream)
        },
      }),
    ),
    route({
      method: 'GET',
      url: engagementPaths.schedule.pattern,
      permission: 'engagement.manage',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => schedulePage(request, reply),
    }),
    route({
      method: 'POST',
      url: engagementPaths.schedule.pattern,
      permission: 'engagement.manage',
      params: laParams,
      target: laTarget,
      form: scheduleForm,
      page: schedulePage,
      submit: async (request: LaRequest, input) => {
        const id = await engagement.scheduleMeeting(request.principal, request.params.laCode, input, context(request))
        return engagementPaths.meeting.build({ engagementId: id })
      },
    }),
    route({
      method: 'GET',
      url: engagementPaths.meeting.pattern,
      permission: 'engagement.view',
      params: meetingParams,
      target: meetingTarget,
      handler: (request: MeetingRequest, reply) => meetingPage(request, reply),
    }),
    route({
      method: 'POST',
      url: engagementPaths.agenda.pattern,
      permission: 'engagement.agenda',
      params: meetingParams,
      target: meetingTarget,
      form: agendaForm,
      page: meetingForm('agenda'),
      conflictField: 'agendaItems',
      submit: async (request: MeetingRequest, input) => {
        await engagement.agreeAgenda(request.principal, request.params.engagementId, input, context(request))
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: engagementPaths.record.pattern,
      permission: 'engagement.manage',
      params: meetingParams,
      target: meetingTarget,
      form: recordForm,
      page: meetingForm('record'),
      conflictField: 'discussion',
      submit: async (request: MeetingRequest, input) => {
        await engagement.recordMeeting(request.principal, request.params.engagementId, input, context(request))
        return back(request)
      },
    }),
    route({
      method: 'POST',
      url: engagementPaths.letter.pattern,
      permission: 'engagement.manage',
      params: meetingParams,
      target: meetingTarget,
      form: letterForm,
      page: meetingForm('letter'),
      conflictField: 'sentOn',
      submit: async (request: MeetingRequest, input) => {
        await engagement.sendLetter(request.principal, request.params.engagementId, input, context(request))
        return back(request)
      },
    }),
  ]
}
