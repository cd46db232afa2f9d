import { createHash } from 'node:crypto'
import csrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import './session.js'

/**
 * What a CSRF token is bound to: the browser's session (a hash of its token), or "no session"
 * on the sign-in page. A token made for one session is refused in any other (issue 10), so a
 * token seen before signing in, or in someone else's session, is of no use.
 */
function sessionBinding(request: FastifyRequest): string {
  return request.authMethod === 'session' && request.sessionToken
    ? createHash('sha256').update(request.sessionToken).digest('hex')
    : 'no-session'
}

/**
 * CSRF protection on every form (issue 3): a secret in a signed, HttpOnly cookie and a token in
 * each form's `_csrf` field (or an `x-csrf-token` header), the token bound to the session.
 * Never switched off for tests (STYLE.md §5): the test helpers read the token from the page like
 * a browser does.
 */
export const csrfPlugin = fp(async function csrfProtection(
  app: FastifyInstance,
  options: { secureCookies: boolean; hmacKey: string },
) {
  await app.register(csrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, signed: true },
    csrfOpts: { hmacKey: options.hmacKey },
    getUserInfo: sessionBinding,
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined
      const fromBody = body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined
      const fromQuery = (request.query as Record<string, unknown> | undefined)?._csrf
      const header = request.headers['x-csrf-token']
      return (
        fromBody ??
        (typeof fromQuery === 'string' ? fromQuery : undefined) ??
        (typeof header === 'string' ? header : undefined)
      )
    },
  })
  // Every token is bound to its session. A decorated method rather than a wrapper installed in an
  // onRequest hook: an error page rendered after an earlier hook failed (the session lookup, when
  // the database is down) must still be able to make its token.
  app.decorateReply('sessionCsrfToken', function sessionCsrfToken(this: FastifyReply) {
    return this.generateCsrf({ userInfo: sessionBinding(this.request) })
  })
})

declare module 'fastify' {
  interface FastifyReply {
    /** A CSRF token bound to this request's session (or to "no session"). */
    sessionCsrfToken(): string
  }
}
