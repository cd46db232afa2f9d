import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { POLICY } from '../../auth/policy.js'
import { escapeHtml } from '../../web/html.js'
import { route, type RouteSpec } from '../../web/routing.js'
import { apiPaths } from './paths.js'
import { ApiError } from './schemas.js'

/**
 * The API's description (OpenAPI 3.1) and its documentation page. It is part of the web layer:
 * it describes routes (their URLs, methods and permissions) from their route specs, next to
 * the JSON shapes they take and give, so it lives with the routes and imports src/web/.
 */

/** One documented API operation: the route and the shapes it takes and gives. */
export interface ApiOperation {
  readonly route: RouteSpec
  readonly summary: string
  readonly description?: string
  readonly tag: string
  readonly pathParams?: Readonly<Record<string, string>>
  readonly query?: z.ZodObject
  readonly body?: z.ZodType
  readonly response: z.ZodType
  readonly status?: number
}

function schema(type: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(type, { unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

/** The OpenAPI 3.1 document, built from the same route specs and zod schemas that answer and validate requests. */
export function openApiDocument(operations: readonly ApiOperation[], baseUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const path = op.route.url.replace(/:(\w+)/g, '{$1}')
    const permission =
      op.route.permission === 'public' ? 'none' : `${op.route.permission}: ${POLICY[op.route.permission].description}`
    const parameters = [
      ...Object.entries(op.pathParams ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...Object.entries(op.query?.shape ?? {}).map(([name, value]) => ({
        name,
        in: 'query',
        required: !(value as z.ZodType).safeParse(undefined).success,
        schema: schema(value as z.ZodType),
      })),
    ]
    paths[path] ??= {}
    paths[path]![op.route.method.toLowerCase()] = {
      tags: [op.tag],
      summary: op.summary,
      description: `${op.description ? `${op.description}\n\n` : ''}Permission: ${permission}.`,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schema(op.body) } } } }
        : {}),
      responses: {
        [String(op.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schema(op.response) } },
        },
        '400': {
          description: 'The request is not valid; fieldErrors says what to change',
          content: { 'application/json': { schema: schema(ApiError) } },
        },
        '401': { description: 'No valid API token', content: { 'application/json': { schema: schema(ApiError) } } },
        '403': {
          description: 'The account’s role may not do this',
          content: { 'application/json': { schema: schema(ApiError) } },
        },
        '404': {
          description: 'No such record, or not one this account may see',
          content: { 'application/json': { schema: schema(ApiError) } },
        },
      },
      security: [{ bearer: [] }],
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: "Inspection of local authority children's services: API",
      version: '1.0.0',
      description:
        'For Ofsted’s and local authorities’ own systems. Authenticate with an API token (make one under “API tokens” when signed in) as `Authorization: Bearer <token>`. A token acts as its account, under the same permissions as the web pages: an LA account sees only its own LA, and a planned inspection only once notice is given.',
    },
    servers: [{ url: baseUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  }
}

/** The OpenAPI JSON and the documentation page, for the operations given. */
export function openApiRoutes(operations: readonly ApiOperation[], baseUrl: string): RouteSpec[] {
  const document = openApiDocument(operations, baseUrl)

  async function docsPage(_request: unknown, reply: FastifyReply) {
    return reply.page('api/docs.njk', {
      rows: operations.map((op) => [
        { text: op.route.method, classes: 'app-nowrap' },
        { html: `<code>${escapeHtml(op.route.url)}</code>` },
        { text: op.description ? `${op.summary}. ${op.description}` : op.summary },
        { text: op.route.permission },
      ]),
      documentJson: JSON.stringify(document, null, 2),
    })
  }

  return [
    route({
      method: 'GET',
      url: apiPaths.openApi.pattern,
      permission: 'public',
      api: true,
      handler: async () => document,
    }),
    route({ method: 'GET', url: apiPaths.docs.pattern, permission: 'public', handler: docsPage }),
  ]
}
