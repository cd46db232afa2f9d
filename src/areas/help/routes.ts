import type { FastifyReply } from 'fastify'
import { type Kysely, sql } from 'kysely'
import type { Clock } from '../../clock.js'
import type { DatabaseKind } from '../../db/database.js'
import type { Database } from '../../db/tables.js'
import { keepOutOfPageCache } from '../../db/request-scope.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { helpPaths } from './paths.js'

export interface HelpRouteDeps {
  readonly db: Kysely<Database>
  readonly databaseKind: DatabaseKind
  readonly clock: Clock
  /** Where feedback goes: the service team's mailbox. */
  readonly feedbackEmail: string
}

const DATABASE_NAMES: Readonly<Record<DatabaseKind, string>> = {
  pglite: 'the embedded database',
  postgres: 'the PostgreSQL database',
}

/**
 * Two public pages every GOV.UK service has (issue 10): the service status, in words (the
 * load balancer's `/health` stays JSON), and how to give feedback, linked from the Beta banner.
 */
export function helpRoutes({ db, databaseKind, clock, feedbackEmail }: HelpRouteDeps): RouteSpec[] {
  async function statusPage(_request: SignedInRequest, reply: FastifyReply) {
    const databaseAnswers = await sql`select 1`
      .execute(db)
      .then(() => true)
      .catch(() => false)
    // The database's state now, every time: never a page kept from before (ADR 0031).
    keepOutOfPageCache('it shows whether the database answers now')
    return reply.code(databaseAnswers ? 200 : 503).page('help/status.njk', {
      working: databaseAnswers,
      databaseName: DATABASE_NAMES[databaseKind],
      checkedAt: clock.now(),
    })
  }

  async function feedbackPage(request: SignedInRequest, reply: FastifyReply) {
    const from = typeof request.headers.referer === 'string' ? request.headers.referer : ''
    // The email names the page the person came from, which the kept page's key does not (ADR 0031).
    keepOutOfPageCache('it names the page the person came from')
    const subject = 'Feedback on the ILACS service'
    const body = from ? `Page: ${from}\n\n` : ''
    return reply.page('help/feedback.njk', {
      feedbackEmail,
      mailto: `mailto:${feedbackEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`,
    })
  }

  return [
    route({ method: 'GET', url: helpPaths.status.pattern, permission: 'public', handler: statusPage }),
    route({ method: 'GET', url: helpPaths.feedback.pattern, permission: 'public', handler: feedbackPage }),
  ]
}
