import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import { type Action, canOn, can, type PolicyTarget, reachesLa } from '../auth/policy.js'
import { ForbiddenError, NotFoundError } from './errors.js'

/**
 * A route as each area declares it (STYLE.md "routes.ts reads as a table"): method, path, the
 * permission it needs, how to find the LA it concerns, and the handler. `register` wraps every
 * handler in the one authorisation check, so no area can forget it.
 */
export interface RouteSpec {
  readonly method: 'GET' | 'POST'
  readonly url: string
  /** The policy action, or 'public' for the few pages anyone may see (sign-in, health). */
  readonly permission: Action | 'public'
  /**
   * The LA the request concerns, looked up from its params. Returning null means "no such
   * record" (404). An account whose scope does not reach the LA also gets 404, not 403, so
   * it cannot tell another LA's record exists.
   */
  readonly target?: (request: FastifyRequest) => Promise<PolicyTarget | null>
  /** JSON routes answer 401/403/404 as JSON instead of redirecting to sign-in. */
  readonly api?: boolean
  readonly options?: RouteShorthandOptions
  readonly handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError'
}

/** Decide whether the request may run; throws the error the error handler turns into a page. */
export async function authorise(spec: RouteSpec, request: FastifyRequest): Promise<void> {
  if (spec.permission === 'public') return
  const principal = request.principal
  if (!principal) throw new UnauthenticatedError('Sign in to continue')
  const target = spec.target ? await spec.target(request) : undefined
  if (target === null) throw new NotFoundError()
  if (!can(principal, spec.permission)) {
    // A role without the action gets 403 only on a record its account may know exists.
    throw target && !reachesLa(principal, target) ? new NotFoundError() : new ForbiddenError()
  }
  if (target && !canOn(principal, spec.permission, target)) throw new NotFoundError()
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Action | 'public'
    api?: boolean
  }
  interface FastifyInstance {
    /** Every route registered through `registerRoutes`, for the authorisation walk test. */
    routeSpecs: RouteSpec[]
    /** Every route registered with Fastify by any means (see app.ts). */
    allRoutes: Array<{ method: string; url: string }>
  }
}

export function registerRoutes(app: FastifyInstance, specs: readonly RouteSpec[]): void {
  for (const spec of specs) {
    app.routeSpecs.push(spec)
    app.route({
      method: spec.method,
      url: spec.url,
      ...spec.options,
      config: { ...(spec.options?.config ?? {}), permission: spec.permission, api: spec.api ?? false },
      preHandler: [
        async (request) => authorise(spec, request),
        // A browser session needs the CSRF token on every POST; an API token cannot be sent by a
        // browser on another site's behalf, so API calls made with one need none.
        ...(spec.method === 'POST'
          ? [
              (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) =>
                request.authMethod === 'token' ? done() : app.csrfProtection(request, reply, done),
            ]
          : []),
      ],
      handler: spec.handler,
    })
  }
}
