import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { Principal } from '../../auth/policy.js'
import { resumeSession } from '../../auth/sessions.js'
import { principalForApiToken } from '../../auth/api-tokens.js'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, or undefined. */
    principal: Principal | undefined
    /** The raw session token from the cookie, for sign-out. */
    sessionToken: string | undefined
    /** How the principal was recognised: a browser session, or an API token (no CSRF needed). */
    authMethod: 'session' | 'token' | undefined
  }
  interface FastifyReply {
    startSession(token: string): FastifyReply
    endSession(): FastifyReply
  }
}

export const SESSION_COOKIE = 'ilacs_session'

export interface SessionOptions {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly cookieSecret: string
  readonly secureCookies: boolean
  readonly idleMinutes: number
}

/**
 * Reads the session cookie on every request and puts the account on `request.principal`.
 * The cookie is HttpOnly, SameSite=Lax and Secure (browsers accept Secure cookies from
 * http://localhost), and carries only a random token; the session itself is in the database.
 */
export const sessionPlugin = fp(async function session(app: FastifyInstance, options: SessionOptions) {
  await app.register(cookie, { secret: options.cookieSecret })
  app.decorateRequest('principal', undefined)
  app.decorateRequest('sessionToken', undefined)
  app.decorateRequest('authMethod', undefined)

  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies } as const
  app.decorateReply('startSession', function startSession(this: FastifyReply, token: string) {
    return this.setCookie(SESSION_COOKIE, token, cookieOptions)
  })
  app.decorateReply('endSession', function endSession(this: FastifyReply) {
    return this.clearCookie(SESSION_COOKIE, cookieOptions)
  })

  app.addHook('onRequest', async (request) => {
    // Static assets and the health check need no account.
    if (request.url.startsWith('/assets/') || request.url === '/health') return
    // API clients (an LA's case-management system) send a bearer token instead of a cookie.
    const authorization = request.headers.authorization
    if (request.url.startsWith('/api/') && authorization?.startsWith('Bearer ')) {
      request.principal = await principalForApiToken(options.db, authorization.slice(7).trim(), options.clock.now())
      request.authMethod = request.principal ? 'token' : undefined
      return
    }
    const token = request.cookies[SESSION_COOKIE]
    if (!token) return
    request.sessionToken = token
    request.principal = await resumeSession(options.db, token, options.clock.now(), options.idleMinutes)
    request.authMethod = request.principal ? 'session' : undefined
  })
})
