import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import '@fastify/rate-limit'
import { AppError, NotFoundError, ValidationError } from '../../errors.js'
import { loggableUrl } from '../../logging.js'
import { UnauthenticatedError } from '../routing.js'

interface ErrorPage {
  readonly status: number
  readonly title: string
  readonly paragraphs: readonly string[]
}

const PAGES: Record<number, Omit<ErrorPage, 'status'>> = {
  400: {
    title: 'There is a problem with your request',
    paragraphs: ['Go back and check what you entered, then try again.'],
  },
  403: {
    title: 'You do not have permission to see this page',
    paragraphs: ['If you think you should have access, ask your administrator.'],
  },
  404: {
    title: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  413: { title: 'The file is too large', paragraphs: ['Go back and choose a smaller file.'] },
  429: { title: 'Too many attempts', paragraphs: ['Wait a few minutes, then try again.'] },
  500: { title: 'Sorry, there is a problem with the service', paragraphs: ['Try again later.'] },
}

function wantsJson(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as { api?: boolean } | undefined
  return config?.api === true || request.url.startsWith('/api/')
}

/**
 * One error handler and one not-found handler (STYLE.md, FD). Known errors become their GOV.UK
 * page and status; anything else is a 500 that shows a reference (the request id) and, only
 * outside production, the message and stack.
 */
export const errorsPlugin = fp(async function errors(app: FastifyInstance, options: { production: boolean }) {
  const render = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: Record<string, unknown> = {},
  ) => {
    const page = PAGES[status] ?? PAGES[500]!
    if (wantsJson(request))
      return reply.code(status).send({ error: page.title, status, reference: request.id, ...extra })
    return reply.code(status).page('errors/error.njk', { status, ...page, reference: request.id, ...extra })
  }

  app.setNotFoundHandler(
    // Rate-limit the not-found handler (STYLE.md, FD) so probing for pages is slow.
    { preHandler: app.rateLimit({ max: 120, timeWindow: '1 minute' }) },
    async (request, reply) => render(request, reply, 404),
  )

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof UnauthenticatedError) {
      if (wantsJson(request)) return reply.code(401).send({ error: 'Sign in or send an API token', status: 401 })
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : ''
      return reply.redirect(`/sign-in${next}`, 303)
    }
    if (error instanceof NotFoundError) return render(request, reply, 404)
    if (error instanceof ValidationError && wantsJson(request))
      return render(request, reply, 400, { fieldErrors: error.fieldErrors })
    if (error instanceof AppError && error.statusCode < 500) return render(request, reply, error.statusCode)
    if (error.code?.startsWith('FST_CSRF')) {
      return render(request, reply, 403, {
        title: 'Your form has expired',
        paragraphs: ['For your security, forms expire. Go back, reload the page and try again.'],
      })
    }
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) {
      request.log.error({ err: error, method: request.method, url: loggableUrl(request.url) }, 'request failed')
      return render(request, reply, 500, options.production ? {} : { detail: error.message, stack: error.stack })
    }
    return render(request, reply, status)
  })
})
