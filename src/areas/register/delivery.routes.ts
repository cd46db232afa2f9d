import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { NotFoundError } from '../../errors.js'
import { type Form, type FormState, formView, submittedVersion } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { DELIVERY_BASES, DELIVERY_EXTENTS, DELIVERY_KINDS, type DeliveryBodyInput } from './delivery.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { deliveryForm, deliveryParams, laParams } from './forms.js'
import { registerPaths } from './paths.js'
import type { RegisterService } from './service.js'

type NewRequest = SignedInRequest<z.output<typeof laParams>>
type ChangeRequest = SignedInRequest<z.output<typeof deliveryParams>>
type DeliveryValues = typeof deliveryForm extends Form<infer V> ? V : never

const items = (choices: Readonly<Record<string, string>>, chosen: string) =>
  Object.entries(choices).map(([value, text]) => ({ value, text, checked: chosen === value }))

const inputOf = ({ version: _version, until, ...value }: DeliveryValues): DeliveryBodyInput => ({
  ...value,
  until: until ?? null,
})

/**
 * Recording the trust or other body that runs an LA's children's services under delegated
 * functions, and changing it (when it stops, a new address for letters) (issue 12; 002#227-237).
 */
export function deliveryRoutes({ register }: { register: RegisterService }): RouteSpec[] {
  const target = (request: SignedInRequest<{ laCode: string }>) => register.target(request.params.laCode)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const back = (laCode: string) => `${registerPaths.show.build({ laCode })}#delivery`

  async function formPage(
    laCode: string,
    reply: FastifyReply,
    state: FormState | undefined,
    existing?: { id: string; stored: Record<string, string | null>; version: number },
  ) {
    const [{ la }, directions] = await Promise.all([register.show(laCode), register.deliveryDirections(laCode)])
    const view = formView(state, ['since', 'until'], existing?.stored)
    return reply.page('register/delivery-form.njk', {
      caption: la.name,
      heading: existing ? 'Change the body with delegated functions' : 'Record a body with delegated functions',
      backHref: back(laCode),
      formAction: existing
        ? registerPaths.changeDelivery.build({ laCode, deliveryBodyId: existing.id })
        : registerPaths.newDelivery.build({ laCode }),
      version: submittedVersion(state) ?? existing?.version,
      kindItems: items(DELIVERY_KINDS, view.value('kind')),
      basisItems: items(DELIVERY_BASES, view.value('basis')),
      extentItems: items(DELIVERY_EXTENTS, view.value('extent')),
      directionItems: [
        { value: '', text: 'No direction recorded' },
        ...directions.map((direction) => ({
          value: direction.id,
          text: `Issued ${formatDate(direction.issuedOn)} by ${direction.issuer}`,
          selected: view.value('directionId') === direction.id,
        })),
      ],
      ...view,
      errorList: formErrorList(deliveryForm, state),
    })
  }

  async function changePage(request: ChangeRequest, reply: FastifyReply, state?: FormState) {
    const { laCode, deliveryBodyId } = request.params
    const body = (await register.deliveryBodies(laCode)).find((item) => item.id === deliveryBodyId)
    if (!body) throw new NotFoundError()
    const { id, version, laCode: _laCode, ...stored } = body
    return formPage(laCode, reply, state, { id, version, stored: { ...stored } })
  }

  return [
    route({
      method: 'GET',
      url: registerPaths.newDelivery.pattern,
      permission: 'delivery.manage',
      params: laParams,
      target,
      handler: (request: NewRequest, reply) => formPage(request.params.laCode, reply, undefined),
    }),
    route({
      method: 'POST',
      url: registerPaths.newDelivery.pattern,
      permission: 'delivery.manage',
      params: laParams,
      target,
      form: deliveryForm,
      page: (request: NewRequest, reply, state) => formPage(request.params.laCode, reply, state),
      submit: async (request: NewRequest, input) => {
        const { laCode } = request.params
        await register.recordDeliveryBody(request.principal, laCode, inputOf(input), context(request))
        return back(laCode)
      },
    }),
    route({
      method: 'GET',
      url: registerPaths.changeDelivery.pattern,
      permission: 'delivery.manage',
      params: deliveryParams,
      target,
      handler: (request: ChangeRequest, reply) => changePage(request, reply),
    }),
    route({
      method: 'POST',
      url: registerPaths.changeDelivery.pattern,
      permission: 'delivery.manage',
      params: deliveryParams,
      target,
      form: deliveryForm,
      page: changePage,
      submit: async (request: ChangeRequest, input) => {
        const { laCode, deliveryBodyId } = request.params
        await register.changeDeliveryBody(
          request.principal,
          laCode,
          deliveryBodyId,
          { ...inputOf(input), version: input.version ?? 0 },
          context(request),
        )
        return back(laCode)
      },
    }),
  ]
}
