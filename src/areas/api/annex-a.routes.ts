import { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { ValidationError } from '../../errors.js'
import { route, type SignedInRequest } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { type AnnexAReturnsService, isReadable } from '../annex-a-returns/index.js'
import { activityParams, returnParams, returnUploadQuery } from './forms.js'
import type { ApiOperation } from './openapi.routes.js'
import { apiV1Paths } from './paths.js'
import { toReturn } from './presenters.js'
import { AnnexAReturn, AnnexAReturnDetail } from './schemas.js'

/** Content types an LA's system may send an Annex A return as (the raw file is the body). */
export const ANNEX_A_UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'text/csv',
  'application/octet-stream',
]

type ActivityRequest<Q = unknown> = SignedInRequest<{ activityId: string }, Q>
type ReturnRequest = SignedInRequest<{ activityId: string; returnId: string }>

/** Annex A through the API: an LA's system sends a return and reads back its findings. */
export function annexAOperations({
  activities,
  annexA,
}: {
  activities: ActivitiesService
  annexA: AnnexAReturnsService
}): ApiOperation[] {
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  /** The body is the file itself, streamed to the blob store (app.ts passes these types through unread). */
  async function send(request: ActivityRequest<typeof returnUploadQuery._output>, reply: FastifyReply) {
    const { activityId } = request.params
    const { fileName } = request.query
    if (!fileName)
      throw new ValidationError({
        fileName: 'Give the file’s name in the fileName query parameter, for example ?fileName=Annex%20A.xlsx',
      })
    if (!(request.body instanceof Readable))
      throw new ValidationError({
        body: `Send the file itself as the request body, as one of ${ANNEX_A_UPLOAD_TYPES.join(', ')}`,
      })
    const { id } = await annexA.receive(
      request.principal,
      activityId,
      { fileName, stream: request.body },
      context(request),
    )
    return reply
      .code(202)
      .header('location', apiV1Paths.return.build({ activityId, returnId: id }))
      .send(toReturn(await annexA.get(activityId, id)))
  }

  async function versions(request: ActivityRequest) {
    return (await annexA.versions(request.params.activityId)).map(toReturn)
  }

  /** One version with its lists and findings: child-level data, so the read is audited. */
  async function show(request: ReturnRequest) {
    const { activityId, returnId } = request.params
    const record = await annexA.get(activityId, returnId)
    const read = isReadable(record.status)
      ? await annexA.findings(request.principal, activityId, returnId, context(request))
      : undefined
    return {
      ...toReturn(record),
      lists: (read?.result.lists ?? []).map((list) => ({ list: list.list, sheet: list.sheet, rows: list.rows })),
      findings: (read?.findings ?? []).map((f) => ({
        list: f.list,
        sheet: f.sheet,
        row: f.row,
        column: f.column,
        value: f.value,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
      })),
      counts: read ? { total: read.result.counts.total, bySeverity: { ...read.result.counts.bySeverity } } : null,
    }
  }

  return [
    {
      tag: 'Annex A',
      summary: 'Send an Annex A return (the child-level lists) for checking',
      description:
        'The request body is the file itself (an .xlsx workbook, or a .csv for one list), with its Content-Type and its name in the fileName query parameter. Answers 202 at once; poll the returned href until status is no longer processing. The same file sent twice is one version.',
      pathParams: { activityId: 'Activity id' },
      response: AnnexAReturn,
      status: 202,
      route: route({
        method: 'POST',
        url: apiV1Paths.returns.pattern,
        permission: 'annex-a.upload',
        params: activityParams,
        query: returnUploadQuery,
        target,
        api: true,
        handler: send,
      }),
    },
    {
      tag: 'Annex A',
      summary: 'Every version of the Annex A return, newest first',
      pathParams: { activityId: 'Activity id' },
      response: AnnexAReturn.array(),
      route: route({
        method: 'GET',
        url: apiV1Paths.returns.pattern,
        permission: 'annex-a.read',
        params: activityParams,
        target,
        api: true,
        handler: versions,
      }),
    },
    {
      tag: 'Annex A',
      summary: 'One version with its lists and findings (child-level data: the read is audited)',
      pathParams: { activityId: 'Activity id', returnId: 'Return id' },
      response: AnnexAReturnDetail,
      route: route({
        method: 'GET',
        url: apiV1Paths.return.pattern,
        permission: 'annex-a.read',
        params: returnParams,
        target,
        api: true,
        handler: show,
      }),
    },
  ]
}
