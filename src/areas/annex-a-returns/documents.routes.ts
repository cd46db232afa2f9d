import type { FastifyReply } from 'fastify'
import { contentDisposition } from '../../web/downloads.js'
import { ValidationError } from '../../errors.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityParams, documentParams, documentUploadFields } from './forms.js'
import { type ActivityRequest, type AnnexARouteDeps, overviewPage } from './overview.routes.js'
import { annexAPaths } from './paths.js'
import { readUpload } from '../../web/uploads.js'

type DocumentRequest = SignedInRequest<{ activityId: string; documentId: string }>

/** Documents 1.01–3.11, the list of audits and requested cases' audits: uploading one, and opening one. */
export function documentRoutes(deps: AnnexARouteDeps): RouteSpec[] {
  const { annexA, activities } = deps
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const overview = overviewPage(deps)

  /** Upload a document (multipart, streamed to the blob store): a plain handler, not a form route. */
  async function upload(request: ActivityRequest, reply: FastifyReply) {
    const { activityId } = request.params
    let item = ''
    let documentId = ''
    const refuse = (errors: Record<string, string>) => {
      reply.code(400)
      return overview(request, reply, { values: { item }, errors })
    }
    try {
      const { handled, fields } = await readUpload(request, 'document', async (fields, file) => {
        item = documentUploadFields.parse(fields).item
        documentId = await annexA.uploadDocument(request.principal, activityId, { item, ...file }, context(request))
      })
      item ||= fields.item ?? ''
      if (!handled) return refuse({ document: 'Select a document to upload' })
    } catch (error) {
      if (error instanceof ValidationError) return refuse({ ...error.fieldErrors })
      throw error
    }
    const section = item === 'audits' || item === 'audits-report' ? 'audits' : 'documents'
    // The overview then says what was uploaded, in a success banner.
    const uploaded = new URLSearchParams({ uploaded: documentId })
    return reply.redirect(`${annexAPaths.overview.build({ activityId })}?${uploaded}#${section}`, 303)
  }

  async function open(request: DocumentRequest, reply: FastifyReply) {
    const { activityId, documentId } = request.params
    const document = await annexA.openDocument(request.principal, activityId, documentId, context(request))
    return reply
      .type(document.contentType)
      .header('content-disposition', contentDisposition(document.fileName))
      .send(document.stream)
  }

  return [
    route({
      method: 'POST',
      url: annexAPaths.documents.pattern,
      permission: 'annex-a.upload',
      params: activityParams,
      target,
      handler: upload,
    }),
    route({
      method: 'GET',
      url: annexAPaths.document.pattern,
      permission: 'annex-a.read',
      params: documentParams,
      target,
      handler: open,
    }),
  ]
}
