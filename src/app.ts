import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import type { Kysely } from 'kysely'
import { createOidcSignIn } from './auth/oidc.js'
import { formSubmissions } from './auth/form-submissions.js'
import { authRoutes } from './auth/routes.js'
import type { Clock } from './clock.js'
import type { Config, TrustProxy } from './config.js'
import { loggableUrl } from './logging.js'
import type { DatabaseKind } from './db/database.js'
import type { Database } from './db/tables.js'
import { currentRequestScope, requestEnded, runInRequestScope, type RequestScope } from './db/request-scope.js'
import { activityRoutes } from './areas/activities/routes.js'
import { activitiesDashboard } from './areas/activities/dashboard.js'
import { adminRoutes } from './areas/admin/routes.js'
import { evidenceRoutes } from './areas/evidence/routes.js'
import { evidenceTasks } from './areas/evidence/tasks.js'
import { evidenceDashboard } from './areas/evidence/dashboard.js'
import { ANNEX_A_UPLOAD_TYPES, apiRoutes } from './areas/api/routes.js'
import { annexAReturnRoutes } from './areas/annex-a-returns/routes.js'
import { annexADashboard, annexATasks } from './areas/annex-a-returns/tasks.js'
import type { Services } from './areas/index.js'
import { MAX_RETURN_FILES, MAX_UPLOAD_BYTES } from './areas/annex-a-returns/service.js'
import { helpRoutes } from './areas/help/routes.js'
import { homeRoutes } from './areas/home/routes.js'
import { reminderRoutes } from './areas/home/reminders.routes.js'
import { interventionRoutes } from './areas/intervention/routes.js'
import { engagementRoutes } from './areas/engagement/routes.js'
import { monitoringDashboard } from './areas/monitoring/dashboard.js'
import { monitoringRoutes } from './areas/monitoring/routes.js'
import { offer2015Dashboard } from './areas/offer-2015/dashboard.js'
import { offer2015Routes } from './areas/offer-2015/routes.js'
import { judgementsDashboard } from './areas/judgements/dashboard.js'
import { judgementRoutes } from './areas/judgements/routes.js'
import { judgementTasks } from './areas/judgements/tasks.js'
import { createServices } from './areas/index.js'
import { programmeDashboard } from './areas/programme/dashboard.js'
import { programmeActivityChecks, programmeLaActivities } from './areas/programme/panels.presenters.js'
import { programmeRoutes } from './areas/programme/routes.js'
import { publicationSourceLinks, publicationTasks } from './areas/publications/index.js'
import { engagementTasks } from './areas/engagement/index.js'
import { publicationRoutes } from './areas/publications/routes.js'
import { registerRoutes as registerAreaRoutes } from './areas/register/routes.js'
import { reportRoutes } from './areas/reports/routes.js'
import { reportsDashboard } from './areas/reports/dashboard.js'
import { interventionDashboard } from './areas/intervention/index.js'
import { reportTasks } from './areas/reports/tasks.js'
import { rulebookRoutes } from './areas/rulebook/routes.js'
import { projectRoot } from './web/paths.js'
import { csrfPlugin } from './web/plugins/csrf.js'
import { errorsPlugin } from './web/plugins/errors.js'
import { healthPlugin } from './web/plugins/health.js'
import { securityPlugin } from './web/plugins/security.js'
import { pageCachePlugin } from './web/plugins/page-cache.js'
import { sessionPlugin } from './web/plugins/session.js'
import { staticPlugin } from './web/plugins/static.js'
import { findViewDirs, viewsPlugin } from './web/plugins/views.js'
import { registerRoutes, type RouteSpec } from './web/routing.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** This request's queries and remembered reads (src/db/request-scope.ts). */
    dbScope: RequestScope | undefined
  }
  interface FastifyInstance {
    /** The area services (tests and the server's background work use them). */
    services: Services
  }
}

export interface AppDeps {
  readonly config: Config
  readonly db: Kysely<Database>
  readonly databaseKind: DatabaseKind
  readonly clock: Clock
  /** PostgreSQL's listener for other instances' writes (ADR 0031); without it, pages are kept on PGlite only. */
  readonly changes?: { listening(): boolean } | undefined
  /** Fastify's logger option: pino settings, or false in tests. */
  readonly logger?: FastifyServerOptions['logger']
  /** No log line per request; each request is logged at debug level instead (development). */
  readonly quietRequests?: boolean
}

const VIEW_DIRS = findViewDirs(join(projectRoot, 'src'))

/** TRUST_PROXY as Fastify takes it: a number of hops is "believe the nearest n". */
function trustProxyOption(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  return trust === false ? false : [...trust]
}

