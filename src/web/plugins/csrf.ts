import csrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

/**
 * CSRF protection on every form (issue 3): a secret in a signed, HttpOnly cookie and a token in
 * each form's `_csrf` field (or an `x-csrf-token` header). Never switched off for tests
 * (STYLE.md §5): the test helpers read the token from the page like a browser does.
 */
export const csrfPlugin = fp(async function csrfProtection(app: FastifyInstance, options: { secureCookies: boolean }) {
  await app.register(csrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies, signed: true },
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
})
