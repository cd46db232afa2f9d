import { createHash } from 'node:crypto'
import csrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Multipart } from '@fastify/multipart'
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
 * each form's `_csrf` field (or an `x-csrf-token` header), the token bound to the session. Never in
 * the address (issue 10: a token in the query stayed in the address bar and in logs); an upload
 * form's token is read from its multipart body by `takeMultipartCsrfToken`.
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
      const header = request.headers['x-csrf-token']
      return fromBody ?? request.multipartCsrfToken ?? (typeof header === 'string' ? header : undefined)
    },
  })
  // Every token is bound to its session. A decorated method rather than a wrapper installed in an
  // onRequest hook: an error page rendered after an earlier hook failed (the session lookup, when
  // the database is down) must still be able to make its token.
  app.decorateReply('sessionCsrfToken', function sessionCsrfToken(this: FastifyReply) {
    return this.generateCsrf({ userInfo: sessionBinding(this.request) })
  })
})

/**
 * An upload form (multipart) carries its `_csrf` hidden input first, so its token is read from the
 * head of the stream before the check, and nothing else is read: the handler then reads the rest
 * of the parts (the file is never buffered, and a refused request never reaches the handler). A
 * first part that is not the token is handed back to the handler as it was.
 */
export async function takeMultipartCsrfToken(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return
  const parts = request.parts()
  const first = await parts.next()
  let pending: Multipart | undefined = first.done ? undefined : first.value
  if (pending?.type === 'field' && pending.fieldname === '_csrf' && typeof pending.value === 'string') {
    request.multipartCsrfToken = pending.value
    pending = undefined
  }
  async function* rest(): AsyncIterableIterator<Multipart> {
    if (pending) yield pending
    yield* parts
  }
  const remaining = rest()
  request.parts = (() => remaining) as FastifyRequest['parts']
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The `_csrf` field read from the head of a multipart body (see `takeMultipartCsrfToken`). */
    multipartCsrfToken?: string
  }
  interface FastifyReply {
    /** A CSRF token bound to this request's session (or to "no session"). */
    sessionCsrfToken(): string
  }
}
