import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify'
import type { z } from 'zod'
import { answersHash, type FormSubmissions, type Submission, submissionKey } from '../auth/form-submissions.js'
import { type Action, canOn, can, type PolicyTarget, type Principal, reachesLa } from '../auth/policy.js'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js'
import { errorList, type Form, type FormState } from './forms.js'
import { type MessageSource, splitCitations } from './rule-links.js'
import { takeMultipartCsrfToken } from './plugins/csrf.js'

/**
 * A signed-in request whose params and query have been parsed by the route's schemas: handlers
 * read typed values, never `request.params as …`, and never need `request.principal!`.
 */
export type SignedInRequest<P = unknown, Q = unknown> = FastifyRequest & {
  readonly principal: Principal
  readonly params: P
  readonly query: Q
}

/** A page with a form, shown again with the state when the form is refused. */
export type FormPage<P, Q> = (
  request: SignedInRequest<P, Q>,
  reply: FastifyReply,
  state?: FormState,
) => Promise<unknown>

interface BaseSpec<P, Q> {
  readonly method: 'GET' | 'POST'
  readonly url: string
  /** The policy action, or 'public' for the few pages anyone may see (sign-in, calendar feeds). */
  readonly permission: Action | 'public'
  /** The route's params; a request whose params do not parse is "Page not found". The target reads them. */
  readonly params?: z.ZodType<P, unknown>
  /**
   * The route's query string, parsed after the policy check (the target cannot read it): write it to
   * accept anything (filters fall back to their defaults) unless a bad query is a bad request.
   */
  readonly query?: z.ZodType<Q, unknown>
  /**
   * The LA the request concerns, looked up from its params. Returning null means "no such
   * record" (404). An account whose scope does not reach the LA also gets 404, not 403, so
   * it cannot tell another LA's record exists (ADR 0005).
   */
  readonly target?: (request: SignedInRequest<P, Q>) => Promise<PolicyTarget | null>
  /** JSON routes answer 401/403/404 as JSON instead of redirecting to sign-in. */
  readonly api?: boolean
  readonly options?: RouteShorthandOptions
}

/** A route whose handler does all the work (pages, downloads, JSON). */
export interface HandlerSpec<P, Q> extends BaseSpec<P, Q> {
  readonly handler: (request: SignedInRequest<P, Q>, reply: FastifyReply) => Promise<unknown>
}

/**
 * A form's POST (Post/Redirect/Get): the body is parsed by `form`; if it is refused, or the
 * service refuses it (ValidationError) or the record changed meanwhile (ConflictError), `page`
 * shows the form again with status 400; otherwise `submit` does the work and returns where to go.
 * A form that depends on its record (which judgement, whether the activity is graded) is given
 * as a function of the request.
 */
export interface FormSpec<P, Q, T> extends BaseSpec<P, Q> {
  readonly method: 'POST'
  readonly form: Form<T> | ((request: SignedInRequest<P, Q>) => Promise<Form<T>>)
  readonly page: FormPage<P, Q>
  /**
   * Do what the form asks and return the address to go to next (303). Return a page instead
   * (`reply.page(…)`) only where the answer cannot survive a redirect: a secret shown once, or
   * checks shown before the user commits.
   */
  readonly submit: (request: SignedInRequest<P, Q>, input: T, reply: FastifyReply) => Promise<string | FastifyReply>
  /** Which field a ConflictError's message is shown against (default `version`). */
  readonly conflictField?: string
  /**
   * What a repeat of a submission that answered with a page sees (a token shown once cannot be
   * shown again). Without it, such a submission is not remembered: sending it again runs it again
   * (checks shown before committing change nothing).
   */
  readonly onRepeat?: (request: SignedInRequest<P, Q>, reply: FastifyReply) => Promise<unknown>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds routes of every shape
export type RouteSpec = HandlerSpec<any, any> | FormSpec<any, any, any>

/** A route of the table, with its params, query and form types inferred from its schemas. */
export function route<P = unknown, Q = unknown>(spec: HandlerSpec<P, Q>): RouteSpec
export function route<P = unknown, Q = unknown, T = unknown>(spec: FormSpec<P, Q, T>): RouteSpec
export function route(spec: RouteSpec): RouteSpec {
  return spec
}

export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError'
}

/** Decide whether the request may run; throws the error the error handler turns into a page. */
export async function authorise(spec: RouteSpec, request: FastifyRequest): Promise<void> {
  if (spec.permission === 'public') return
  const principal = request.principal
  if (!principal) throw new UnauthenticatedError('Sign in to continue')
  const target = spec.target ? await spec.target(request as SignedInRequest) : undefined
  if (target === null) throw new NotFoundError()
  if (!can(principal, spec.permission)) {
    // A role without the action gets 403 only on a record its account may know exists.
    throw target && !reachesLa(principal, target) ? new NotFoundError() : new ForbiddenError()
  }
  if (target && !canOn(principal, spec.permission, target)) throw new NotFoundError()
}

/** Parse the route's params in place, so the target reads typed values; params that do not parse are not a page. */
function parseParams(spec: RouteSpec, request: FastifyRequest): void {
  if (!spec.params) return
  const params = spec.params.safeParse(request.params)
  if (!params.success) throw new NotFoundError()
  request.params = params.data
}

/**
 * Parse the route's query in place. It runs after the policy check, so a request refused by the
 * policy is refused the same way (403 or 404) whatever its query string says.
 */
