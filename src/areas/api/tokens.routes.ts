import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import {
  API_TOKEN_LIFETIMES_DAYS,
  createApiToken,
  DEFAULT_API_TOKEN_DAYS,
  listApiTokens,
  revokeApiToken,
} from '../../auth/api-tokens.js'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import { NotFoundError } from '../../errors.js'
import { type FormState, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { revokeTokenForm, tokenForm, tokenParams } from './forms.js'
import { apiPaths } from './paths.js'

/** The page where a signed-in user makes and revokes their own API tokens. */
export function tokenRoutes(deps: { db: Kysely<Database>; clock: Clock }): RouteSpec[] {
  /** The tokens, the form to make one, and (once, just after it is made) the new token itself. */
  async function tokensPage(
    request: SignedInRequest,
    reply: FastifyReply,
    state?: FormState,
    created?: { token: string; expiresAt: Date },
  ) {
    const tokens = await listApiTokens(deps.db, request.principal.id)
    const now = deps.clock.now()
    const chosen = valueOf(state?.values ?? {}, 'days') || String(DEFAULT_API_TOKEN_DAYS)
    return reply.page('api/tokens.njk', {
      tokens: tokens.map((token) => ({
        ...token,
        expired: token.expiresAt <= now,
        revokeAction: apiPaths.tokenRevoke.build({ tokenId: token.id }),
      })),
      created,
      daysItems: API_TOKEN_LIFETIMES_DAYS.map((days) => ({
        value: String(days),
        text: days === 365 ? '1 year' : `${days} days`,
        checked: String(days) === chosen,
      })),
      values: state?.values ?? {},
      errors: state?.errors ?? {},
      errorList: formErrorList(tokenForm, state),
      formAction: apiPaths.tokens.build({}),
    })
  }

  return [
    route({ method: 'GET', url: apiPaths.tokens.pattern, permission: 'home.view', handler: tokensPage }),
    route({
      method: 'POST',
      url: apiPaths.tokens.pattern,
      permission: 'home.view',
      form: tokenForm,
      page: tokensPage,
      // The token is shown once, in the answer to this POST, and kept nowhere but as its hash, so
      // it cannot survive a redirect: the answer is the page itself. The same form sent twice
      // makes one token; the repeat is told so (it cannot show the token again).
      onRepeat: (request, reply) =>
        tokensPage(request, reply, {
          values: {},
          errors: {
            name: 'You sent this form twice, so one token was made. It is shown only once: if you did not copy it, revoke it and make another.',
          },
        }),
      submit: async (request, input, reply) =>
        tokensPage(
          request,
          reply,
          undefined,
          await createApiToken(
            deps.db,
            request.principal,
            { name: input.name, days: input.days, now: deps.clock.now() },
            request.id,
          ),
        ),
    }),
    route({
      method: 'POST',
      url: apiPaths.tokenRevoke.pattern,
      permission: 'home.view',
      params: tokenParams,
      form: revokeTokenForm,
      page: tokensPage,
      submit: async (request) => {
        const { principal, params } = request
        if (!(await revokeApiToken(deps.db, principal, params.tokenId, deps.clock.now(), request.id)))
          throw new NotFoundError()
        return apiPaths.tokens.build({})
      },
    }),
  ]
}
