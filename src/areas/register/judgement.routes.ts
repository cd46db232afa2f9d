import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import type { Clock } from '../../clock.js'
import { NotFoundError } from '../../errors.js'
import { errorList, type FormState } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { judgementForms, judgementParams, laParams, newJudgementQuery, recordJudgementQuery } from './forms.js'
import { registerPaths } from './paths.js'
import { emptyJudgementValues, frameworkItems, judgementFormView, storedJudgementValues } from './presenters.js'
import type { RegisterService } from './service.js'

type NewRequest = SignedInRequest<z.output<typeof laParams>, z.output<typeof newJudgementQuery>>
type CorrectionRequest = SignedInRequest<z.output<typeof judgementParams>>

/** Recording a published judgement (issue 3; 002#96-97) and correcting one, keeping the first version. */
export function judgementRoutes({ register, clock }: { register: RegisterService; clock: Clock }): RouteSpec[] {
  const forms = judgementForms(() => clock.today())
  const target = (request: SignedInRequest<{ laCode: string }>) => register.target(request.params.laCode)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const recorded = (laCode: string) => `${registerPaths.show.build({ laCode })}?recorded=1`

  /** The framework decides the judgement areas, so it is chosen first (a GET form). */
  async function chooseFrameworkPage(request: NewRequest, reply: FastifyReply) {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const errors: Record<string, string> = request.query.refused ? { framework: 'Select the inspection framework' } : {}
    return reply.code(request.query.refused ? 400 : 200).page('register/choose-framework.njk', {
      la,
      errors,
      errorList: errorList(errors),
      frameworkItems: frameworkItems(undefined),
      backHref: registerPaths.show.build({ laCode }),
      action: registerPaths.newJudgement.build({ laCode }),
    })
  }

  async function newJudgementPage(request: NewRequest, reply: FastifyReply, state?: FormState) {
    const { framework } = request.query
    if (!framework) return chooseFrameworkPage(request, reply)
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const errors = state?.errors ?? {}
    return reply.page('register/judgement-form.njk', {
      la,
      correcting: false,
      errors,
      errorList: formErrorList(forms.record(framework), state),
      formAction: `${registerPaths.newJudgement.build({ laCode })}?framework=${framework}`,
      backHref: registerPaths.show.build({ laCode }),
      changeFrameworkHref: registerPaths.newJudgement.build({ laCode }),
      ...judgementFormView(framework, state?.values ?? emptyJudgementValues(framework), errors),
    })
  }

  /** A correction starts from the current version; a refused one is shown again whatever happened meanwhile. */
  async function correctionPage(request: CorrectionRequest, reply: FastifyReply, state?: FormState) {
    const { laCode, recordId } = request.params
    const { la } = await register.show(laCode)
    const record = await register.judgementRecord(laCode, recordId)
    if (!state && record.correctedById !== null) throw new NotFoundError()
    const errors = state?.errors ?? {}
    return reply.page('register/judgement-form.njk', {
      la,
      correcting: true,
      errors,
      errorList: formErrorList(forms.correct(record.framework), state),
      formAction: registerPaths.correctJudgement.build({ laCode, recordId }),
      backHref: registerPaths.show.build({ laCode }),
      ...judgementFormView(record.framework, state?.values ?? storedJudgementValues(record), errors),
    })
  }

  return [
    route({
      method: 'GET',
      url: registerPaths.newJudgement.pattern,
      permission: 'judgement.record',
      params: laParams,
      query: newJudgementQuery,
      target,
      handler: newJudgementPage,
    }),
    route({
      method: 'POST',
      url: registerPaths.newJudgement.pattern,
      permission: 'judgement.record',
      params: laParams,
      query: recordJudgementQuery,
      target,
      form: async (request) => forms.record(request.query.framework),
      page: newJudgementPage,
      submit: async (request, input) => {
        const { laCode } = request.params
        await register.record(request.principal, laCode, input, context(request))
        return recorded(laCode)
      },
    }),
    route({
      method: 'GET',
      url: registerPaths.correctJudgement.pattern,
      permission: 'judgement.record',
      params: judgementParams,
      target,
      handler: correctionPage,
    }),
    route({
      method: 'POST',
      url: registerPaths.correctJudgement.pattern,
      permission: 'judgement.record',
      params: judgementParams,
      target,
      form: async (request) => {
        const { laCode, recordId } = request.params
        return forms.correct((await register.judgementRecord(laCode, recordId)).framework)
      },
      page: correctionPage,
      submit: async (request, correction) => {
        const { laCode, recordId } = request.params
        await register.correct(request.principal, laCode, recordId, correction, context(request))
        return recorded(laCode)
      },
    }),
  ]
}
