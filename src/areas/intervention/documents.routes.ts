import type { FastifyReply } from 'fastify'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { type Form, type FormState, formValues, formView } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { contentDisposition } from '../../web/downloads.js'
import { readUpload } from '../../web/uploads.js'
import type { Upload } from './board.service.js'
import { interventionParams, meetingForm, minutesParams, receiveForm, reportParams } from './forms.js'
import type { InterventionRouteDeps } from './la.routes.js'
import { interventionPaths } from './paths.js'
import { recordPageFor, type RecordRequest, type ReportRequest } from './record-page.routes.js'
import { REPORT_SOURCES } from './types.js'

/** Send an uploaded document (board minutes, a report) under its own name. */
function download(reply: FastifyReply, file: { type: string; name: string; stream: NodeJS.ReadableStream }) {
  return reply.type(file.type).header('content-disposition', contentDisposition(file.name)).send(file.stream)
}

/** The documents of an intervention record (issue 13; 004): board minutes and reports received, uploaded and opened. */
export function interventionDocumentRoutes(deps: InterventionRouteDeps): RouteSpec[] {
  const { intervention, register } = deps
  const target = (request: RecordRequest) => intervention.target(request.params.interventionId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const recordPage = recordPageFor(deps)

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
