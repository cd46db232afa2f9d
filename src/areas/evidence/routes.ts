import type { FastifyReply, FastifyRequest } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { Clock } from '../../clock.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { EVIDENCE_ENTRY_PARTS } from '../../rules/evidence.js'
import { ConflictError, ValidationError } from '../../errors.js'
import {
  dateField,
  dateFieldFrom,
  dateInputItems,
  type DateField,
  errorList,
  type FieldErrors,
  type FormBody,
  readDate,
  text,
  texts,
} from '../../web/legacy-forms.js'
import { ruleLink } from '../../web/rule-links.js'
import type { RouteSpec } from '../../web/routing.js'
import { activityPaths } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import { KIT_ATTENDEE_ROLES, readTime, SIGNIFICANCE, SOURCE_TYPES } from './fieldwork.js'
import { evidencePaths } from './paths.js'
import {
  concernRows,
  concernStatusHtml,
  concernSummaryRows,
  coverageTables,
  entryGroups,
  headingItems,
  headingTitle,
  kitDayRows,
  kitMeetingRows,
  possibleNameRows,
  qaNoteTargetItems,
  rfiRows,
  rfiStatusHtml,
  rfiSummaryRows,
} from './presenters.js'
import { type EvidenceService, type NameConfirmation, PossibleNamesWarning } from './service.js'

type Params = { activityId: string; rfiId: string; concernId: string; noteId: string }
type Values = Record<string, unknown>

function version(body: FormBody): number | undefined {
  const value = Number.parseInt(text(body, 'version'), 10)
  return Number.isFinite(value) ? value : undefined
}

function names(body: FormBody): NameConfirmation {
  return { confirmed: text(body, 'confirmNames') === 'yes', fingerprint: text(body, 'namesFingerprint') }
}

/** The date and time now in England, for defaults. */
function londonNow(clock: Clock): { date: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(clock.now())
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: clock.today(), hour: part('hour'), minute: part('minute') }
}

/** What a form handler needs when the service refuses: the field errors and any possible names. */
interface Refusal {
  readonly errors: FieldErrors
  readonly names?: { rows: ReturnType<typeof possibleNameRows>; fingerprint: string }
}

async function attempt(
  reply: FastifyReply,
  action: () => Promise<unknown>,
  onRefused: (refusal: Refusal) => Promise<unknown>,
  redirect: () => string,
): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    if (error instanceof PossibleNamesWarning)
      return onRefused({
        errors: { ...error.fieldErrors },
        names: { rows: possibleNameRows(error.matches), fingerprint: error.fingerprint },
      })
    if (error instanceof ValidationError) return onRefused({ errors: { ...error.fieldErrors } })
    if (error instanceof ConflictError) return onRefused({ errors: { status: error.message } })
    throw error
  }
  return reply.redirect(redirect(), 303)
}

const status = (refusal: Refusal | undefined) => (refusal && Object.keys(refusal.errors).length > 0 ? 400 : 200)

/**
 * Decision: evidence entries are append-only. 002#181 calls them contemporaneous records that QA
 * managers scrutinise and that are considered in a complaint, so there is no edit route; a
 * correction is a new entry (the record page says so).
 *
 * The fieldwork records of an activity (issue 6): evidence record, QA notes, keep-in-touch
 * notes, requests for further information and cases of concern. Every route names its policy
 * action; record routes check the record belongs to the activity (and, for LA users, that the
 * lead has released it) in their target, so anything else is a 404.
 */