function parseQuery(spec: RouteSpec, request: FastifyRequest): void {
  if (!spec.query) return
  const query = spec.query.safeParse(request.query)
  if (!query.success) {
    const issue = query.error.issues[0]
    throw new ValidationError({ [String(issue?.path[0] ?? 'query')]: issue?.message ?? 'Check the address' })
  }
  request.query = query.data
}

/**
 * A form's errors in plain words: the rules and citations they end with are kept on the request,
 * and the layout links them below the error summary (issue 10: words first, the citation after
 * as a link; a link cannot sit inside the summary's own links).
 */
function inWords(request: FastifyRequest, errors: Record<string, string>): Record<string, string> {
  const words: Record<string, string> = {}
  const sources: MessageSource[] = []
  for (const [field, message] of Object.entries(errors)) {
    const split = splitCitations(message)
    words[field] = split.text
    sources.push(...split.sources)
  }
  request.errorSources = sources
  return words
}

/**
 * Run a form route: parse, submit, redirect; or show the page again with what is wrong. A form
 * sent again with the same key and answers (a double click) is done once: the repeat waits for
 * the first and goes where it went (src/auth/form-submissions.ts).
 */
async function handleForm<P, Q, T>(
  spec: FormSpec<P, Q, T>,
  request: SignedInRequest<P, Q>,
  reply: FastifyReply,
  submissions: FormSubmissions | undefined,
) {
  const form = typeof spec.form === 'function' ? await spec.form(request) : spec.form
  const parsed = form.parse(request.body)
  if (!parsed.ok) {
    reply.code(400)
    return spec.page(request, reply, { values: parsed.values, errors: inWords(request, parsed.errors) })
  }
  const key = submissionKey(request.body)
  const submission: Submission | undefined =
    key && submissions
      ? {
          userId: request.principal.id,
          key,
          path: request.url.split('?')[0] ?? request.url,
          bodyHash: answersHash(request.body),
        }
      : undefined
  if (submission) {
    const claim = await submissions!.claim(submission)
    if (claim.kind === 'running')
      return reply.code(409).page('errors/error.njk', {
        status: 409,
        title: 'This form is still being sent',
        paragraphs: ['You sent it more than once. Wait a minute, then go back and reload the page to see what it did.'],
      })
    if (claim.kind === 'done') {
      if (claim.location) return reply.redirect(claim.location, 303)
      if (spec.onRepeat) return spec.onRepeat(request, reply.code(409))
    }
  }
  try {
    const next = await spec.submit(request, parsed.value, reply)
    if (submission) {
      if (typeof next === 'string') await submissions!.complete(submission, next)
      else if (spec.onRepeat) await submissions!.complete(submission, null)
      else await submissions!.release(submission)
    }
    return typeof next === 'string' ? reply.redirect(next, 303) : next
  } catch (error) {
    if (submission) await submissions!.release(submission)
    const refused = (errors: Record<string, string>) => {
      reply.code(400)
      return spec.page(request, reply, {
        values: parsed.values,
        errors: inWords(request, errors),
        error: error as Error,
      })
    }
    if (error instanceof ValidationError) return refused({ ...error.fieldErrors })
    if (error instanceof ConflictError) return refused({ [spec.conflictField ?? 'version']: error.message })
    throw error
  }
}

/** The error summary of a form state, its links taken from the form's fields (date inputs link to their day box). */
export function formErrorList<T>(form: Form<T>, state: FormState | undefined) {
  return errorList(state?.errors ?? {}, form.anchors)
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The rules and citations behind the errors of a refused form, for the layout to link. */
    errorSources?: MessageSource[]
  }
  interface FastifyContextConfig {
    permission?: Action | 'public'
    api?: boolean
  }
  interface FastifyInstance {
    /** Every route registered through `registerRoutes`, for the authorisation walk test. */
    routeSpecs: RouteSpec[]
    /** Every route registered with Fastify by any means (see app.ts). */
    allRoutes: Array<{ method: string; url: string }>
    /** Claims of form submissions, so a form sent twice is done once (app.ts decorates it). */
    formSubmissions?: FormSubmissions
  }
}

/**
 * Register an area's route table. Every handler runs behind the same steps, so no area can
 * forget one: parse params and query, the policy check, CSRF on a browser's POST, then the
 * handler (or the form pipeline).
 */
export function registerRoutes(app: FastifyInstance, specs: readonly RouteSpec[]): void {
  for (const spec of specs) {
    app.routeSpecs.push(spec)
    app.route({
      method: spec.method,
      url: spec.url,
      ...spec.options,
      config: { ...(spec.options?.config ?? {}), permission: spec.permission, api: spec.api ?? false },
      preHandler: [
        async (request) => {
          // An unauthenticated request is sent to sign in before its params are looked at.
          if (spec.permission !== 'public' && !request.principal) throw new UnauthenticatedError('Sign in to continue')
          parseParams(spec, request)
          await authorise(spec, request)
          parseQuery(spec, request)
        },
        // A browser session needs the CSRF token on every POST; an API token cannot be sent by a
        // browser on another site's behalf, so API calls made with one need none.
        ...(spec.method === 'POST'
          ? [
              async (request: FastifyRequest) => {
                if (request.authMethod !== 'token') await takeMultipartCsrfToken(request)
              },
              (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) =>
                request.authMethod === 'token' ? done() : app.csrfProtection(request, reply, done),
            ]
          : []),
      ],
      handler: async (request, reply) =>
        'form' in spec
          ? handleForm(spec, request as SignedInRequest, reply, app.formSubmissions)
          : spec.handler(request as SignedInRequest, reply),
    })
  }
}