/**
 * Build the web application (STYLE.md: `buildApp(deps)`). Plugins are registered in a visible
 * order: infrastructure, then sessions and CSRF, then each area's routes, then error pages.
 * Tests build the same app with an in-memory database and a fixed clock.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db, clock } = deps
  const production = config.environment === 'production'
  const app = Fastify({
    logger: deps.logger ?? false,
    ...(deps.quietRequests ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID()
    },
    requestIdHeader: false,
    // Only the configured proxies' X-Forwarded-For is believed (TRUST_PROXY; none by default).
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1_048_576,
  })
  // Each request runs in a scope of its own: its queries are counted and its reads remembered
  // (src/db/request-scope.ts). `done` is called inside the scope so every later hook and the
  // handler run in it.
  app.decorateRequest('dbScope', undefined)
  app.addHook('onRequest', (request, _reply, done) => {
    runInRequestScope(() => {
      request.dbScope = currentRequestScope()
      done()
    })
  })
  app.addHook('onResponse', async (request) => {
    if (request.dbScope) requestEnded(request, request.dbScope)
  })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  if (deps.quietRequests)
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug(
        {
          method: request.method,
          url: loggableUrl(request.url),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      )
    })
  app.decorate('routeSpecs', [] as RouteSpec[])
  // Every route Fastify knows, however registered: the authorisation test checks that each one
  // outside static files and /health went through registerRoutes (and so through the policy).
  const allRoutes: Array<{ method: string; url: string }> = []
  app.decorate('allRoutes', allRoutes)
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) allRoutes.push({ method, url: route.url })
  })

  await app.register(securityPlugin, { https: config.baseUrl.startsWith('https:') })
  await app.register(rateLimit, { global: false })
  await app.register(formbody)
  // Uploads are streamed to disk by the Annex A area; these limits bound a single request.
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_RETURN_FILES, fields: 20, fieldSize: 100_000 },
  })
  await app.register(staticPlugin)
  await app.register(healthPlugin, { db, kind: deps.databaseKind })
  await app.register(sessionPlugin, {
    db,
    clock,
    cookieSecret: config.sessionSecret,
    secureCookies: config.cookieSecure,
    idleMinutes: config.sessionIdleMinutes,
  })
  await app.register(csrfPlugin, { secureCookies: config.cookieSecure, hmacKey: config.sessionSecret })
  // After the session: a kept page is served only to the session it was drawn for (ADR 0031).
  await app.register(pageCachePlugin, {
    clock,
    megabytes: config.pageCacheMb,
    changesHeard: () => deps.databaseKind === 'pglite' || deps.changes?.listening() === true,
  })
  await app.register(viewsPlugin, { viewDirs: VIEW_DIRS, production, demoData: config.demoData })
  await app.register(errorsPlugin, { production })

  // A form sent twice (a double click, a retry) is done once (src/auth/form-submissions.ts).
  app.decorate(
    'formSubmissions',
    formSubmissions(db, () => clock.now()),
  )
  const services = createServices({ db, clock, config })
  app.addHook('onClose', async () => {
    services.uploadRetention.stop()
    await services.processor.stop()
  })
  app.decorate('services', services)
  const oidc = createOidcSignIn({ db, clock, config })
  registerRoutes(app, authRoutes({ db, clock, config, oidc }))
  registerRoutes(
    app,
    homeRoutes({
      register: services.register,
      providers: [
        activitiesDashboard(services.activities, clock),
        annexADashboard(services.annexA, services.activities, clock),
        judgementsDashboard(services.judgements, services.activities, clock),
        evidenceDashboard(services.evidence, services.activities),
        programmeDashboard(services.programme, clock),
        reportsDashboard(services.reports, services.activities, clock),
        interventionDashboard(services.intervention, services.register, clock),
        monitoringDashboard(services.monitoring, clock, services.activities),
        offer2015Dashboard(services.offer2015, clock),
      ],
    }),
  )
  registerRoutes(app, reminderRoutes({ reminders: services.reminders }))
  registerRoutes(
    app,
    registerAreaRoutes({
      register: services.register,
      clock,
      blobs: services.blobs,
      sourceLinks: publicationSourceLinks,
      laActivities: programmeLaActivities(services.activities, services.programme, clock),
    }),
  )
  registerRoutes(
    app,
    await adminRoutes({ accounts: services.accounts, admin: services.admin, register: services.register }),
  )
  registerRoutes(app, rulebookRoutes())
  registerRoutes(app, helpRoutes({ db, databaseKind: deps.databaseKind, clock, feedbackEmail: config.feedbackEmail }))
  registerRoutes(
    app,
    activityRoutes({
      activities: services.activities,
      providers: [
        annexATasks(services.annexA, services.activities, clock),
        judgementTasks(services.judgements, services.activities),
        evidenceTasks(services.evidence),
        reportTasks(services.reports),
        publicationTasks(services.publications),
        engagementTasks(services.engagement),
      ],
      actuals: (activity) => services.reports.read.actuals(activity),
      checks: programmeActivityChecks(services.programme),
      delivery: (laCode, on) => services.register.deliveryOn(laCode, on),
      clock,
      baseUrl: config.baseUrl,
    }),
  )
  registerRoutes(app, annexAReturnRoutes({ annexA: services.annexA, activities: services.activities }))
  registerRoutes(app, judgementRoutes(services.judgements, services.activities))
  registerRoutes(app, evidenceRoutes(services.evidence, clock))
  registerRoutes(app, reportRoutes(services.reports))
  // The API takes an Annex A file as the raw request body; the Annex A area streams it to disk.
  for (const type of ANNEX_A_UPLOAD_TYPES)
    app.addContentTypeParser(type, (_request, payload, done) => done(null, payload))
  registerRoutes(
    app,
    apiRoutes({
      register: services.register,
      activities: services.activities,
      annexA: services.annexA,
      db,
      clock,
      baseUrl: config.baseUrl,
    }),
  )
  registerRoutes(app, programmeRoutes({ programme: services.programme, clock }))
  registerRoutes(
    app,
    publicationRoutes({
      publications: services.publications,
      register: services.register,
      clock,
      baseUrl: config.baseUrl,
    }),
  )
  registerRoutes(
    app,
    engagementRoutes({ engagement: services.engagement, register: services.register, people: services.people, clock }),
  )
  registerRoutes(
    app,
    monitoringRoutes({
      monitoring: services.monitoring,
      register: services.register,
      activities: services.activities,
      clock,
    }),
  )
  registerRoutes(app, offer2015Routes({ offers: services.offer2015, register: services.register, clock }))
  registerRoutes(
    app,
    interventionRoutes({
      intervention: services.intervention,
      register: services.register,
      people: services.people,
      clock,
    }),
  )
  return app
}
