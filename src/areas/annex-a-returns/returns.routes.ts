import type { FastifyReply } from 'fastify'
import { contentDisposition } from '../../web/downloads.js'
import { ValidationError } from '../../errors.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityTitle } from '../activities/index.js'
import { activityParams, returnParams, returnQuery } from './forms.js'
import { type ActivityRequest, type AnnexARouteDeps, overviewPage } from './overview.routes.js'
import { annexAPaths } from './paths.js'
import {
  findingsPage,
  findingsQuery,
  listSummaryRows,
  listTitle,
  RETURN_STATUS,
  returnStatusTag,
} from './presenters.js'
import { currentOf, isReadable } from './service.js'
import { MAX_RETURN_FILES } from './returns.service.js'
import type { AnnexAReturn, ReturnFile } from './types.js'
import { readUpload } from '../../web/uploads.js'
import { paginationLinks } from '../../web/list-filters.js'

/** Why a checked version is not the one in use, or undefined when it is (or is not checked). */
function notCurrentText(version: AnnexAReturn, current: AnnexAReturn | undefined): string | undefined {
  if (!isReadable(version.status) || !current || current.id === version.id) return undefined
  const has = version.listsCovered?.length ?? 0
  const asked = version.listsAsked.length
  return `This version is not used: it holds ${has} of the ${asked} lists asked for, fewer than version ${current.version} (${current.listsCovered?.length ?? 0}), which stays in use. Upload all the lists together, as one workbook or every CSV file at once, and tick the lists you have nothing to report for.`
}

type ReturnRequest<Q = unknown> = SignedInRequest<{ activityId: string; returnId: string }, Q>

