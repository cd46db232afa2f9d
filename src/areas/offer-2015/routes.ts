import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { contentDisposition } from '../../web/downloads.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { registerPaths, type RegisterService } from '../register/index.js'
import {
  judgementOf,
  laParams,
  offerParams,
  openForm,
  planLetterForm,
  progressForm,
  replyForm,
  seminarForm,
  stepForm,
  stepParams,
} from './forms.js'
import { type LetterFormat, letterOfStep, STEP_LETTERS } from './letters.js'
import { offerPages, type Which } from './offer-page.routes.js'
import { offer2015Paths } from './paths.js'
import { offerSampleRoutes } from './sample.routes.js'
import type { Offer2015Service } from './service.js'
import { datesOf, stateOf } from './steps.js'
import { OFFER_STATES } from './types.js'
import type { FormState } from '../../web/forms.js'

export interface Offer2015RouteDeps {
  readonly offers: Offer2015Service
  readonly register: Pick<RegisterService, 'show' | 'target'>
  readonly clock: Clock
}

type LaRequest = SignedInRequest<{ laCode: string }>
type OfferRequest = SignedInRequest<{ offerId: string }>
type StepRequest = SignedInRequest<{ offerId: string; step: string }>

const TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
}

/** The 2015 improvement offer after a SIF inadequate judgement (issue 15; 000). */
export function offer2015Routes(deps: Offer2015RouteDeps): RouteSpec[] {
  const { offers, register, clock } = deps
  const laTarget = (request: LaRequest) => register.target(request.params.laCode)
  const offerTarget = (request: OfferRequest) => offers.target(request.params.offerId)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const { offerPage } = offerPages({ offers, register, clock })
  const page = (which: Which) => (request: OfferRequest, reply: FastifyReply, state?: FormState) =>
    offerPage(request, reply, state, which)
  const back = (request: OfferRequest, anchor = 'steps') =>
    `${offer2015Paths.offer.build({ offerId: request.params.offerId })}#${anchor}`

  async function listPage(request: SignedInRequest, reply: FastifyReply) {
    const records = await offers.inScope(request.principal)
    const rows = await Promise.all(
      records.map(async (record) => [
        {
          html: `<a class="govuk-link" href="${offer2015Paths.offer.build({ offerId: record.offer.id })}">${escapeHtml(await offers.laName(record.offer.laCode))}</a>`,
        },
        { text: formatDate(record.offer.publishedOn) },
        { text: OFFER_STATES[stateOf(record)] },
        { text: formatDate(datesOf(record).improvementPlanDue) },
        { text: formatDate(datesOf(record).progressInspection.about) },
      ]),
    )
    const awaiting = (await offers.awaitingOffer(request.principal)).map((entry) => ({
      href: offer2015Paths.la.build({ laCode: entry.laCode }),
      text: `${entry.name}: judged inadequate, published ${formatDate(entry.publishedOn)}`,
    }))
    return reply.page('offer-2015/list.njk', { rows, awaiting, rule: ruleLink('I1', '000#5') })
  }

  async function laPage(request: LaRequest, reply: FastifyReply, state?: FormState) {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const target = (await laTarget(request))!
    const [records, openable] = await Promise.all([offers.ofLa(laCode), offers.openable(laCode)])
    return reply.page('offer-2015/la.njk', {
      la,
      registerHref: registerPaths.show.build({ laCode }),
      offers: records.map((record) => ({
        href: offer2015Paths.offer.build({ offerId: record.offer.id }),
        text: `Offer after the SIF inadequate judgement published ${formatDate(record.offer.publishedOn)}: ${OFFER_STATES[stateOf(record)]}`,
      })),
      judgements: openable.map((judgement, index) => ({
        value: judgement.id,
        text: `Published ${formatDate(judgement.publishedOn)}`,
        checked: state ? state.values['judgementId'] === judgement.id : index === 0,
      })),
      canOpen: Boolean(openable[0]) && canOn(request.principal, 'offer-2015.direct', target),
      openAction: offer2015Paths.open.build({ laCode }),
      errors: state?.errors ?? {},
      errorList: formErrorList(openForm, state),
      rule: ruleLink('I1', '000#5, #12'),
    })
  }

  const letter = (url: string, format: LetterFormat, which: 'invitation' | 'planLetterDocument', name: string) =>
    route({
      method: 'GET',
      url,
      permission: 'offer-2015.view',
      params: offerParams,
      target: offerTarget,
      handler: async (request: OfferRequest, reply) => {
        const { content } = await offers[which](request.principal, request.params.offerId, format)
        return reply
          .type(TYPES[format])
          .header('content-disposition', contentDisposition(`${name}.${format}`))
          .send(Buffer.from(content))
      },
    })

  const stepLetter = (url: string, format: LetterFormat) =>
    route({
      method: 'GET',
      url,
      permission: 'offer-2015.view',
      params: stepParams,
      target: (request: StepRequest) => offers.target(request.params.offerId),
      handler: async (request: StepRequest, reply) => {
        const { offerId, step } = request.params
        const { content } = await offers.stepLetter(request.principal, offerId, step, format)
        return reply
          .type(TYPES[format])
          .header('content-disposition', contentDisposition(`${STEP_LETTERS[letterOfStep(step)!]} ${step}.${format}`))
          .send(Buffer.from(content))
      },
    })

  return [
    ...offerSampleRoutes(offers, offerPage),
    stepLetter(offer2015Paths.stepLetterDocx.pattern, 'docx'),
    stepLetter(offer2015Paths.stepLetterPdf.pattern, 'pdf'),
    route({ method: 'GET', url: offer2015Paths.list.pattern, permission: 'offer-2015.view', handler: listPage }),
    route({
      method: 'GET',
      url: offer2015Paths.la.pattern,
      permission: 'offer-2015.view',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => laPage(request, reply),
    }),
    route({
      method: 'POST',
      url: offer2015Paths.open.pattern,
      permission: 'offer-2015.direct',
      params: laParams,
      target: laTarget,
      form: openForm,
      page: laPage,
      conflictField: 'judgementId',
      submit: async (request: LaRequest, input) =>
        offer2015Paths.offer.build({
          offerId: await offers.open(request.principal, request.params.laCode, input.judgementId, context(request)),
        }),
    }),
    route({
      method: 'GET',
      url: offer2015Paths.offer.pattern,
      permission: 'offer-2015.view',
      params: offerParams,
      target: offerTarget,
      handler: (request: OfferRequest, reply) => offerPage(request, reply),
    }),
    route({
      method: 'POST',
      url: offer2015Paths.step.pattern,
      permission: 'offer-2015.manage',
      params: offerParams,
      target: offerTarget,
      form: stepForm,
      page: page('step'),
      conflictField: 'step',
      submit: async (request: OfferRequest, input) => {
        await offers.recordStep(request.principal, request.params.offerId, input, context(request))
        return back(request, `step-${input.step}`)
      },
    }),
    route({
      method: 'POST',
      url: offer2015Paths.reply.pattern,
      permission: 'offer-2015.reply',
      params: offerParams,
      target: offerTarget,
      form: replyForm,
      page: page('reply'),
      conflictField: 'reply',
      submit: async (request: OfferRequest, input) => {
        await offers.reply(request.principal, request.params.offerId, input, context(request))
        return back(request, 'seminar')
      },
    }),
    route({
      method: 'POST',
      url: offer2015Paths.seminar.pattern,
      permission: 'offer-2015.manage',
      params: offerParams,
      target: offerTarget,
      form: seminarForm,
      page: page('seminar'),
      conflictField: 'heldOn',
      submit: async (request: OfferRequest, input) => {
        await offers.recordSeminar(request.principal, request.params.offerId, input, context(request))
        return back(request, 'seminar')
      },
    }),
    route({
      method: 'POST',
      url: offer2015Paths.planLetter.pattern,
      permission: 'offer-2015.manage',
      params: offerParams,
      target: offerTarget,
      form: planLetterForm,
      page: page('planLetter'),
      conflictField: 'letter',
      submit: async (request: OfferRequest, input) => {
        await offers.planLetter(request.principal, request.params.offerId, input, context(request))
        return back(request, 'plan')
      },
    }),
    route({
      method: 'POST',
      url: offer2015Paths.progress.pattern,
      permission: 'offer-2015.manage',
      params: offerParams,
      target: offerTarget,
      form: progressForm,
      page: page('progress'),
      conflictField: 'onsite',
      submit: async (request: OfferRequest, input) => {
        await offers.progressInspection(
          request.principal,
          request.params.offerId,
          { onsite: input.onsite, judgement: judgementOf(input.judgement), version: input.version },
          context(request),
        )
        return back(request, 'progress-inspection')
      },
    }),
    route({
      method: 'POST',
      url: offer2015Paths.publish.pattern,
      permission: 'offer-2015.manage',
      params: stepParams,
      target: (request: StepRequest) => offers.target(request.params.offerId),
      handler: async (request: StepRequest, reply) => {
        await offers.publish(request.principal, request.params.offerId, request.params.step, context(request))
        return reply.redirect(`${offer2015Paths.offer.build({ offerId: request.params.offerId })}#letters`, 303)
      },
    }),
    letter(offer2015Paths.invitationDocx.pattern, 'docx', 'invitation', 'Improvement planning seminar invitation'),
    letter(offer2015Paths.invitationPdf.pattern, 'pdf', 'invitation', 'Improvement planning seminar invitation'),
    letter(offer2015Paths.planLetterDocx.pattern, 'docx', 'planLetterDocument', 'Improvement plan letter'),
    letter(offer2015Paths.planLetterPdf.pattern, 'pdf', 'planLetterDocument', 'Improvement plan letter'),
  ]
}