export function evidenceRoutes(evidence: EvidenceService, clock: Clock): RouteSpec[] {
  const params = (request: FastifyRequest) => request.params as Params
  const activityTarget = (request: FastifyRequest) => evidence.target(params(request).activityId)
  const rfiTarget = (request: FastifyRequest) =>
    evidence.rfiTarget(request.principal, params(request).activityId, params(request).rfiId)
  const concernTarget = (request: FastifyRequest) =>
    evidence.concernTarget(request.principal, params(request).activityId, params(request).concernId)
  const qaNoteTarget = (request: FastifyRequest) =>
    evidence.qaNoteTarget(params(request).activityId, params(request).noteId)
  const context = (request: FastifyRequest) => ({ requestId: request.id })
  const targetOf = async (request: FastifyRequest): Promise<PolicyTarget> =>
    (await evidence.target(params(request).activityId))!

  // ── Evidence record ──────────────────────────────────────────────────────────────────

  async function renderRecord(request: FastifyRequest, reply: FastifyReply, values: Values = {}, refusal?: Refusal) {
    const { activityId } = params(request)
    const principal = request.principal!
    const query = request.query as Record<string, string | undefined>
    const headingId = query.heading && evidence.isHeading(query.heading) ? query.heading : undefined
    const authorId = query.inspector || undefined
    const data = await evidence.record(principal, activityId, { headingId, authorId }, context(request))
    const target = await targetOf(request)
    const canResolve = canOn(principal, 'evidence.lead', target)
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/record.njk', {
      activity: data.details.activity,
      title: activityTitle(data.details.activity),
      coverage: data.coverage,
      coverageTables: coverageTables(data.coverage, activityId, headingId),
      groups: entryGroups(data.entries, data.marks, data.notes),
      entryCount: data.entries.length,
      filtered: Boolean(headingId || authorId),
      filterHeading: headingId ? headingTitle(headingId) : undefined,
      headingItems: headingItems(headingId, 'All headings'),
      inspectorItems: [
        { value: '', text: 'All inspectors' },
        ...data.authors.map((author) => ({
          value: author.id,
          text: `${author.name} (${author.count})`,
          selected: author.id === authorId,
        })),
      ],
      casesChecked: data.casesChecked,
      notes: data.notes.map((note) => ({
        ...note,
        about: note.entryId ? data.entries.find((entry) => entry.id === note.entryId) : undefined,
        aboutHeading: note.entryId
          ? headingTitle((data.entries.find((entry) => entry.id === note.entryId) ?? { headingId: '' }).headingId)
          : undefined,
        resolveHref: evidencePaths.resolveQaNote.build({ activityId, noteId: note.id }),
      })),
      openNotes: data.notes.filter((note) => !note.resolvedAt).length,
      canWrite: canOn(principal, 'evidence.write', target),
      canQa: canOn(principal, 'evidence.qa', target),
      canResolve,
      qaTargetItems: qaNoteTargetItems(data.entries, values.entryId as string | undefined),
      values,
      errors,
      errorList: errorList(errors, { entryId: 'entryId' }),
      newHref:
        evidencePaths.newEntry.build({ activityId }) + (headingId ? `?heading=${encodeURIComponent(headingId)}` : ''),
      recordHref: evidencePaths.record.build({ activityId }),
      qaHref: evidencePaths.qaNotes.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      parts: EVIDENCE_ENTRY_PARTS,
      ruleE1: ruleLink('E1', '002#181-191'),
      ruleE2: ruleLink('E2', '002#239-241'),
    })
  }

  async function renderEntryForm(request: FastifyRequest, reply: FastifyReply, values: Values, refusal?: Refusal) {
    const { activityId } = params(request)
    const { details } = await evidence.keepInTouch(activityId)
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/entry-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      values,
      errors,
      errorList: errorList(errors, {
        collectedOn: 'collectedOn-day',
        collectedTime: 'collectedTime-hour',
        sourceType: 'sourceType',
        significance: 'significance',
        confirmNames: 'confirmNames',
      }),
      names: refusal?.names,
      headingItems: headingItems(values.headingId as string | undefined, 'Select a heading'),
      sourceItems: Object.entries(SOURCE_TYPES).map(([value, label]) => ({
        value,
        text: label,
        checked: values.sourceType === value,
      })),
      significanceItems: Object.entries(SIGNIFICANCE).map(([value, label]) => ({
        value,
        text: label,
        checked: (values.significance ?? 'none') === value,
      })),
      collectedOnItems: dateInputItems('collectedOn', values.collectedOn as DateField, Boolean(errors.collectedOn)),
      parts: EVIDENCE_ENTRY_PARTS,
      action: evidencePaths.newEntry.build({ activityId }),
      backHref: evidencePaths.record.build({ activityId }),
      ruleE1: ruleLink('E1', '002#181-191'),
    })
  }

  // ── Keep-in-touch ────────────────────────────────────────────────────────────────────

  async function renderKit(request: FastifyRequest, reply: FastifyReply, values: Values = {}, refusal?: Refusal) {
    const { activityId } = params(request)
    const { details, meetings, days } = await evidence.keepInTouch(activityId)
    const target = await targetOf(request)
    const errors = refusal?.errors ?? {}
    const firstMissing = days.find((day) => day.state === 'missing')?.day
    return reply.code(status(refusal)).page('evidence/keep-in-touch.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      dayRows: kitDayRows(days),
      missing: days.filter((day) => day.state === 'missing').length,
      meetings: meetings.map((meeting) => ({
        heading: formatLongDate(meeting.meetingOn),
        rows: kitMeetingRows(meeting),
      })),
      canWrite: canOn(request.principal!, 'evidence.write', target),
      values,
      errors,
      errorList: errorList(errors, {
        meetingOn: 'meetingOn-day',
        attendeeRoles: 'attendeeRoles',
        confirmNames: 'confirmNames',
      }),
      names: refusal?.names,
      meetingOnItems: dateInputItems(
        'meetingOn',
        (values.meetingOn as DateField | undefined) ??
          dateFieldFrom(firstMissing ?? (days.some((d) => d.day === clock.today()) ? clock.today() : undefined)),
        Boolean(errors.meetingOn),
      ),
      roleItems: Object.entries(KIT_ATTENDEE_ROLES).map(([value, label]) => ({
        value,
        text: label,
        checked: ((values.attendeeRoles as string[] | undefined) ?? []).includes(value),
      })),
      action: evidencePaths.keepInTouch.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleE5: ruleLink('E5', '002#173-175'),
    })
  }

  // ── Requests for further information ────────────────────────────────────────────────

  async function renderRequests(request: FastifyRequest, reply: FastifyReply) {
    const { activityId } = params(request)
    const principal = request.principal!
    const { details, requests, today } = await evidence.requests(principal, activityId, context(request))
    const target = await targetOf(request)
    return reply.page('evidence/requests.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rows: rfiRows(requests, today),
      awaitingLead: requests.filter((rfi) => rfi.status === 'awaiting-lead').length,
      canRaise: canOn(principal, 'evidence.write', target),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      newHref: evidencePaths.newRequest.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleE3: ruleLink('E3', '002 Annex B, #167'),
    })
  }

  async function renderRequestForm(request: FastifyRequest, reply: FastifyReply, values: Values, refusal?: Refusal) {
    const { activityId } = params(request)
    const { details } = await evidence.keepInTouch(activityId)
    const lead = details.team.some(
      (member) => member.teamRole === 'lead-inspector' && member.userId === request.principal!.id,
    )
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/request-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      isLead: lead,
      values,
      errors,
      errorList: errorList(errors, {
        requestType: 'requestType',
        dateResponseRequired: 'dateResponseRequired-day',
        confirmNames: 'confirmNames',
      }),
      names: refusal?.names,
      typeItems: [
        { value: 'document', text: 'Document', checked: values.requestType === 'document' },
        { value: 'information', text: 'Information', checked: values.requestType === 'information' },
      ],
      requiredItems: dateInputItems(
        'dateResponseRequired',
        values.dateResponseRequired as DateField,
        Boolean(errors.dateResponseRequired),
      ),
      action: evidencePaths.newRequest.build({ activityId }),
      backHref: evidencePaths.requests.build({ activityId }),
    })
  }

  async function renderRequest(request: FastifyRequest, reply: FastifyReply, values: Values = {}, refusal?: Refusal) {
    const { activityId, rfiId } = params(request)
    const principal = request.principal!
    const { details, rfi, today } = await evidence.request(principal, activityId, rfiId, context(request))
    const target = await targetOf(request)
    const lead = canOn(principal, 'evidence.lead', target)
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/request.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rfi,
      statusHtml: rfiStatusHtml(rfi, today),
      rows: rfiSummaryRows(rfi),
      decision: rfi.decisionNote ? { note: rfi.decisionNote, by: rfi.decidedByName } : undefined,
      canAgree: lead && rfi.status === 'awaiting-lead',
      canAnswer: canOn(principal, 'rfi.answer', target) && rfi.status === 'requested',
      canDecide: lead && rfi.status === 'answered',
      requiredItems: dateInputItems(
        'dateResponseRequired',
        (values.dateResponseRequired as DateField | undefined) ?? dateFieldFrom(rfi.dateResponseRequired),
        Boolean(errors.dateResponseRequired),
      ),
      values,
      errors,
      errorList: errorList(errors, {
        agree: 'agree',
        decision: 'decision',
        dateResponseRequired: 'dateResponseRequired-day',
      }),
      agreeHref: evidencePaths.agreeRequest.build({ activityId, rfiId }),
      answerHref: evidencePaths.answerRequest.build({ activityId, rfiId }),
      decideHref: evidencePaths.decideRequest.build({ activityId, rfiId }),
      backHref: evidencePaths.requests.build({ activityId }),
    })
  }

  // ── Cases of concern ────────────────────────────────────────────────────────────────

  async function renderConcerns(request: FastifyRequest, reply: FastifyReply) {
    const { activityId } = params(request)
    const principal = request.principal!
    const { details, concerns, today } = await evidence.concerns(principal, activityId, context(request))
    const target = await targetOf(request)
    return reply.page('evidence/concerns.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      rows: concernRows(concerns, today),
      canRaise: canOn(principal, 'evidence.write', target),
      isLa: ROLE_INFO[principal.role].kind === 'la',
      newHref: evidencePaths.newConcern.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      ruleE4: ruleLink('E4', '000 Annex C; 001#36; 002#136'),
    })
  }

  async function renderConcernForm(request: FastifyRequest, reply: FastifyReply, values: Values, refusal?: Refusal) {
    const { activityId } = params(request)
    const { details } = await evidence.keepInTouch(activityId)
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/concern-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      values,
      errors,
      errorList: errorList(errors, { confirmNames: 'confirmNames' }),
      names: refusal?.names,
      action: evidencePaths.newConcern.build({ activityId }),
      backHref: evidencePaths.concerns.build({ activityId }),
    })
  }

  async function renderConcern(request: FastifyRequest, reply: FastifyReply, values: Values = {}, refusal?: Refusal) {
    const { activityId, concernId } = params(request)
    const principal = request.principal!
    const { details, concern, today } = await evidence.concern(principal, activityId, concernId, context(request))
    const target = await targetOf(request)
    const lead = canOn(principal, 'evidence.lead', target)
    const forLa = ROLE_INFO[principal.role].kind === 'la'
    const errors = refusal?.errors ?? {}
    return reply.code(status(refusal)).page('evidence/concern.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      concern,
      forLa,
      statusHtml: concernStatusHtml(concern, today),
      rows: concernSummaryRows(concern, forLa),
      canEscalate: lead && concern.status === 'with-lead',
      canRespond: canOn(principal, 'concern.respond', target) && concern.status === 'escalated',
      canConclude: lead && concern.status === 'responded',
      dueItems: dateInputItems(
        'responseDue',
        (values.responseDue as DateField | undefined) ?? dateFieldFrom(undefined),
        Boolean(errors.responseDue),
      ),
      values: {
        formalNote:
          concern.status === 'with-lead' && values.formalNote === undefined ? concern.issues : values.formalNote,
        ...values,
      },
      errors,
      errorList: errorList(errors, { responseDue: 'responseDue-day', confirmNames: 'confirmNames' }),
      names: refusal?.names,
      escalateHref: evidencePaths.escalateConcern.build({ activityId, concernId }),
      respondHref: evidencePaths.respondToConcern.build({ activityId, concernId }),
      concludeHref: evidencePaths.concludeConcern.build({ activityId, concernId }),
      backHref: evidencePaths.concerns.build({ activityId }),
    })
  }

  return [
    // Evidence record (002#181-192, E1, E2)
    {
      method: 'GET',
      url: evidencePaths.record.pattern,
      permission: 'evidence.read',
      target: activityTarget,
      handler: async (request, reply) => renderRecord(request, reply),
    },
    {
      method: 'GET',
      url: evidencePaths.newEntry.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        const now = londonNow(clock)
        return renderEntryForm(request, reply, {
          headingId: query.heading,
          collectedOn: dateFieldFrom(now.date),
          hour: now.hour,
          minute: now.minute,
          significance: 'none',
        })
      },
    },
    {
      method: 'POST',
      url: evidencePaths.newEntry.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = params(request)
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const collectedOn = readDate(body, 'collectedOn', 'the date you collected the evidence', dateErrors)
        const hour = text(body, 'collectedTime-hour')
        const minute = text(body, 'collectedTime-minute')
        const input = {
          headingId: text(body, 'headingId'),
          sourceType: text(body, 'sourceType'),
          sourceDetail: text(body, 'sourceDetail'),
          collectedOn,
          collectedTime: readTime(hour, minute),
          evaluativeStatement: text(body, 'evaluativeStatement'),
          evidenceSummary: text(body, 'evidenceSummary'),
          impact: text(body, 'impact'),
          significance: text(body, 'significance') || 'none',
          teamAgreed: text(body, 'teamAgreed') === 'yes',
          caseIds: text(body, 'caseIds'),
          names: names(body),
        }
        const values = { ...input, collectedOn: dateField(body, 'collectedOn'), hour, minute }
        return attempt(
          reply,
          () => evidence.addEntry(request.principal!, activityId, input, dateErrors, context(request)),
          (refusal) => renderEntryForm(request, reply, values, refusal),
          () => `${evidencePaths.record.build({ activityId })}?heading=${encodeURIComponent(input.headingId)}`,
        )
      },
    },
    // QA manager notes (002#190)
    {
      method: 'POST',
      url: evidencePaths.qaNotes.pattern,
      permission: 'evidence.qa',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = params(request)
        const body = request.body as FormBody
        const input = { entryId: text(body, 'entryId'), note: text(body, 'note') }
        return attempt(
          reply,
          () => evidence.addQaNote(request.principal!, activityId, input, context(request)),
          (refusal) => renderRecord(request, reply, input, refusal),
          () => `${evidencePaths.record.build({ activityId })}#qa-notes`,
        )
      },
    },
    {
      method: 'POST',
      url: evidencePaths.resolveQaNote.pattern,
      permission: 'evidence.lead',
      target: qaNoteTarget,
      handler: async (request, reply) => {
        const { activityId, noteId } = params(request)
        const resolution = text(request.body as FormBody, 'resolution')
        return attempt(
          reply,
          () => evidence.resolveQaNote(request.principal!, activityId, noteId, { resolution }, context(request)),
          (refusal) => renderRecord(request, reply, { resolution }, refusal),
          () => `${evidencePaths.record.build({ activityId })}#qa-notes`,
        )
      },
    },
    // Keep-in-touch meetings (002#173-175, E5)
    {
      method: 'GET',
      url: evidencePaths.keepInTouch.pattern,
      permission: 'evidence.read',
      target: activityTarget,
      handler: async (request, reply) => renderKit(request, reply),
    },
    {
      method: 'POST',
      url: evidencePaths.keepInTouch.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = params(request)
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const meetingOn = readDate(body, 'meetingOn', 'the date of the meeting', dateErrors)
        const input = {
          meetingOn,
          attendeeRoles: texts(body, 'attendeeRoles'),
          otherAttendees: text(body, 'otherAttendees'),
          dcsDeclined: text(body, 'dcsDeclined') === 'yes',
          findingsShared: text(body, 'findingsShared'),
          dcsClear: text(body, 'dcsClear') === 'yes',
          noSurprises: text(body, 'noSurprises') === 'yes',
          names: names(body),
        }
        return attempt(
          reply,
          () => evidence.addKitMeeting(request.principal!, activityId, input, dateErrors, context(request)),
          (refusal) => renderKit(request, reply, { ...input, meetingOn: dateField(body, 'meetingOn') }, refusal),
          () => evidencePaths.keepInTouch.build({ activityId }),
        )
      },
    },
    // Requests for further information (002 Annex B, #167, #244, E3)
    {
      method: 'GET',
      url: evidencePaths.requests.pattern,
      permission: 'rfi.view',
      target: activityTarget,
      handler: async (request, reply) => renderRequests(request, reply),
    },
    {
      method: 'GET',
      url: evidencePaths.newRequest.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) =>
        renderRequestForm(request, reply, { dateResponseRequired: dateFieldFrom(undefined) }),
    },
    {
      method: 'POST',
      url: evidencePaths.newRequest.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = params(request)
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const dateResponseRequired = readDate(
          body,
          'dateResponseRequired',
          'the date the response is required',
          dateErrors,
        )
        const input = {
          requestType: text(body, 'requestType'),
          caseId: text(body, 'caseId'),
          reason: text(body, 'reason'),
          dateResponseRequired,
          names: names(body),
        }
        let id = ''
        return attempt(
          reply,
          async () =>
            (id = await evidence.raiseRequest(request.principal!, activityId, input, dateErrors, context(request))),
          (refusal) =>
            renderRequestForm(
              request,
              reply,
              { ...input, dateResponseRequired: dateField(body, 'dateResponseRequired') },
              refusal,
            ),
          () => evidencePaths.request.build({ activityId, rfiId: id }),
        )
      },
    },
    {
      method: 'GET',
      url: evidencePaths.request.pattern,
      permission: 'rfi.view',
      target: rfiTarget,
      handler: async (request, reply) => renderRequest(request, reply),
    },
    {
      method: 'POST',
      url: evidencePaths.agreeRequest.pattern,
      permission: 'evidence.lead',
      target: rfiTarget,
      handler: async (request, reply) => {
        const { activityId, rfiId } = params(request)
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const agree = text(body, 'agree')
        const dateResponseRequired =
          agree === 'yes'
            ? readDate(body, 'dateResponseRequired', 'the date the response is required', dateErrors)
            : undefined
        const input = { agree, dateResponseRequired, note: text(body, 'note'), version: version(body) }
        return attempt(
          reply,
          () => evidence.agreeRequest(request.principal!, activityId, rfiId, input, dateErrors, context(request)),
          (refusal) =>
            renderRequest(
              request,
              reply,
              { ...input, dateResponseRequired: dateField(body, 'dateResponseRequired') },
              refusal,
            ),
          () => evidencePaths.request.build({ activityId, rfiId }),
        )
      },
    },
    {
      method: 'POST',
      url: evidencePaths.answerRequest.pattern,
      permission: 'rfi.answer',
      target: rfiTarget,
      handler: async (request, reply) => {
        const { activityId, rfiId } = params(request)
        const body = request.body as FormBody
        const input = { response: text(body, 'response'), version: version(body) }
        return attempt(
          reply,
          () => evidence.answerRequest(request.principal!, activityId, rfiId, input, context(request)),
          (refusal) => renderRequest(request, reply, input, refusal),
          () => evidencePaths.request.build({ activityId, rfiId }),
        )
      },
    },
    {
      method: 'POST',
      url: evidencePaths.decideRequest.pattern,
      permission: 'evidence.lead',
      target: rfiTarget,
      handler: async (request, reply) => {
        const { activityId, rfiId } = params(request)
        const body = request.body as FormBody
        const input = { decision: text(body, 'decision'), note: text(body, 'decisionNote'), version: version(body) }
        return attempt(
          reply,
          () => evidence.decideRequest(request.principal!, activityId, rfiId, input, context(request)),
          (refusal) => renderRequest(request, reply, { ...input, decisionNote: input.note }, refusal),
          () => evidencePaths.request.build({ activityId, rfiId }),
        )
      },
    },
    // Cases of concern (000 Annex C, 001#36, 002#136, E4)
    {
      method: 'GET',
      url: evidencePaths.concerns.pattern,
      permission: 'concern.view',
      target: activityTarget,
      handler: async (request, reply) => renderConcerns(request, reply),
    },
    {
      method: 'GET',
      url: evidencePaths.newConcern.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => renderConcernForm(request, reply, {}),
    },
    {
      method: 'POST',
      url: evidencePaths.newConcern.pattern,
      permission: 'evidence.write',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = params(request)
        const body = request.body as FormBody
        const input = {
          caseId: text(body, 'caseId'),
          teamLocation: text(body, 'teamLocation'),
          issues: text(body, 'issues'),
          significance: text(body, 'significance'),
          discussedWith: text(body, 'discussedWith'),
          names: names(body),
        }
        let id = ''
        return attempt(
          reply,
          async () => (id = await evidence.raiseConcern(request.principal!, activityId, input, context(request))),
          (refusal) => renderConcernForm(request, reply, input, refusal),
          () => evidencePaths.concern.build({ activityId, concernId: id }),
        )
      },
    },
    {
      method: 'GET',
      url: evidencePaths.concern.pattern,
      permission: 'concern.view',
      target: concernTarget,
      handler: async (request, reply) => renderConcern(request, reply),
    },
    {
      method: 'POST',
      url: evidencePaths.escalateConcern.pattern,
      permission: 'evidence.lead',
      target: concernTarget,
      handler: async (request, reply) => {
        const { activityId, concernId } = params(request)
        const body = request.body as FormBody
        const dateErrors: FieldErrors = {}
        const responseDue = readDate(body, 'responseDue', 'the date for the written response', dateErrors)
        const input = { formalNote: text(body, 'formalNote'), responseDue, version: version(body), names: names(body) }
        return attempt(
          reply,
          () =>
            evidence.escalateConcern(request.principal!, activityId, concernId, input, dateErrors, context(request)),
          (refusal) =>
            renderConcern(request, reply, { ...input, responseDue: dateField(body, 'responseDue') }, refusal),
          () => evidencePaths.concern.build({ activityId, concernId }),
        )
      },
    },
    {
      method: 'POST',
      url: evidencePaths.respondToConcern.pattern,
      permission: 'concern.respond',
      target: concernTarget,
      handler: async (request, reply) => {
        const { activityId, concernId } = params(request)
        const body = request.body as FormBody
        const input = { response: text(body, 'response'), version: version(body) }
        return attempt(
          reply,
          () => evidence.respondToConcern(request.principal!, activityId, concernId, input, context(request)),
          (refusal) => renderConcern(request, reply, input, refusal),
          () => evidencePaths.concern.build({ activityId, concernId }),
        )
      },
    },
    {
      method: 'POST',
      url: evidencePaths.concludeConcern.pattern,
      permission: 'evidence.lead',
      target: concernTarget,
      handler: async (request, reply) => {
        const { activityId, concernId } = params(request)
        const body = request.body as FormBody
        const input = { findings: text(body, 'findings'), version: version(body), names: names(body) }
        return attempt(
          reply,
          () => evidence.concludeConcern(request.principal!, activityId, concernId, input, context(request)),
          (refusal) => renderConcern(request, reply, input, refusal),
          () => evidencePaths.concern.build({ activityId, concernId }),
        )
      },
    },
  ]
}
