import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import '@fastify/multipart'
import { CASE_SELECTION_FACTORS, THRESHOLDS } from '../../annex-a/index.js'
import { canOn } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { errorList, type FieldErrors, type FormBody, text, texts } from '../../web/legacy-forms.js'
import type { RouteSpec } from '../../web/routing.js'
import type { ActivitiesService } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import { ANNEX_A_DOCUMENTS } from './documents.js'
import { annexAPaths } from './paths.js'
import { chartItems, groupFindings, listTitle, returnStatusTag, RETURN_STATUS, versionRows } from './presenters.js'
import type { AnnexAReturnsService } from './service.js'

type Params = { activityId: string; returnId?: string; documentId?: string }

/**
 * Read a multipart upload: the fields that come before the file, then the file as a stream
 * (never the whole file in memory). Forms put their fields first for this reason.
 */
async function readUpload(
  request: FastifyRequest,
  fileField: string,
  onFile: (
    fields: Record<string, string>,
    file: { fileName: string; contentType: string; stream: Readable },
  ) => Promise<unknown>,
): Promise<{ fields: Record<string, string>; handled: boolean }> {
  const fields: Record<string, string> = {}
  let handled = false
  if (!request.isMultipart()) return { fields, handled }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === fileField && part.filename && !handled) {
        handled = true
        await onFile(fields, { fileName: part.filename, contentType: part.mimetype, stream: part.file })
      } else {
        part.file.resume()
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.trim()
    }
  }
  return { fields, handled }
}

