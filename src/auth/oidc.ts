import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import * as client from 'openid-client'
import type { z } from 'zod'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { route, type RouteSpec, type SignedInRequest } from '../web/routing.js'
import { recordAudit } from './audit.js'
import { signInQuery } from './forms.js'
import { authPaths } from './paths.js'
import { createSession } from './sessions.js'
import { findUserByEmail, findUserByOidcSubject } from './users.js'

const STATE_COOKIE = 'ilacs_oidc'
const STATE_LIFETIME_SECONDS = 600

export interface OidcSignIn {
  routes(): RouteSpec[]
}

interface PendingSignIn {
  readonly state: string
  readonly nonce: string
  readonly verifier: string
  readonly next: string
}

/**
 * Single sign-on with OpenID Connect (authorisation code flow with PKCE, state and nonce),
 * configured by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. Accounts are not created
 * on first sign-in: an administrator creates the account (role and scope) and the first OIDC
 * sign-in links it by verified email; later sign-ins match on the issuer's subject.
 */
export function createOidcSignIn(deps: { db: Kysely<Database>; clock: Clock; config: Config }): OidcSignIn | undefined {
  const { db, clock, config } = deps
  const settings = config.oidc
  if (!settings) return undefined
  const redirectUri = new URL(authPaths.oidcCallback.build({}), config.baseUrl).href
  let discovered: Promise<client.Configuration> | undefined

  const configuration = () => {
    discovered ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Only a local test issuer is plain http; production issuers are https.
        ...(settings.issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        discovered = undefined
        throw error
      })
    return discovered
  }

  const refuse = (reply: FastifyReply, message: string) =>
    reply
      .code(403)
      .page('errors/error.njk', { status: 403, title: 'You cannot sign in with this account', paragraphs: [message] })

  /** Send the browser to the issuer, remembering (in a signed cookie) how to check its answer. */
  async function start(request: SignedInRequest<unknown, z.output<typeof signInQuery>>, reply: FastifyReply) {
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      next: request.query.next,
    }
    const url = client.buildAuthorizationUrl(await configuration(), {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    })
    reply.setCookie(STATE_COOKIE, JSON.stringify(pending), {
      path: authPaths.oidc.pattern,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      signed: true,
      maxAge: STATE_LIFETIME_SECONDS,
    })
    return reply.redirect(url.href, 303)
  }

  /** The issuer's answer: check it, find (or link) the account, and start a session. */
  async function callback(request: SignedInRequest, reply: FastifyReply) {
    const raw = request.cookies[STATE_COOKIE]
    const unsigned = raw ? request.unsignCookie(raw) : undefined
    reply.clearCookie(STATE_COOKIE, { path: authPaths.oidc.pattern })
    if (!unsigned?.valid || !unsigned.value)
      return refuse(reply, 'Your sign-in took too long or was started elsewhere. Start again from the sign-in page.')
    const pending = JSON.parse(unsigned.value) as PendingSignIn
    let claims: client.IDToken | undefined
    try {
      const tokens = await client.authorizationCodeGrant(await configuration(), new URL(request.url, config.baseUrl), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch (error) {
      request.log.warn({ err: error }, 'OIDC sign-in failed')
      return refuse(reply, 'Your organisation account could not be confirmed. Start again from the sign-in page.')
    }
    if (!claims) return refuse(reply, 'Your organisation did not confirm who you are.')
    let user = await findUserByOidcSubject(db, claims.sub)
    const email = typeof claims.email === 'string' && claims.email_verified !== false ? claims.email : undefined
    if (!user && email) {
      const byEmail = await findUserByEmail(db, email)
      if (byEmail && !byEmail.oidc_subject) {
        await db.updateTable('users').set({ oidc_subject: claims.sub }).where('id', '=', byEmail.id).execute()
        await recordAudit(db, {
          actor: { id: byEmail.id, email: byEmail.email },
          action: 'user.link-oidc',
          recordType: 'user',
          recordId: byEmail.id,
          summary: 'Linked single sign-on account',
          requestId: request.id,
        })
        user = { ...byEmail, oidc_subject: claims.sub }
      }
    }
    if (!user || user.disabled_at)
      return refuse(reply, 'There is no account on this service for you. Ask your administrator to set one up.')
    const token = await createSession(db, user.id, clock.now())
    await recordAudit(db, {
      actor: { id: user.id, email: user.email },
      action: 'sign-in',
      recordType: 'user',
      recordId: user.id,
      summary: 'Signed in with single sign-on',
      requestId: request.id,
    })
    return reply.startSession(token).redirect(pending.next, 303)
  }

  return {
    routes: () => [
      route({ method: 'GET', url: authPaths.oidc.pattern, permission: 'public', query: signInQuery, handler: start }),
      route({ method: 'GET', url: authPaths.oidcCallback.pattern, permission: 'public', handler: callback }),
    ],
  }
}
