import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Security headers. The Content-Security-Policy allows our own scripts and styles only, plus
 * GOV.UK Frontend's one inline script (it marks the body `js-enabled`) by a nonce that helmet
 * makes fresh for every response (`reply.cspNonce.script`, passed to the layout).
 */
export const securityPlugin = fp(async function security(app: FastifyInstance, options: { https: boolean }) {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  // No browser or proxy keeps a copy of what the service answers (child-level pages, findings,
  // marked-up workbooks, API JSON: issue 10) unless the route says it may: static files and
  // published reports set their own caching.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
})