export function annexAReturnRoutes(deps: { annexA: AnnexAReturnsService; activities: ActivitiesService }): RouteSpec[] {
  const { annexA, activities } = deps
  const activityTarget = (request: FastifyRequest) => activities.target((request.params as Params).activityId)
  const context = (request: FastifyRequest) => ({ requestId: request.id })

  async function renderOverview(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}) {
    const { activityId } = request.params as Params
    const principal = request.principal!
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const [versions, documents, sample] = await Promise.all([
      annexA.versions(activityId),
      annexA.documents(activityId),
      annexA.sample(activityId),
    ])
    const canUpload = canOn(principal, 'annex-a.upload', target)
    const canRead = canOn(principal, 'annex-a.read', target)
    const milestone = (key: string) => details.milestones.find((m) => m.key === key)
    const current = versions.find((v) => v.status === 'valid' || v.status === 'errors')
    const latestByItem = new Map<string, (typeof documents)[number]>()
    for (const document of documents) if (!latestByItem.has(document.item)) latestByItem.set(document.item, document)
    const deadline = milestone('annex-a.management-information')
    const requested = sample.filter((entry) => entry.auditedCaseRequested)
    return reply.code(Object.keys(errors).length ? 400 : 200).page('annex-a/overview.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      errors,
      errorList: errorList(errors, { file: 'file', document: 'document', item: 'item' }),
      deadlines: [
        'annex-a.request',
        'annex-a.child-level-data',
        'annex-a.audits',
        'annex-a.management-information',
        'annex-a.case-information',
      ]
        .map(milestone)
        .filter(Boolean),
      canUpload,
      canRead,
      canProfile: canOn(principal, 'annex-a.profile', target),
      current,
      currentStatus: current ? returnStatusTag(current.status) : undefined,
      versionRows: canRead ? versionRows(versions, (id) => annexAPaths.return.build({ activityId, returnId: id })) : [],
      checklist: ANNEX_A_DOCUMENTS.map((item) => {
        const received = latestByItem.get(item.item)
        return {
          ...item,
          received,
          href: received && canRead ? annexAPaths.document.build({ activityId, documentId: received.id }) : undefined,
          late: received && deadline ? received.uploadedAt.toISOString().slice(0, 10) > deadline.date : false,
        }
      }),
      documentsReceived: latestByItem.size,
      auditDocuments: documents.filter((document) => document.item === 'audits'),
      requested,
      itemItems: [
        { value: '', text: 'Use the number at the start of the file name' },
        { value: 'audits', text: 'List of audits in the last six months (002#257)' },
        ...requested.map((entry) => ({
          value: `case:${entry.childId}`,
          text: `Audit document for child ${entry.childId} (002#258)`,
        })),
        ...ANNEX_A_DOCUMENTS.map((item) => ({
          value: item.item,
          text: `${item.item} ${item.title.slice(0, 80)}${item.title.length > 80 ? '…' : ''}`,
        })),
      ],
      deadline,
      listsAction: annexAPaths.lists.build({ activityId }),
      documentsAction: annexAPaths.documents.build({ activityId }),
      profileHref: annexAPaths.profile.build({ activityId }),
      caseSampleHref: annexAPaths.caseSample.build({ activityId }),
    })
  }

  async function renderCaseSample(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}) {
    const { activityId } = request.params as Params
    const query = request.query as Record<string, string | undefined>
    const filter = {
      factor: query.factor || undefined,
      threshold: query.threshold || undefined,
      list: query.list ? Number(query.list) : undefined,
      childId: query.childId?.trim() || undefined,
      limit: 50,
    }
    const details = await activities.details(activityId)
    const found = await annexA.children(request.principal!, activityId, context(request), filter)
    const sample = await annexA.sample(activityId)
    const factorLabel = new Map<string, string>([
      ...CASE_SELECTION_FACTORS.map((f) => [f.id, f.label] as const),
      ...THRESHOLDS.map((t) => [t.id, t.label] as const),
    ])
    return reply.code(Object.keys(errors).length ? 400 : 200).page('annex-a/case-sample.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      errors,
      errorList: errorList(errors),
      hasData: Boolean(found),
      filter,
      total: found?.total ?? 0,
      children: (found?.children ?? []).map((child) => ({
        ...child,
        inSample: sample.some((entry) => entry.childId === child.childId),
        factorLabels: child.factors.map((id) => factorLabel.get(id) ?? id),
      })),
      sample: sample.map((entry) => ({ ...entry })),
      coverage: found?.coverage,
      factorItems: [
        { value: '', text: 'Any' },
        ...CASE_SELECTION_FACTORS.map((f) => ({ value: f.id, text: f.label, selected: f.id === filter.factor })),
      ],
      thresholdItems: [
        { value: '', text: 'Any' },
        ...THRESHOLDS.map((t) => ({ value: t.id, text: t.label, selected: t.id === filter.threshold })),
      ],
      listItems: [
        { value: '', text: 'Any list' },
        ...Array.from({ length: 10 }, (_, i) => ({
          value: String(i + 1),
          text: listTitle(i + 1),
          selected: filter.list === i + 1,
        })),
      ],
      factorLabel: Object.fromEntries(factorLabel),
      notCovered: (found?.coverage.notCovered ?? []).map((id) => factorLabel.get(id) ?? id),
      thresholdsNotCovered: (found?.coverage.thresholdsNotCovered ?? []).map((id) => factorLabel.get(id) ?? id),
      notInAnnexA: found?.coverage.notInAnnexA ?? [],
      action: annexAPaths.caseSample.build({ activityId }),
      removeAction: annexAPaths.caseSampleRemove.build({ activityId }),
      auditsAction: annexAPaths.caseSampleAudits.build({ activityId }),
      backHref: annexAPaths.overview.build({ activityId }),
    })
  }

  return [
    {
      method: 'GET',
      url: annexAPaths.overview.pattern,
      permission: 'activity.view',
      target: activityTarget,
      handler: async (request, reply) => renderOverview(request, reply),
    },
    {
      method: 'POST',
      url: annexAPaths.lists.pattern,
      permission: 'annex-a.upload',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        let outcome: { id: string; duplicate: boolean } | undefined
        try {
          const { handled } = await readUpload(request, 'file', async (_fields, file) => {
            outcome = await annexA.receive(request.principal!, activityId, file, context(request))
          })
          if (!handled) return renderOverview(request, reply, { file: 'Select the Annex A workbook to upload' })
        } catch (error) {
          if (error instanceof ValidationError) return renderOverview(request, reply, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(
          `${annexAPaths.return.build({ activityId, returnId: outcome!.id })}${outcome!.duplicate ? '?duplicate=1' : ''}`,
          303,
        )
      },
    },
    {
      method: 'GET',
      url: annexAPaths.return.pattern,
      permission: 'annex-a.read',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId, returnId } = request.params as Params
        const query = request.query as Record<string, string | undefined>
        const details = await activities.details(activityId)
        const version = await annexA.get(activityId, returnId!)
        const filter = {
          list: query.list ? Number(query.list) : undefined,
          severity: query.severity || undefined,
          rule: query.rule || undefined,
        }
        const read =
          version.status === 'valid' || version.status === 'errors'
            ? await annexA.findings(request.principal!, activityId, returnId!, context(request), filter)
            : undefined
        const progress = annexA.progress(returnId!)
        const counts = read?.result.counts
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
          duplicate: query.duplicate === '1',
          listRows: (read?.result.lists ?? []).map((list) => [
            { text: listTitle(list.list) },
            { text: `${list.sheet}${list.hidden ? ' (hidden)' : ''}` },
            { text: String(list.rows), format: 'numeric' },
            { text: list.identifiedBy },
          ]),
          counts,
          omitted: counts?.omitted ?? [],
          groups: read ? groupFindings(read.findings) : [],
          shown: read?.findings.length ?? 0,
          filter,
          listItems: [
            { value: '', text: 'All lists' },
            ...Object.entries(counts?.byList ?? {}).map(([list]) => ({
              value: list === 'workbook' ? '' : list,
              text: list === 'workbook' ? 'Whole workbook' : listTitle(Number(list)),
              selected: String(filter.list) === list,
            })),
          ],
          severityItems: [
            { value: '', text: 'All' },
            ...['error', 'warning', 'note'].map((value) => ({
              value,
              text: value,
              selected: value === filter.severity,
            })),
          ],
          errorSummary: (read ? groupFindings(read.findings.filter((f) => f.severity === 'error')) : []).map(
            (group) => ({
              text: `${group.title}: ${group.count} ${group.count === 1 ? 'error' : 'errors'}`,
              href: `#${group.id}`,
            }),
          ),
          reportHref: version.hasReport ? annexAPaths.report.build({ activityId, returnId: returnId! }) : undefined,
          progressHref: annexAPaths.progress.build({ activityId, returnId: returnId! }),
          backHref: annexAPaths.overview.build({ activityId }),
          refresh: version.status === 'processing',
        })
      },
    },
    {
      method: 'GET',
      url: annexAPaths.progress.pattern,
      permission: 'annex-a.read',
      target: activityTarget,
      api: true,
      handler: async (request) => {
        const { activityId, returnId } = request.params as Params
        const version = await annexA.get(activityId, returnId!)
        const progress = annexA.progress(returnId!)
        return {
          status: version.status,
          bytesRead: progress?.bytesRead ?? null,
          totalBytes: progress?.totalBytes ?? null,
          rows: progress?.rows ?? null,
        }
      },
    },
    {
      method: 'GET',
      url: annexAPaths.report.pattern,
      permission: 'annex-a.read',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId, returnId } = request.params as Params
        const { stream, fileName } = await annexA.report(request.principal!, activityId, returnId!, context(request))
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`)
          .send(stream)
      },
    },
    {
      method: 'POST',
      url: annexAPaths.documents.pattern,
      permission: 'annex-a.upload',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        try {
          const { handled } = await readUpload(request, 'document', async (fields, file) => {
            await annexA.uploadDocument(
              request.principal!,
              activityId,
              { item: fields.item ?? '', fileName: file.fileName, contentType: file.contentType, stream: file.stream },
              context(request),
            )
          })
          if (!handled) return renderOverview(request, reply, { document: 'Select a document to upload' })
        } catch (error) {
          if (error instanceof ValidationError) return renderOverview(request, reply, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(`${annexAPaths.overview.build({ activityId })}#documents`, 303)
      },
    },
    {
      method: 'GET',
      url: annexAPaths.document.pattern,
      permission: 'annex-a.read',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId, documentId } = request.params as Params
        const { stream, fileName, contentType } = await annexA.openDocument(
          request.principal!,
          activityId,
          documentId!,
          context(request),
        )
        return reply
          .type(contentType)
          .header('content-disposition', `attachment; filename="${fileName.replace(/["\\\r\n]/g, '_')}"`)
          .send(stream)
      },
    },
    {
      method: 'GET',
      url: annexAPaths.profile.pattern,
      permission: 'annex-a.profile',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const details = await activities.details(activityId)
        const found = await annexA.profile(request.principal!, activityId, context(request))
        const lists = found?.profile.lists ?? []
        return reply.page('annex-a/profile.njk', {
          activity: details.activity,
          title: activityTitle(details.activity),
          found,
          summaryRows: lists.map((list) => [
            { text: listTitle(list.list) },
            { text: String(list.rows), format: 'numeric' },
            { text: String(list.children), format: 'numeric' },
          ]),
          charts: lists
            .filter((list) => list.rows > 0 && list.list <= 10)
            .map((list) => ({
              list: list.list,
              title: listTitle(list.list),
              ages: chartItems(list.ageBands, [
                'Unborn',
                'Under 1',
                '1 to 4',
                '5 to 9',
                '10 to 15',
                '16 to 17',
                '18 and over',
                'Not known',
              ]),
              genders: chartItems(list.genders),
              ethnicity: chartItems(list.ethnicityGroups),
              disability: list.disability ? chartItems(list.disability) : [],
              breakdowns: Object.entries(list.breakdowns)
                .map(([name, counts]) => ({ name, items: chartItems(counts) }))
                .filter((b) => b.items.length > 0),
              measures: list.measures,
            })),
          factors: (found?.profile.caseSelection.factors ?? []).map((factor) => ({
            label: factor.label,
            value: factor.children,
          })),
          thresholds: (found?.profile.caseSelection.thresholds ?? []).map((t) => ({
            label: t.label,
            value: t.children,
          })),
          onLists: chartItems(found?.profile.acrossLists.childrenByNumberOfLists ?? {}, [
            '1',
            '2',
            '3',
            '4',
            '5',
            '6',
            '7',
            '8',
            '9',
            '10',
          ]).map((item) => ({ label: `On ${item.label} ${item.label === '1' ? 'list' : 'lists'}`, value: item.value })),
          caseSampleHref: annexAPaths.caseSample.build({ activityId }),
          backHref: annexAPaths.overview.build({ activityId }),
        })
      },
    },
    {
      method: 'GET',
      url: annexAPaths.caseSample.pattern,
      permission: 'annex-a.profile',
      target: activityTarget,
      handler: async (request, reply) => renderCaseSample(request, reply),
    },
    {
      method: 'POST',
      url: annexAPaths.caseSample.pattern,
      permission: 'case-sample.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        const body = request.body as FormBody
        const ids = [...texts(body, 'childId'), ...text(body, 'childIds').split(/[\s,;]+/)].filter(Boolean)
        try {
          await annexA.addToSample(request.principal!, activityId, ids, text(body, 'reason'), context(request))
        } catch (error) {
          if (error instanceof ValidationError) return renderCaseSample(request, reply, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(`${annexAPaths.caseSample.build({ activityId })}#sample`, 303)
      },
    },
    {
      method: 'POST',
      url: annexAPaths.caseSampleRemove.pattern,
      permission: 'case-sample.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        await annexA.removeFromSample(
          request.principal!,
          activityId,
          text(request.body as FormBody, 'childId'),
          context(request),
        )
        return reply.redirect(`${annexAPaths.caseSample.build({ activityId })}#sample`, 303)
      },
    },
    {
      method: 'POST',
      url: annexAPaths.caseSampleAudits.pattern,
      permission: 'case-sample.manage',
      target: activityTarget,
      handler: async (request, reply) => {
        const { activityId } = request.params as Params
        try {
          await annexA.requestAuditedCases(
            request.principal!,
            activityId,
            texts(request.body as FormBody, 'audited'),
            context(request),
          )
        } catch (error) {
          if (error instanceof ValidationError) return renderCaseSample(request, reply, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(`${annexAPaths.caseSample.build({ activityId })}#sample`, 303)
      },
    },
  ]
}
