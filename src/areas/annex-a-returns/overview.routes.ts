import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { errorList, type FormState } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityTitle, type ActivitiesService } from '../activities/index.js'
import { listSpec, type ListNumber } from '../../annex-a/index.js'
import { annexAScope } from '../../rules/annex-a-scope.js'
import { ANNEX_A_DOCUMENTS } from './documents.js'
import { activityParams } from './forms.js'
import { annexAPaths } from './paths.js'
import { returnStatusTag, versionRows } from './presenters.js'
import { currentOf, type AnnexAReturnsService } from './service.js'
import type { AnnexADocument } from './types.js'

export type ActivityRequest = SignedInRequest<{ activityId: string }>

export interface AnnexARouteDeps {
  readonly annexA: AnnexAReturnsService
  readonly activities: ActivitiesService
}

/** The milestones the overview lists, in the order the LA meets them (002#242). */
const DEADLINES = [
  'annex-a.request',
  'annex-a.child-level-data',
  'annex-a.audits',
  'annex-a.management-information',
  'annex-a.case-information',
]

/**
 * The Annex A overview: the deadlines, the lists and their versions, the audits asked for and
 * the documents checklist, with the two upload forms. Uploads that are refused show it again
 * with their errors (their handlers set the status: an upload is not a form route).
 */
export function overviewPage({ annexA, activities }: AnnexARouteDeps) {
  return async function overview(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { principal } = request
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const target = (await activities.target(activityId))!
    const [versions, documents] = await Promise.all([annexA.versions(activityId), annexA.documents(activityId)])
    const canRead = canOn(principal, 'annex-a.read', target)
    // Child IDs: only for the LA and the activity's team, and the read is audited.
    const requested = canRead
      ? await annexA.requestedAuditedCases(principal, activityId, { requestId: request.id })
      : []
    const milestone = (key: string) => details.milestones.find((m) => m.key === key)
    const current = currentOf(versions)
    const latestByItem = new Map<string, AnnexADocument>()
    for (const document of documents) if (!latestByItem.has(document.item)) latestByItem.set(document.item, document)
    const deadline = milestone('annex-a.management-information')
    // `?uploaded=<id>` after an upload: only a document of this activity is named.
    const uploadedId = (request.query as { uploaded?: unknown } | undefined)?.uploaded
    const uploaded = documents.find((document) => document.id === uploadedId)
    const chosenItem = state?.values.item
    const errors = state?.errors ?? {}
    const scope = annexAScope(
      details.activity.type,
      details.activity.topics,
      ANNEX_A_DOCUMENTS.map((d) => d.item),
    )
    return reply.page('annex-a/overview.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      errors,
      errorList: errorList(errors),
      deadlines: DEADLINES.map(milestone).filter(Boolean),
      canUpload: canOn(principal, 'annex-a.upload', target),
      canRead,
      canProfile: canOn(principal, 'annex-a.profile', target),
      current,
      scope,
      listsAskedText: scope.all ? 'all eleven' : scope.lists.map((list) => `List ${list}`).join(', '),
      emptyItems: scope.lists.map((list) => ({
        value: String(list),
        text: `List ${list}: ${listSpec(list as ListNumber).title}`,
        checked: current?.declaredEmpty.includes(list) ?? false,
      })),
      currentStatus: current ? returnStatusTag(current.status) : undefined,
      versionRows: canRead ? versionRows(versions, (id) => annexAPaths.return.build({ activityId, returnId: id })) : [],
      documentsHeading: scope.all ? 'Documents 1.01 to 3.11' : 'Documents for this visit',
      checklist: ANNEX_A_DOCUMENTS.filter((item) => scope.documents.includes(item.item)).map((item) => {
        const received = latestByItem.get(item.item)
        return {
          ...item,
          received,
          href: received && canRead ? annexAPaths.document.build({ activityId, documentId: received.id }) : undefined,
          late: received && deadline ? received.uploadedAt.toISOString().slice(0, 10) > deadline.date : false,
        }
      }),
      documentsReceived: scope.documents.filter((item) => latestByItem.has(item)).length,
      auditDocuments: documents.filter((document) => document.item === 'audits' || document.item === 'audits-report'),
      // A refused audits upload shows its error by the audits form.
      auditsError: state?.values.item === 'audits' || state?.values.item === 'audits-report',
      requested,
      uploaded: uploaded && { fileName: uploaded.fileName, as: uploadedAs(uploaded.item) },
      chosenItem,
      itemItems: [
        { value: '', text: 'Use the number at the start of the file name' },
        ...requested.map((childId) => ({
          value: `case:${childId}`,
          text: `Audit document for child ${childId} (002#258)`,
          selected: `case:${childId}` === chosenItem,
        })),
        ...ANNEX_A_DOCUMENTS.filter((item) => scope.documents.includes(item.item)).map((item) => ({
          value: item.item,
          text: `${item.item} ${optionTitle(item.title)}`,
          selected: item.item === chosenItem,
        })),
      ],
      deadline,
      listsAction: annexAPaths.lists.build({ activityId }),
      documentsAction: annexAPaths.documents.build({ activityId }),
      profileHref: annexAPaths.profile.build({ activityId }),
      caseSampleHref: annexAPaths.caseSample.build({ activityId }),
    })
  }
}

/**
 * A document's title short enough for a select option: the words before its first bracket or
 * colon, and a long remainder cut at a word, so no option ends mid-word ("(includin…").
 */
function optionTitle(title: string, max = 80): string {
  const head = title.split(/ \(|: /)[0]!
  if (head.length <= max) return head
  return `${head.slice(0, head.lastIndexOf(' ', max)).replace(/[,;]$/, '')}…`
}

/** What an uploaded document was taken as, in words (never the item's code). */
function uploadedAs(item: string): string {
  if (item === 'audits') return 'the list of audits'
  if (item === 'audits-report') return 'an overview report or action plan from the audits'
  if (item.startsWith('case:')) return `the audit of child ${item.slice('case:'.length)}`
  const listed = ANNEX_A_DOCUMENTS.find((document) => document.item === item)
  return listed ? `${listed.item} ${listed.title}` : item
}

/** The overview page of an activity's Annex A. */
export function overviewRoutes(deps: AnnexARouteDeps): RouteSpec[] {
  const { activities } = deps
  return [
    route({
      method: 'GET',
      url: annexAPaths.overview.pattern,
      permission: 'activity.view',
      params: activityParams,
      target: (request) => activities.target(request.params.activityId),
      handler: overviewPage(deps),
    }),
  ]
}
