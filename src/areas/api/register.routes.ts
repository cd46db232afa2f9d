import { route, type SignedInRequest } from '../../web/routing.js'
import type { RegisterService } from '../register/index.js'
import { laParams } from './forms.js'
import type { ApiOperation } from './openapi.routes.js'
import { apiV1Paths } from './paths.js'
import { toJudgement, toLocalAuthority } from './presenters.js'
import { LocalAuthority, LocalAuthorityDetail } from './schemas.js'

type LaRequest = SignedInRequest<{ laCode: string }>

/** The register through the API: the LAs the account may see, and one LA's judgement history. */
export function registerOperations({ register }: { register: RegisterService }): ApiOperation[] {
  const target = async (request: LaRequest) => {
    const la = await register.findLocalAuthority(request.params.laCode)
    return la ? { laCode: la.laCode, regionCode: la.regionCode } : null
  }

  async function list(request: SignedInRequest) {
    return (await register.list(request.principal)).map(toLocalAuthority)
  }

  async function show(request: LaRequest) {
    const { la, records, standing, pathway } = await register.show(request.params.laCode)
    return { ...toLocalAuthority({ la, standing, pathway }), judgements: records.map(toJudgement) }
  }

  return [
    {
      tag: 'Register',
      summary: 'Every local authority the account may see, with its latest grade and pathway',
      response: LocalAuthority.array(),
      route: route({
        method: 'GET',
        url: apiV1Paths.localAuthorities.pattern,
        permission: 'register.view',
        api: true,
        handler: list,
      }),
    },
    {
      tag: 'Register',
      summary: 'One local authority with its whole judgement history (corrections included)',
      pathParams: { laCode: 'DfE LA code, e.g. 886' },
      response: LocalAuthorityDetail,
      route: route({
        method: 'GET',
        url: apiV1Paths.localAuthority.pattern,
        permission: 'register.view',
        params: laParams,
        target,
        api: true,
        handler: show,
      }),
    },
  ]
}
