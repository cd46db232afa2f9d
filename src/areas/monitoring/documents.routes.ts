import type { FastifyReply } from 'fastify'
import type { PolicyTarget } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { ValidationError } from '../../errors.js'
import { contentDisposition } from '../../web/downloads.js'
import { type FormState, formValues } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { readUploads } from '../../web/uploads.js'
import { laParams, planFileParams, programmeParams } from './forms.js'
import type { LetterFormat } from './letters.service.js'
import { monitoringPaths } from './paths.js'
import { type ProgrammeActivity, threadRows } from './presenters.js'
import type { MonitoringService } from './service.js'
import { threadOf, threadWorkbook } from './thread.js'
import type { ProgrammeRecord, StoredDocument } from './types.js'

type LaRequest = SignedInRequest<{ laCode: string }>
type ProgrammeRequest = SignedInRequest<{ programmeId: string }>

const TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/** The letters as Word and PDF, the action plan's upload and files, and the thread from recommendation to outcome. */
export function monitoringDocumentRoutes(deps: {
  monitoring: MonitoringService
  programmeTarget: (request: ProgrammeRequest) => Promise<PolicyTarget | null>
  laTarget: (request: LaRequest) => Promise<PolicyTarget | null>
  programmePage: (request: ProgrammeRequest, reply: FastifyReply, state?: FormState) => Promise<unknown>
  programmeActivities: (request: SignedInRequest, record: ProgrammeRecord) => Promise<ProgrammeActivity[]>
  clock: Clock
}): RouteSpec[] {
  const { monitoring, programmeTarget, laTarget, programmePage, programmeActivities, clock } = deps

  const letterRoute = (
    url: string,
    which: 'planningVisitLetter' | 'reviewLetter' | 'agenda' | 'visitRecord',
    format: LetterFormat,
    name: string,
  ) =>
    route({
      method: 'GET',
      url,
      permission: 'monitoring.view',
      params: programmeParams,
      target: programmeTarget,
      handler: async (request: ProgrammeRequest, reply) => {
        const { content } = await monitoring.letters[which](request.principal, request.params.programmeId, format)
        return reply
          .type(TYPES[format])
          .header('content-disposition', contentDisposition(`${name}.${format}`))
          .send(Buffer.from(content))
      },
    })

  /** The LA submits its plan: the file and an action against each item, read as they arrive (multipart). */
  async function submitPlan(request: ProgrammeRequest, reply: FastifyReply) {
    let file: StoredDocument | null = null
    let fields: Record<string, string> = {}
    try {
      // A file refused (wrong type, empty, too large) is said once every field is read, so the
      // page comes back with the actions the LA typed, whichever side of the file they are.
      let refused: ValidationError | null = null
      fields = (
        await readUploads(request, ['plan'], async (_field, _before, upload) => {
          try {
            file = await monitoring.storeDocument(upload)
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error
            refused = error
            upload.stream.resume()
          }
        })
      ).fields
      if (refused) throw refused
      const actions = Object.fromEntries(
        Object.entries(fields)
          .filter(([name]) => name.startsWith('action-'))
          .map(([name, value]) => [name.slice('action-'.length), value]),
      )
      await monitoring.submitPlan(
        request.principal,
        request.params.programmeId,
        { file, actions },
        { requestId: request.id },
      )
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return programmePage(request, reply, { values: formValues(fields), errors: { ...error.fieldErrors } })
    }
    return reply.redirect(
      `${monitoringPaths.programme.build({ programmeId: request.params.programmeId })}#action-plan`,
      303,
    )
  }

  return [
    letterRoute(monitoringPaths.letterDocx.pattern, 'planningVisitLetter', 'docx', 'Action planning visit letter'),
    letterRoute(monitoringPaths.letterPdf.pattern, 'planningVisitLetter', 'pdf', 'Action planning visit letter'),
    letterRoute(monitoringPaths.agendaDocx.pattern, 'agenda', 'docx', 'Action planning visit agenda'),
    letterRoute(monitoringPaths.agendaPdf.pattern, 'agenda', 'pdf', 'Action planning visit agenda'),
    letterRoute(monitoringPaths.recordDocx.pattern, 'visitRecord', 'docx', 'Record of action planning visit'),
    letterRoute(monitoringPaths.recordPdf.pattern, 'visitRecord', 'pdf', 'Record of action planning visit'),
    letterRoute(monitoringPaths.reviewDocx.pattern, 'reviewLetter', 'docx', 'Action plan letter'),
    letterRoute(monitoringPaths.reviewPdf.pattern, 'reviewLetter', 'pdf', 'Action plan letter'),
    route({
      method: 'POST',
      url: monitoringPaths.plan.pattern,
      permission: 'monitoring.action-plan',
      params: programmeParams,
      target: programmeTarget,
      handler: submitPlan,
    }),
    route({
      method: 'GET',
      url: monitoringPaths.planFile.pattern,
      permission: 'monitoring.view',
      params: planFileParams,
      target: (request: SignedInRequest<{ programmeId: string }>) => monitoring.target(request.params.programmeId),
      handler: async (request: SignedInRequest<{ programmeId: string; versionNumber: number }>, reply) => {
        const file = await monitoring.openPlanFile(
          request.principal,
          request.params.programmeId,
          request.params.versionNumber,
        )
        return reply.type(file.type).header('content-disposition', contentDisposition(file.name)).send(file.stream)
      },
    }),
    route({
      method: 'GET',
      url: monitoringPaths.thread.pattern,
      permission: 'monitoring.view',
      params: laParams,
      target: laTarget,
      handler: async (request: LaRequest, reply) => {
        const { laCode } = request.params
        const records = await monitoring.ofLa(laCode)
        return reply.page('monitoring/thread.njk', {
          laCode,
          laName: await monitoring.laName(laCode),
          backHref: monitoringPaths.la.build({ laCode }),
          xlsxHref: monitoringPaths.threadXlsx.build({ laCode }),
          programmes: await Promise.all(
            [...records].reverse().map(async (record) => ({
              heading: `Monitoring programme ${record.programme.setNumber}`,
              href: monitoringPaths.programme.build({ programmeId: record.programme.id }),
              // Each progress entry names the visit that assessed it, as on the programme page.
              rows: threadRows(
                record,
                new Map((await programmeActivities(request, record)).map((activity) => [activity.id, activity.title])),
              ),
            })),
          ),
        })
      },
    }),
    route({
      method: 'GET',
      url: monitoringPaths.threadXlsx.pattern,
      permission: 'monitoring.view',
      params: laParams,
      target: laTarget,
      handler: async (request: LaRequest, reply) => {
        const { laCode } = request.params
        const laName = await monitoring.laName(laCode)
        const workbook = await threadWorkbook({
          laName,
          rows: threadOf(await monitoring.ofLa(laCode)),
          generatedAt: clock.now(),
        })
        const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            contentDisposition(`${laName} recommendations to outcomes ${clock.today()}.xlsx`),
          )
          .send(buffer)
      },
    }),
  ]
}
