import { createHash, randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { SUBMISSION_FIELD } from '../../auth/form-submissions.js'
import type { Clock } from '../../clock.js'
import { dataVersion } from '../../db/data-version.js'
import { acceptsGzip, cutPage, fillPage, gzipPage, PageCache } from '../page-cache.js'
import './session.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's page would be kept, and the data version it began at (undefined: not kept). */
    pageCacheSlot: { readonly key: string; readonly version: number } | undefined
    /** Set on the request drawing a page others wait for: tells them it is done. */
    pageCacheDrawn: (() => void) | undefined
  }
}

export interface PageCachePluginOptions {
  readonly clock: Clock
  /** Kept pages' total size in MB; 0 keeps none. */
  readonly megabytes: number
  /** False while changes made by other instances cannot be heard (ADR 0031): nothing is kept or served. */
  readonly changesHeard: () => boolean
}

/** Headers a kept page is served with again; the rest are set by the hooks on every response. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary'] as const
/** The CSRF secret's cookie (@fastify/csrf-protection's default name): its tokens are valid only with it. */
const CSRF_COOKIE = '_csrf'
const MAX_AGE_MS = 60_000
/** How often pages that can no longer be served are let go. */
const SWEEP_MS = 5_000

/**
 * Signed-in pages served again as drawn while the data stands (ADR 0031). A page is kept when
 * a signed-in browser's GET drew it with status 200 as HTML, set no cookie, wrote nothing but
 * audit entries and read nothing that changes without a write (request-scope.ts `notToKeep`).
 * Its audit entries are written again each time it is served, before it is sent. The key is the
 * session, the CSRF secret the page's tokens belong to, the minute of the service's clock (pages
 * say "today" and count days) and the address.
 */
export const pageCachePlugin = fp(async function pageCache(app: FastifyInstance, options: PageCachePluginOptions) {
  app.decorateRequest('pageCacheSlot', undefined)
  app.decorateRequest('pageCacheDrawn', undefined)
  if (options.megabytes <= 0) return
  const pages = new PageCache({ maxBytes: options.megabytes * 1_048_576, maxAgeMs: MAX_AGE_MS })

  const keyOf = (request: FastifyRequest): string | undefined => {
    if (request.method !== 'GET' || request.authMethod !== 'session' || !request.sessionToken) return undefined
    if (!options.changesHeard()) return undefined
    const session = createHash('sha256').update(request.sessionToken).digest('base64url')
    const minute = Math.floor(options.clock.now().getTime() / 60_000)
    return `${session} ${request.cookies[CSRF_COOKIE] ?? ''} ${minute} ${request.url}`
  }
  const nonceOf = (reply: FastifyReply) => (reply as FastifyReply & { cspNonce?: { script?: string } }).cspNonce?.script

  // Pages being drawn now, by key: a request for the same page at the same version waits for that
  // drawing rather than drawing it too (a session's many requests after a change or at the turn
  // of a minute otherwise all draw at once: measured, a p99 of 4 s on the activity page).
  const drawing = new Map<string, { readonly version: number; readonly done: Promise<void> }>()
  const WAIT_FOR_DRAWING_MS = 2_000

  app.addHook('onRequest', async (request, reply) => {
    const key = keyOf(request)
    if (!key) return
    let version = dataVersion()
    let kept = pages.get(key, version, performance.now())
    const other = drawing.get(key)
    if (!kept && other && other.version === version) {
      await Promise.race([other.done, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_DRAWING_MS).unref())])
      version = dataVersion()
      kept = pages.get(key, version, performance.now())
    }
    if (!kept) {
      request.pageCacheSlot = { key, version }
      if (!drawing.has(key)) {
        let finished!: () => void
        const mine = { version, done: new Promise<void>((resolve) => (finished = resolve)) }
        drawing.set(key, mine)
        request.pageCacheDrawn = () => {
          if (drawing.get(key) === mine) drawing.delete(key)
          finished()
        }
      }
      return
    }
    const nonce = nonceOf(reply)
    if (kept.holes.includes('nonce') && !nonce) return
    // Audited before it is sent, as the drawing was: a read of child-level data is never unaudited.
    for (const write of kept.repeat) await write({ requestId: request.id, at: options.clock.now() })
    const fresh = { nonce: nonce ?? '', submissionKey: randomUUID }
    reply.headers(kept.headers).header('x-page-cache', 'hit')
    // The same page may come compressed or not: a cache between must keep the two apart.
    reply.header('vary', kept.headers.vary ? `${kept.headers.vary}, Accept-Encoding` : 'Accept-Encoding')
    if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(fillPage(kept, fresh))
    return reply.header('content-encoding', 'gzip').send(gzipPage(kept, fresh, pages.compressed(key, kept)))
  })

  // Pages that can never be served again go at once, not when the cache next fills: a write
  // makes every kept page stale, and a cache kept full of them held its whole size for nothing.
  const sweeper = setInterval(() => pages.sweep(dataVersion(), performance.now()), SWEEP_MS).unref()
  app.addHook('onClose', async () => clearInterval(sweeper))

  // Whatever became of the drawing (kept, not kept, an error, the client gone), its waiters go on.
  app.addHook('onResponse', async (request) => request.pageCacheDrawn?.())
  app.addHook('onRequestAbort', async (request) => request.pageCacheDrawn?.())

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.pageCacheSlot
    if (!slot || typeof payload !== 'string' || reply.statusCode !== 200) return payload
    const type = reply.getHeader('content-type')
    if (typeof type !== 'string' || !type.startsWith('text/html') || reply.hasHeader('set-cookie')) return payload
    if (!request.dbScope || request.dbScope.notToKeep !== undefined || dataVersion() !== slot.version) return payload
    const cut = cutPage(payload, { nonce: nonceOf(reply), submissionField: SUBMISSION_FIELD })
    if (!cut) return payload
    const headers: Record<string, string> = {}
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    pages.set(slot.key, {
      ...cut,
      headers,
      repeat: [...request.dbScope.repeatWhenServed],
      version: slot.version,
      keptAt: performance.now(),
    })
    return payload
  })
})
