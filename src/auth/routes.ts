import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { type FormState, valueOf } from '../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../web/routing.js'
import { recordAudit } from './audit.js'
import { safeNext, signInForm, signInQuery } from './forms.js'
import type { OidcSignIn } from './oidc.js'
import { authPaths } from './paths.js'
import type { Principal } from './policy.js'
import { endSession } from './sessions.js'
import { signInWithPassword } from './sign-in.js'
import { emailKey } from './sign-in-throttle.js'

/**
 * A browser that has signed in to an account keeps a signed cookie naming the account (by the
 * hash of its email address), so attempts slowed down by someone else's guesses never slow its
 * owner's own browser (OWASP's "device cookies").
 */
const TRUSTED_BROWSER_COOKIE = 'ilacs_signed_in_before'
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

const londonTime = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' })

/** Who is signed in on a public page: no one, often. */
function signedInAs(request: FastifyRequest): Principal | undefined {
  return request.principal
}

/**
 * Signing in with a password and signing out (and single sign-on's routes when configured). The
 * sign-in POST is a plain handler, not a form route: it starts the session on the reply and
 * answers a refusal 401, or 429 when attempts for the address are slowed down, as well as 400 for
 * a form left blank. Every answer is the same whether an account has the address or not.
 */
export function authRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  config: Config
  oidc: OidcSignIn | undefined
}): RouteSpec[] {
  const { db, clock, config, oidc } = deps

  function signInPage(reply: FastifyReply, state: FormState) {
    return reply.page('auth/sign-in.njk', {
      values: { email: valueOf(state.values, 'email'), next: safeNext(valueOf(state.values, 'next')) },
      errors: state.errors,
      errorList: formErrorList(signInForm, state),
      formAction: authPaths.signIn.build({}),
      oidcEnabled: Boolean(oidc),
      demoData: config.demoData,
    })
  }

  async function signInStart(request: SignedInRequest<unknown, z.output<typeof signInQuery>>, reply: FastifyReply) {
    if (signedInAs(request)) return reply.redirect('/', 303)
    return signInPage(reply, { values: { next: request.query.next }, errors: {} })
  }

  async function signIn(request: SignedInRequest, reply: FastifyReply) {
    const parsed = signInForm.parse(request.body)
    if (!parsed.ok) return signInPage(reply.code(400), parsed)
    const { email, password, next } = parsed.value
    const remembered = request.cookies[TRUSTED_BROWSER_COOKIE]
    const unsigned = remembered ? request.unsignCookie(remembered) : undefined
    const result = await signInWithPassword(
      db,
      {
        email,
        password,
        now: clock.now(),
        requestId: request.id,
        trustedBrowser: unsigned?.valid === true && unsigned.value === emailKey(email),
      },
      { ...config.signIn, refuseDefaultPasswords: config.environment === 'production' },
    )
    if (result.ok)
      return reply
        .setCookie(TRUSTED_BROWSER_COOKIE, emailKey(email), {
          path: authPaths.signIn.build({}),
          httpOnly: true,
          secure: config.cookieSecure,
          sameSite: 'strict',
          signed: true,
          maxAge: ONE_YEAR_SECONDS,
        })
        .startSession(result.token)
        .redirect(next, 303)
    const message =
      result.reason === 'slowed'
        ? `There have been too many attempts to sign in with this email address. Wait until ${londonTime.format(result.retryAt)}, then try again.`
        : result.reason === 'default-password'
          ? 'The demo password cannot be used on this service. Ask your administrator to set a new password.'
          : 'Enter a correct email address and password'
    return signInPage(reply.code(result.reason === 'slowed' ? 429 : 401), {
      values: { email, next },
      errors: { email: message },
    })
  }

  async function signOut(request: SignedInRequest, reply: FastifyReply) {
    if (request.sessionToken) await endSession(db, request.sessionToken)
    const principal = signedInAs(request)
    if (principal) {
      await recordAudit(db, {
        actor: principal,
        action: 'sign-out',
        recordType: 'user',
        recordId: principal.id,
        summary: 'Signed out',
        requestId: request.id,
      })
    }
    return reply.endSession().page('auth/signed-out.njk', { principal: undefined, navigation: [] })
  }

  return [
    route({
      method: 'GET',
      url: authPaths.signIn.pattern,
      permission: 'public',
      query: signInQuery,
      handler: signInStart,
    }),
    route({
      method: 'POST',
      url: authPaths.signIn.pattern,
      permission: 'public',
      // Per-address limit on top of the per-account slowdown (issue 3). The address is the
      // client's as the configured proxy saw it (TRUST_PROXY), never what a header claims.
      options: { config: { rateLimit: { max: config.signIn.attemptsPerMinute, timeWindow: '1 minute' } } },
      handler: signIn,
    }),
    route({ method: 'POST', url: authPaths.signOut.pattern, permission: 'public', handler: signOut }),
    ...(oidc ? oidc.routes() : []),
  ]
}