/** The child-level lists: uploading a version, its findings page, its progress and the marked-up workbook. */
export function returnRoutes(deps: AnnexARouteDeps): RouteSpec[] {
  const { annexA, activities } = deps
  const target = (request: ActivityRequest) => activities.target(request.params.activityId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const overview = overviewPage(deps)

  /** Upload the lists (multipart, streamed to the blob store): a plain handler, not a form route. */
  async function upload(request: ActivityRequest, reply: FastifyReply) {
    const { activityId } = request.params
    const refuse = (errors: Record<string, string>) => {
      reply.code(400)
      return overview(request, reply, { values: {}, errors })
    }
    let outcome: { id: string; duplicate: boolean } | undefined
    try {
      // Each file is stored as it arrives (and refused at its first bytes if it is not a return);
      // together they make one version, with the lists the LA says it has nothing to report for.
      const stored: ReturnFile[] = []
      const { values, handled } = await readUpload(
        request,
        'file',
        async (_fields, file) => void stored.push(await annexA.storeReturnFile(request.principal, file)),
        { maxFiles: MAX_RETURN_FILES },
      )
      if (!handled) return refuse({ file: 'Select the Annex A workbook, or the CSV files, to upload' })
      const declaredEmpty = (values.empty ?? []).map(Number).filter((list) => Number.isInteger(list))
      outcome = await annexA.receiveFiles(request.principal, activityId, stored, declaredEmpty, context(request))
    } catch (error) {
      if (error instanceof ValidationError) return refuse({ ...error.fieldErrors })
      throw error
    }
    return reply.redirect(
      `${annexAPaths.return.build({ activityId, returnId: outcome.id })}${outcome.duplicate ? '?duplicate=1' : ''}`,
      303,
    )
  }

  async function returnPage(request: ReturnRequest<typeof returnQuery._output>, reply: FastifyReply) {
    const { activityId, returnId } = request.params
    const { duplicate, page: requestedPage, ...filter } = request.query
    const details = await activities.details(activityId)
    const version = await annexA.get(activityId, returnId)
    const current = currentOf(await annexA.versions(activityId))
    const read = isReadable(version.status)
      ? await annexA.findings(request.principal, activityId, returnId, context(request), filter)
      : undefined
    // Only a check still running has progress (held in memory: such a page is never kept, ADR 0031).
    const progress = version.status === 'processing' ? annexA.progress(returnId) : undefined
    const counts = read?.result.counts
    const shown = findingsPage(read?.findings ?? [], requestedPage)
    const returnHref = annexAPaths.return.build({ activityId, returnId })
    const pageHref = (page: number) => `${returnHref}?${findingsQuery(filter, page)}`
    return reply.page('annex-a/return.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      version,
      statusTag: returnStatusTag(version.status),
      statusText: RETURN_STATUS[version.status].text,
      processing: version.status === 'processing',
      progressPercent:
        progress && progress.totalBytes > 0
          ? Math.min(99, Math.round((progress.bytesRead / progress.totalBytes) * 100))
          : 0,
      progressRows: progress?.rows ?? 0,
      duplicate,
      notCurrent: notCurrentText(version, current),
      listRows: (read?.result.lists ?? []).map((list) => [
        { text: listTitle(list.list) },
        { text: `${list.sheet}${list.hidden ? ' (hidden)' : ''}` },
        { text: String(list.rows), format: 'numeric' },
        { text: list.identifiedBy },
      ]),
      counts,
      omitted: counts?.omitted ?? [],
      groups: shown.groups,
      shown,
      pagination: paginationLinks(shown.page, shown.pages, pageHref, 'Pages of findings'),
      listSummaryRows:
        filter.list === undefined && shown.lists.length > 1 ? listSummaryRows(shown.lists, pageHref) : [],
      filter,
      listItems: [
        { value: '', text: 'All lists' },
        ...Object.keys(counts?.byList ?? {}).map((list) => ({
          value: list === 'workbook' ? '' : list,
          text: list === 'workbook' ? 'Whole workbook' : listTitle(Number(list)),
          selected: String(filter.list) === list,
        })),
      ],
      severityItems: [
        { value: '', text: 'All' },
        ...['error', 'warning', 'note'].map((value) => ({ value, text: value, selected: value === filter.severity })),
      ],
      // Each list's errors come first among its findings: the link goes to the page they start on.
      errorSummary: shown.lists
        .filter((list) => list.errors > 0)
        .map((list) => ({
          text: `${list.title}: ${list.errors} ${list.errors === 1 ? 'error' : 'errors'}`,
          href: list.page === shown.page ? `#${list.id}` : `${pageHref(list.page)}#${list.id}`,
        })),
      reportHref: version.hasReport ? annexAPaths.report.build({ activityId, returnId }) : undefined,
      progressHref: annexAPaths.progress.build({ activityId, returnId }),
      backHref: annexAPaths.overview.build({ activityId }),
      refresh: version.status === 'processing',
    })
  }

  /** How far the check has got, for the page's script (JSON). */
  async function progress(request: ReturnRequest) {
    const { activityId, returnId } = request.params
    const version = await annexA.get(activityId, returnId)
    const live = annexA.progress(returnId)
    return {
      status: version.status,
      bytesRead: live?.bytesRead ?? null,
      totalBytes: live?.totalBytes ?? null,
      rows: live?.rows ?? null,
    }
  }

  async function report(request: ReturnRequest, reply: FastifyReply) {
    const { activityId, returnId } = request.params
    const { stream, fileName } = await annexA.report(request.principal, activityId, returnId, context(request))
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(fileName))
      .send(stream)
  }

  return [
    route({
      method: 'POST',
      url: annexAPaths.lists.pattern,
      permission: 'annex-a.upload',
      params: activityParams,
      target,
      handler: upload,
    }),
    route({
      method: 'GET',
      url: annexAPaths.return.pattern,
      permission: 'annex-a.read',
      params: returnParams,
      query: returnQuery,
      target,
      handler: returnPage,
    }),
    route({
      method: 'GET',
      url: annexAPaths.progress.pattern,
      permission: 'annex-a.read',
      params: returnParams,
      target,
      api: true,
      handler: progress,
    }),
    route({
      method: 'GET',
      url: annexAPaths.report.pattern,
      permission: 'annex-a.read',
      params: returnParams,
      target,
      handler: report,
    }),
  ]
}
