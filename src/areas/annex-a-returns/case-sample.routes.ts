import type { FastifyReply } from 'fastify'
import { CASE_SELECTION_FACTORS, THRESHOLDS } from '../../annex-a/index.js'
import { AUDITED_CASES_REQUESTED, contemporaryPracticeFrom } from '../../rules/case-selection.js'
import { errorList, type FormState } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityTitle } from '../activities/index.js'
import { activityParams, addToSampleForm, auditedCasesForm, caseSampleQuery, removeFromSampleForm } from './forms.js'
import type { AnnexARouteDeps } from './overview.routes.js'
import { annexAPaths } from './paths.js'
import { listTitle } from './presenters.js'

type SampleRequest = SignedInRequest<{ activityId: string }, typeof caseSampleQuery._output>

const FACTOR_LABELS = new Map<string, string>([
  ...CASE_SELECTION_FACTORS.map((f) => [f.id, f.label] as const),
  ...THRESHOLDS.map((t) => [t.id, t.label] as const),
])
const labelOf = (id: string) => FACTOR_LABELS.get(id) ?? id

/**
 * The case sample (002#150-153): finding children on the lists, adding and removing them, and
 * asking the LA for the audits of 6 to 12 already-audited cases (002#258).
 */
export function caseSampleRoutes({ annexA, activities }: AnnexARouteDeps): RouteSpec[] {
  const target = (request: SampleRequest) => activities.target(request.params.activityId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const params = activityParams
  const query = caseSampleQuery

  /** The page: the search (its filters in the query string), the matches, the sample and its coverage. */
  async function caseSamplePage(request: SampleRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const filter = { ...request.query, limit: 50 }
    const details = await activities.details(activityId)
    const found = await annexA.children(request.principal, activityId, context(request), filter)
    const sample = await annexA.sample(activityId)
    return reply.page('annex-a/case-sample.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      errors: state?.errors ?? {},
      // Three forms post here (add, remove, ask for audits); none has a date input, so every
      // message links to its field by name, whichever form was refused.
      errorList: errorList(state?.errors ?? {}),
      hasData: Boolean(found),
      filter,
      total: found?.total ?? 0,
      children: (found?.children ?? []).map((child) => ({
        ...child,
        inSample: sample.some((entry) => entry.childId === child.childId),
        factorLabels: child.factors.map(labelOf),
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
      factorLabel: Object.fromEntries(FACTOR_LABELS),
      notCovered: (found?.coverage.notCovered ?? []).map(labelOf),
      thresholdsNotCovered: (found?.coverage.thresholdsNotCovered ?? []).map(labelOf),
      notInAnnexA: found?.coverage.notInAnnexA ?? [],
      action: annexAPaths.caseSample.build({ activityId }),
      removeAction: annexAPaths.caseSampleRemove.build({ activityId }),
      auditsAction: annexAPaths.caseSampleAudits.build({ activityId }),
      auditedCases: AUDITED_CASES_REQUESTED,
      // S9 (002#154 fn26): practice older than this is not contemporary, so weighs less in the judgements.
      contemporarySince: contemporaryPracticeFrom(details.activity.onsiteStart),
      backHref: annexAPaths.overview.build({ activityId }),
    })
  }

  const toSample = (request: SampleRequest) => `${annexAPaths.caseSample.build(request.params)}#sample`

  return [
    route({
      method: 'GET',
      url: annexAPaths.caseSample.pattern,
      permission: 'annex-a.profile',
      params,
      query,
      target,
      handler: caseSamplePage,
    }),
    route({
      method: 'POST',
      url: annexAPaths.caseSample.pattern,
      permission: 'case-sample.manage',
      params,
      query,
      target,
      form: addToSampleForm,
      page: caseSamplePage,
      submit: async (request, input) => {
        const childIds = [...input.childId, ...input.childIds]
        await annexA.addToSample(request.principal, request.params.activityId, childIds, input.reason, context(request))
        return toSample(request)
      },
    }),
    route({
      method: 'POST',
      url: annexAPaths.caseSampleRemove.pattern,
      permission: 'case-sample.manage',
      params,
      query,
      target,
      form: removeFromSampleForm,
      page: caseSamplePage,
      submit: async (request, input) => {
        await annexA.removeFromSample(request.principal, request.params.activityId, input.childId, context(request))
        return toSample(request)
      },
    }),
    route({
      method: 'POST',
      url: annexAPaths.caseSampleAudits.pattern,
      permission: 'case-sample.manage',
      params,
      query,
      target,
      form: auditedCasesForm,
      page: caseSamplePage,
      submit: async (request, input) => {
        await annexA.requestAuditedCases(request.principal, request.params.activityId, input.audited, context(request))
        return toSample(request)
      },
    }),
  ]
}
