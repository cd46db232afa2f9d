import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/tables.js'

/** `/health`: 200 when the database answers, 503 when it does not (for load balancers). */
export const healthPlugin = fp(async function health(
  app: FastifyInstance,
  options: { db: Kysely<Database>; kind: string },
) {
  app.get('/health', { config: { permission: 'public' } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(options.db)
      return reply.send({ status: 'ok', database: options.kind })
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unreachable')
      return reply.code(503).send({ status: 'unavailable', database: options.kind })
    }
  })
})
