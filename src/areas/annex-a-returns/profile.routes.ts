import type { FastifyReply } from 'fastify'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityTitle } from '../activities/index.js'
import { activityParams } from './forms.js'
import type { ActivityRequest, AnnexARouteDeps } from './overview.routes.js'
import { annexAPaths } from './paths.js'
import { chartItems, listTitle } from './presenters.js'

const AGE_BANDS = ['Unborn', 'Under 1', '1 to 4', '5 to 9', '10 to 15', '16 to 17', '18 and over', 'Not known']
const LIST_COUNTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']

/** The profile of the children on the lists (002#250), as charts with their tables. */
export function profileRoutes({ annexA, activities }: AnnexARouteDeps): RouteSpec[] {
  const context = (request: SignedInRequest) => ({ requestId: request.id })

  async function profilePage(request: ActivityRequest, reply: FastifyReply) {
    const { activityId } = request.params
    const details = await activities.details(activityId)
    const found = await annexA.profile(request.principal, activityId, context(request))
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
          ages: chartItems(list.ageBands, AGE_BANDS),
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
      thresholds: (found?.profile.caseSelection.thresholds ?? []).map((t) => ({ label: t.label, value: t.children })),
      onLists: chartItems(found?.profile.acrossLists.childrenByNumberOfLists ?? {}, LIST_COUNTS).map((item) => ({
        label: `On ${item.label} ${item.label === '1' ? 'list' : 'lists'}`,
        value: item.value,
      })),
      caseSampleHref: annexAPaths.caseSample.build({ activityId }),
      backHref: annexAPaths.overview.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: annexAPaths.profile.pattern,
      permission: 'annex-a.profile',
      params: activityParams,
      target: (request) => activities.target(request.params.activityId),
      handler: profilePage,
    }),
  ]
}
