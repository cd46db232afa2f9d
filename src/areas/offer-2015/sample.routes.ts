import type { FastifyReply } from 'fastify'
import type { FormState } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import {
  caseForm,
  caseRemoveForm,
  casesForm,
  concernForm,
  inspectorsForm,
  offerParams,
  responseForm,
  shortfallForm,
} from './forms.js'
import { namesOf } from '../evidence/index.js'
import { offer2015Paths } from './paths.js'
import type { SampleForm } from './sample.presenters.js'
import type { Offer2015Service } from './service.js'

type OfferRequest = SignedInRequest<{ offerId: string }>
type Page = (
  request: OfferRequest,
  reply: FastifyReply,
  state: FormState | undefined,
  which: SampleForm,
) => Promise<unknown>

/** The offer's inspectors, and the progress inspection's cases and cases of concern (issue 15; 000 Annex H). */
export function offerSampleRoutes(offers: Offer2015Service, offerPage: Page): RouteSpec[] {
  const { sample } = offers
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const back = (request: OfferRequest, anchor: string) =>
    `${offer2015Paths.offer.build({ offerId: request.params.offerId })}#${anchor}`
  /** What every form of the section shares: its offer, and the page again with the form's errors. */
  const on = (which: SampleForm) => ({
    method: 'POST' as const,
    params: offerParams,
    target: (request: OfferRequest) => offers.target(request.params.offerId),
    page: (request: OfferRequest, reply: FastifyReply, state?: FormState) => offerPage(request, reply, state, which),
  })
  return [
    route({
      ...on('inspectors'),
      url: offer2015Paths.inspectors.pattern,
      permission: 'offer-2015.assign',
      form: inspectorsForm,
      conflictField: 'inspectors',
      submit: async (request: OfferRequest, input) => {
        await sample.nameInspectors(request.principal, request.params.offerId, input.inspectors, context(request))
        return back(request, 'inspectors')
      },
    }),
    route({
      ...on('cases'),
      url: offer2015Paths.cases.pattern,
      permission: 'offer-2015.cases',
      form: casesForm,
      conflictField: 'childIds',
      submit: async (request: OfferRequest, input) => {
        await sample.addCases(request.principal, request.params.offerId, input, context(request))
        return back(request, 'cases')
      },
    }),
    route({
      ...on('caseChange'),
      url: offer2015Paths.caseChange.pattern,
      permission: 'offer-2015.cases',
      form: caseForm,
      conflictField: 'caseId',
      submit: async (request: OfferRequest, { caseId, ...input }) => {
        await sample.changeCase(request.principal, request.params.offerId, caseId, input, context(request))
        return back(request, 'cases')
      },
    }),
    route({
      ...on('caseRemove'),
      url: offer2015Paths.caseRemove.pattern,
      permission: 'offer-2015.cases',
      form: caseRemoveForm,
      conflictField: 'caseId',
      submit: async (request: OfferRequest, input) => {
        await sample.removeCase(request.principal, request.params.offerId, input.caseId, context(request))
        return back(request, 'cases')
      },
    }),
    route({
      ...on('shortfall'),
      url: offer2015Paths.shortfall.pattern,
      permission: 'offer-2015.manage',
      form: shortfallForm,
      conflictField: 'reason',
      submit: async (request: OfferRequest, input) => {
        await offers.recordShortfall(request.principal, request.params.offerId, input, context(request))
        return back(request, 'cases')
      },
    }),
    route({
      ...on('concerns'),
      url: offer2015Paths.concerns.pattern,
      permission: 'offer-2015.cases',
      form: concernForm,
      conflictField: 'childId',
      submit: async (request: OfferRequest, input) => {
        const { confirmNames, namesFingerprint, ...concern } = input
        await sample.raiseConcern(
          request.principal,
          request.params.offerId,
          { ...concern, names: namesOf({ confirmNames, namesFingerprint }) },
          context(request),
        )
        return back(request, 'concerns')
      },
    }),
    route({
      ...on('concernResponse'),
      url: offer2015Paths.concernResponse.pattern,
      permission: 'offer-2015.cases',
      form: responseForm,
      conflictField: 'concernId',
      submit: async (request: OfferRequest, input) => {
        await sample.recordResponse(request.principal, request.params.offerId, input, context(request))
        return back(request, 'concerns')
      },
    }),
  ]
}
