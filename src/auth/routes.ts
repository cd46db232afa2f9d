import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { errorList, type FieldErrors, type FormBody, text } from '../web/legacy-forms.js'
import type { RouteSpec } from '../web/routing.js'
import { recordAudit } from './audit.js'
import type { OidcSignIn } from './oidc.js'
import { endSession } from './sessions.js'
import { signInWithPassword } from './sign-in.js'

/** Only same-site paths may be a sign-in's destination (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/'
}

export function authRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  config: Config
  oidc: OidcSignIn | undefined
}): RouteSpec[] {
  const { db, clock, config, oidc } = deps
  const renderSignIn = (
    reply: FastifyReply,
    values: { email: string; next: string },
    errors: FieldErrors,
    status = 200,
  ) =>
    reply.code(status).page('auth/sign-in.njk', {
      values,
      errors,
      errorList: errorList(errors),
      oidcEnabled: Boolean(oidc),
      demoData: config.demoData,
    })

  return [
    {
      method: 'GET',
      url: '/sign-in',
      permission: 'public',
      handler: async (request, reply) => {
        if (request.principal) return reply.redirect('/', 303)
        return renderSignIn(reply, { email: '', next: safeNext((request.query as Record<string, unknown>).next) }, {})
      },
    },
    {
      method: 'POST',
      url: '/sign-in',
      permission: 'public',
      // Per-address limit on top of the per-account lockout (issue 3).
      options: { config: { rateLimit: { max: config.signIn.attemptsPerMinute, timeWindow: '1 minute' } } },
      handler: async (request, reply) => {
        const body = request.body as FormBody
        const email = text(body, 'email')
        const password = typeof body.password === 'string' ? body.password : ''
        const next = safeNext(text(body, 'next'))
        const errors: FieldErrors = {}
        if (!email) errors.email = 'Enter your email address'
        if (!password) errors.password = 'Enter your password'
        if (Object.keys(errors).length > 0) return renderSignIn(reply, { email, next }, errors, 400)
        const result = await signInWithPassword(
          db,
          { email, password, now: clock.now(), requestId: request.id },
          { ...config.signIn, refuseDefaultPasswords: config.environment === 'production' },
        )
        if (result.ok) {
          return reply.startSession(result.token).redirect(next, 303)
        }
        const message =
          result.reason === 'locked'
            ? `This account is locked after too many wrong passwords. Try again after ${new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Europe/London' }).format(result.lockedUntil)}.`
            : result.reason === 'default-password'
              ? 'The demo password cannot be used on this service. Ask your administrator to set a new password.'
              : 'Enter a correct email address and password'
        return renderSignIn(reply, { email, next }, { email: message }, result.reason === 'locked' ? 429 : 401)
      },
    },
    {
      method: 'POST',
      url: '/sign-out',
      permission: 'public',
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        if (request.sessionToken) await endSession(db, request.sessionToken)
        if (request.principal) {
          await recordAudit(db, {
            actor: request.principal,
            action: 'sign-out',
            recordType: 'user',
            recordId: request.principal.id,
            summary: 'Signed out',
            requestId: request.id,
          })
        }
        return reply.endSession().page('auth/signed-out.njk', { principal: undefined, navigation: [] })
      },
    },
    ...(oidc ? oidc.routes() : []),
  ]
}
