import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatDate, formatLongDate } from '../../rules/calendar/dates.js'
import { INTERVENTION_FORMS } from '../../rules/intervention.js'
import { nextSteps } from '../../rules/intervention-record.js'
import { type Form, type FormState, formValues, formView, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { contentDisposition } from '../../web/downloads.js'
import { readUpload } from '../../web/uploads.js'
import { escapeHtml } from '../../web/html.js'
import { deliveryLine, registerPaths } from '../register/index.js'
import type { Upload } from './board.service.js'
import {
  boardForm,
  instrumentForm,
  interventionParams,
  meetingForm,
  minutesParams,
  receiveForm,
  reportForm,
  reportParams,
  stepForm,
} from './forms.js'
import type { InterventionRouteDeps } from './la.routes.js'
import { interventionPaths } from './paths.js'
import {
  boardFormView,
  boardRows,
  instrumentRows,
  formName,
  meetingRows,
  reportRows,
  stepLabel,
  stepRows,
  summaryRows,
} from './presenters.js'
import { REPORT_SOURCES } from './types.js'

type RecordRequest = SignedInRequest<{ interventionId: string }>
type ReportRequest = SignedInRequest<{ interventionId: string; reportId: string }>
type Which = 'step' | 'report' | 'meeting'

/** A form's fields for a page: what was typed, its errors, and its date boxes. */
/** An intervention record's page and everything recorded on it (issue 13; 004). */
/** Send an uploaded document (board minutes, a report) under its own name. */
function download(reply: FastifyReply, file: { type: string; name: string; stream: NodeJS.ReadableStream }) {
  return reply.type(file.type).header('content-disposition', contentDisposition(file.name)).send(file.stream)
}

export function interventionRecordRoutes({
  intervention,
  register,
  people,
  clock,
}: InterventionRouteDeps): RouteSpec[] {
  const target = (request: RecordRequest) => intervention.target(request.params.interventionId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const FORMS: Record<Which, Form<unknown>> = { step: stepForm, report: reportForm, meeting: meetingForm }

  async function recordPage(request: RecordRequest, reply: FastifyReply, state?: FormState, which?: Which) {
    const record = await intervention.record(request.params.interventionId)
    const { intervention: item } = record
    const reached = (await target(request))!
    const { la } = await register.show(item.laCode)
    const caseLead = item.caseLeadId ? await people.find(item.caseLeadId) : undefined
    const today = clock.today()
    const interventionId = item.id
    const bodies = await register.deliveryBodies(item.laCode)
    const followers = (instrumentId: string) => bodies.filter((body) => body.directionId === instrumentId)
    const of = (name: Which) => (which === name ? state : undefined)
    return reply.page('intervention/record.njk', {
      la,
      heading: `Intervention in ${la.name}`,
      summaryRows: summaryRows(record, caseLead, la.name),
      stepRows: stepRows(record),
      instruments: record.instruments.map((instrument) => ({
        title: `${formName(instrument.form)}, issued ${formatDate(instrument.issuedOn)}`,
        rows: [
          ...instrumentRows(instrument, item.inadequatePublishedOn),
          // The bodies the LA record says run the services under this direction (002#231-232).
          ...followers(instrument.id).map((body) => ({
            key: { text: 'Body running the services under it' },
            value: {
              html: `<a class="govuk-link" href="${registerPaths.show.build({ laCode: item.laCode })}#delivery">${escapeHtml(deliveryLine(body))}</a>`,
            },
          })),
        ],
      })),
      boardRows: boardRows(record, today),
      meetingRows: meetingRows(record),
      reports: reportRows(record, today),
      canManage: canOn(request.principal, 'intervention.manage', reached),
      canReport: canOn(request.principal, 'intervention.report', reached),
      nextSteps: nextSteps(item.step).map((step) => ({
        value: step,
        text: stepLabel(step),
        checked: valueOf(of('step')?.values ?? {}, 'step') === step,
      })),
      version: item.version,
      step: formView(of('step'), ['happenedOn']),
      report: {
        ...formView(of('report'), ['dueOn']),
        sourceItems: Object.entries(REPORT_SOURCES).map(([value, text]) => ({
          value,
          text,
          checked: valueOf(of('report')?.values ?? {}, 'dueFrom') === value,
        })),
      },
      meeting: formView(of('meeting'), ['metOn']),
      paths: {
        la: interventionPaths.la.build({ laCode: item.laCode }),
        step: interventionPaths.step.build({ interventionId }),
        instrument: interventionPaths.newInstrument.build({ interventionId }),
        board: interventionPaths.board.build({ interventionId }),
        meetings: interventionPaths.meetings.build({ interventionId }),
        reports: interventionPaths.reports.build({ interventionId }),
      },
      errorList: state && which ? formErrorList(FORMS[which], state) : [],
    })
  }

  async function instrumentPage(request: RecordRequest, reply: FastifyReply, state?: FormState) {
    const { intervention: item } = await intervention.record(request.params.interventionId)
    const { la } = await register.show(item.laCode)
    const view = formView(state, ['consultedOn', 'issuedOn', 'publishedOn', 'assessBy'])
    return reply.page('intervention/instrument.njk', {
      caption: `Intervention in ${la.name}`,
      backHref: interventionPaths.show.build({ interventionId: item.id }),
      formAction: interventionPaths.newInstrument.build({ interventionId: item.id }),
      formItems: INTERVENTION_FORMS.map((form) => ({
        value: form.key,
        text: form.name,
        hint: { text: form.description },
        checked: view.value('form') === form.key,
      })),
      ...view,
      errorList: formErrorList(instrumentForm, state),
    })
  }

  async function boardPage(request: RecordRequest, reply: FastifyReply, state?: FormState) {
    const { intervention: item, board } = await intervention.record(request.params.interventionId)
    const { la } = await register.show(item.laCode)
    const stored: Record<string, string | null> = board
      ? {
          chairName: board.chairName,
          chairIndependent: board.chairIndependent ? 'yes' : '',
          members: board.members,
          setUpOn: board.setUpOn,
          adviserKind: board.adviserKind ?? 'none',
          adviserName: board.adviserName,
        }
      : {}
    const view = formView(state, ['setUpOn'], stored)
    return reply.page('intervention/board.njk', {
      caption: `Intervention in ${la.name}`,
      backHref: interventionPaths.show.build({ interventionId: item.id }),
      formAction: interventionPaths.board.build({ interventionId: item.id }),
      version: board?.version,
      ...boardFormView(view.value('adviserKind') || 'none'),
      ...view,
      errorList: formErrorList(boardForm, state),
    })
  }

  async function receivePage(request: ReportRequest, reply: FastifyReply, state?: FormState) {
    const { intervention: item, reports } = await intervention.record(request.params.interventionId)
    const report = reports.find((candidate) => candidate.id === request.params.reportId)
    if (!report) throw new NotFoundError()
    const { la } = await register.show(item.laCode)
    return reply.page('intervention/receive.njk', {
      caption: `Intervention in ${la.name}`,
      report: { ...report, from: REPORT_SOURCES[report.dueFrom], due: formatLongDate(report.dueOn) },
      backHref: `${interventionPaths.show.build({ interventionId: item.id })}#reports`,
      formAction: interventionPaths.receiveReport.build({ interventionId: item.id, reportId: report.id }),
      ...formView(state, ['receivedOn'], { receivedOn: report.receivedOn }),
      errorList: formErrorList(receiveForm, state),
    })
  }

  /** Read a multipart form: its fields through `form`, then its file; refusals show the record page again. */
  async function upload<T>(
    request: RecordRequest,
    reply: FastifyReply,
    form: Form<T>,
    fileField: string,
    run: (input: T, file: Upload | null) => Promise<unknown>,
    refused: (state: FormState) => Promise<unknown>,
  ) {
    let fields: Record<string, string> = {}
    try {
      let done = false
      const read = await readUpload(request, fileField, async (before, file) => {
        const parsed = form.parse(before)
        if (!parsed.ok) {
          file.stream.resume()
          throw new ValidationError(parsed.errors)
        }
        done = true
        await run(parsed.value, file)
      })
      fields = read.fields
      if (!done) {
        const parsed = form.parse(fields)
        if (!parsed.ok) throw new ValidationError(parsed.errors)
        await run(parsed.value, null)
      }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return refused({ values: formValues(fields), errors: { ...error.fieldErrors } })
    }
    return reply.redirect(interventionPaths.show.build({ interventionId: request.params.interventionId }), 303)
  }

  return [
    route({
      method: 'GET',
      url: interventionPaths.show.pattern,
      permission: 'intervention.view',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => recordPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.step.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: stepForm,
      page: (request: RecordRequest, reply, state) => recordPage(request, reply, state, 'step'),
      conflictField: 'step',
      submit: async (request: RecordRequest, input) => {
        await intervention.recordStep(request.principal, request.params.interventionId, input, context(request))
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.newInstrument.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => instrumentPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.newInstrument.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: instrumentForm,
      page: instrumentPage,
      submit: async (request: RecordRequest, input) => {
        await intervention.addInstrument(
          request.principal,
          request.params.interventionId,
          {
            ...input,
            consultedOn: input.consultedOn ?? null,
            publishedOn: input.publishedOn ?? null,
            assessBy: input.assessBy ?? null,
          },
          context(request),
        )
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.board.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) => boardPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.board.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: boardForm,
      page: boardPage,
      submit: async (request: RecordRequest, { adviserKind, adviserName, ...input }) => {
        await intervention.setBoard(
          request.principal,
          request.params.interventionId,
          {
            ...input,
            adviserKind: adviserKind === 'none' ? null : adviserKind,
            adviserName: adviserKind === 'none' ? null : adviserName,
          },
          context(request),
        )
        return interventionPaths.show.build({ interventionId: request.params.interventionId })
      },
    }),
    route({
      method: 'POST',
      url: interventionPaths.reports.pattern,
      permission: 'intervention.manage',
      params: interventionParams,
      target,
      form: reportForm,
      page: (request: RecordRequest, reply, state) => recordPage(request, reply, state, 'report'),
      submit: async (request: RecordRequest, input) => {
        await intervention.scheduleReport(request.principal, request.params.interventionId, input, context(request))
        return `${interventionPaths.show.build({ interventionId: request.params.interventionId })}#reports`
      },
    }),
    route({
      method: 'POST',
      url: interventionPaths.meetings.pattern,
      permission: 'intervention.report',
      params: interventionParams,
      target,
      handler: (request: RecordRequest, reply) =>
        upload(
          request,
          reply,
          meetingForm,
          'minutes',
          (input, minutes) =>
            intervention.addMeeting(
              request.principal,
              request.params.interventionId,
              { ...input, minutes },
              context(request),
            ),
          (state) => recordPage(request, reply, state, 'meeting'),
        ),
    }),
    route({
      method: 'GET',
      url: interventionPaths.receiveReport.pattern,
      permission: 'intervention.report',
      params: reportParams,
      target,
      handler: (request: ReportRequest, reply) => receivePage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.receiveReport.pattern,
      permission: 'intervention.report',
      params: reportParams,
      target,
      handler: (request: ReportRequest, reply) =>
        upload(
          request,
          reply,
          receiveForm,
          'report',
          (input, file) =>
            intervention.receiveReport(
              request.principal,
              request.params.interventionId,
              request.params.reportId,
              { ...input, file },
              context(request),
            ),
          (state) => receivePage(request, reply, state),
        ),
    }),
    route({
      method: 'GET',
      url: interventionPaths.minutes.pattern,
      permission: 'intervention.view',
      params: minutesParams,
      target,
      handler: async (request: SignedInRequest<{ interventionId: string; boardMeetingId: string }>, reply) => {
        const { interventionId, boardMeetingId } = request.params
        return download(
          reply,
          await intervention.openDocument(request.principal, interventionId, 'minutes', boardMeetingId),
        )
      },
    }),
    route({
      method: 'GET',
      url: interventionPaths.reportFile.pattern,
      permission: 'intervention.view',
      params: reportParams,
      target,
      handler: async (request: ReportRequest, reply) => {
        const { interventionId, reportId } = request.params
        return download(reply, await intervention.openDocument(request.principal, interventionId, 'report', reportId))
      },
    }),
  ]
}
