import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.js'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { errorList, type FormBody, text } from '../../web/legacy-forms.js'
import type { RouteSpec } from '../../web/routing.js'
import { escapeHtml } from '../../web/html.js'
import type { Activity as ActivityRecord, StoredMilestone, TeamMember } from '../activities/index.js'
import type { ActivitiesService } from '../activities/index.js'
import type { JudgementRecord } from '../register/index.js'
import type { RegisterEntry, RegisterService } from '../register/index.js'
import { type ApiOperation, openApiDocument } from './openapi.js'
import {
  Activity,
  AnnexAReturn,
  AnnexAReturnDetail,
  LocalAuthority,
  LocalAuthorityDetail,
  PlanActivity,
} from './schemas.js'
import type { AnnexAReturnsService, AnnexAReturn as ReturnRecord } from '../annex-a-returns/index.js'
import type { Readable } from 'node:stream'

type Params = { laCode?: string; activityId?: string; tokenId?: string }

function toLocalAuthority(entry: RegisterEntry): z.infer<typeof LocalAuthority> {
  const { la, standing, pathway } = entry
  return {
    laCode: la.laCode,
    gssCode: la.gssCode,
    name: la.name,
    region: { code: la.regionCode, name: la.regionName },
    type: la.laType,
    latestGrade: standing
      ? { grade: standing.grade, derived: standing.derived, publishedOn: standing.record.publishedOn }
      : null,
    pathway: pathway
      ? {
          pathway: pathway.pathway,
          next: {
            type: pathway.next.type,
            from: pathway.next.from,
            to: pathway.next.to,
            rule: pathway.next.rule,
            citation: pathway.next.citation,
          },
          focusedVisits: {
            max: pathway.focusedVisits.max,
            used: pathway.focusedVisits.used,
            remaining: pathway.focusedVisits.remaining,
          },
          overdue: pathway.overdue.map((item) => ({
            what: item.what,
            due: item.due,
            rule: item.rule,
            citation: item.citation,
          })),
        }
      : null,
  }
}

function toJudgement(record: JudgementRecord) {
  return {
    id: record.id,
    framework: record.framework,
    activityType: record.activityType,
    inspectionStart: record.inspectionStart,
    inspectionEnd: record.inspectionEnd,
    publishedOn: record.publishedOn,
    grades: { ...record.grades },
    correctsId: record.correctsId,
    correctionReason: record.correctionReason,
    current: record.correctedById === null,
  }
}

function toActivity(
  activity: ActivityRecord,
  milestones: readonly StoredMilestone[],
  team: readonly TeamMember[],
): z.infer<typeof Activity> {
  return {
    id: activity.id,
    reference: activity.reference,
    laCode: activity.laCode,
    laName: activity.laName,
    type: activity.type,
    variant: activity.variant,
    onsiteStart: activity.onsiteStart,
    status: activity.status,
    topics: [...activity.topics],
    milestones: milestones.map((m) => ({
      key: m.key,
      label: m.label,
      date: m.date,
      until: m.until,
      time: m.time,
      rule: m.rule,
      citation: m.citation,
    })),
    team: team.map((member) => ({
      userId: member.userId,
      name: member.displayName,
      teamRole: member.teamRole,
      days: [...member.days],
    })),
  }
}

/**
 * The JSON API (issue 6): the register, activities and their milestones under the same
 * authorisation policy as the pages (each route is a RouteSpec), documented as OpenAPI at
 * /api/docs from the zod schemas that validate it.
 */
function toReturn(record: ReturnRecord): z.infer<typeof AnnexAReturn> {
  return {
    id: record.id,
    version: record.version,
    fileName: record.fileName,
    status: record.status,
    asOf: record.asOf,
    uploadedAt: record.uploadedAt.toISOString(),
    errorCount: record.errorCount,
    warningCount: record.warningCount,
    rows: record.rows,
    errorMessage: record.errorMessage,
  }
}

/** Content types an LA's system may send an Annex A return as (the raw file is the body). */
export const ANNEX_A_UPLOAD_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'text/csv',
  'application/octet-stream',
]

export function apiOperations(deps: {
  register: RegisterService
  activities: ActivitiesService
  annexA: AnnexAReturnsService
}): ApiOperation[] {
  const { register, activities, annexA } = deps
  const laTarget = async (request: FastifyRequest) => {
    const la = await register.findLocalAuthority((request.params as Params).laCode ?? '')
    return la ? { laCode: la.laCode, regionCode: la.regionCode } : null
  }
  const activityTarget = (request: FastifyRequest) => activities.target((request.params as Params).activityId ?? '')

  return [
    {
      tag: 'Register',
      summary: 'Every local authority the account may see, with its latest grade and pathway',
      response: LocalAuthority.array(),
      route: {
        method: 'GET',
        url: '/api/v1/local-authorities',
        permission: 'register.view',
        api: true,
        handler: async (request) => (await register.list(request.principal!)).map(toLocalAuthority),
      },
    },
    {
      tag: 'Register',
      summary: 'One local authority with its whole judgement history (corrections included)',
      pathParams: { laCode: 'DfE LA code, e.g. 886' },
      response: LocalAuthorityDetail,
      route: {
        method: 'GET',
        url: '/api/v1/local-authorities/:laCode',
        permission: 'register.view',
        target: laTarget,
        api: true,
        handler: async (request) => {
          const laCode = (request.params as Params).laCode!
          const { la, records, standing, pathway } = await register.show(laCode)
          return { ...toLocalAuthority({ la, standing, pathway }), judgements: records.map(toJudgement) }
        },
      },
    },
    {
      tag: 'Activities',
      summary: 'Inspections and visits the account may see, with their milestones',
      description: 'An LA account sees its own LA’s activities once notice has been given (002#73).',
      response: Activity.array(),
      route: {
        method: 'GET',
        url: '/api/v1/activities',
        permission: 'activity.view',
        api: true,
        handler: async (request) =>
          (await activities.list(request.principal!)).map((item) =>
            toActivity(item.activity, item.milestones, item.team),
          ),
      },
    },
    {
      tag: 'Activities',
      summary: 'One inspection or visit with its dated milestones, each naming its rule',
      pathParams: { activityId: 'Activity id' },
      response: Activity,
      route: {
        method: 'GET',
        url: '/api/v1/activities/:activityId',
        permission: 'activity.view',
        target: activityTarget,
        api: true,
        handler: async (request) => {
          const { activity, milestones, team } = await activities.details((request.params as Params).activityId!)
          return toActivity(activity, milestones, team)
        },
      },
    },
    {
      tag: 'Activities',
      summary: 'Plan an inspection or visit; its timeline is worked out by the rules core',
      description:
        'Refused with 400 and the rule (e.g. C5) when the first day on site is not the weekday the schedule needs.',
      body: PlanActivity,
      response: Activity,
      status: 201,
      route: {
        method: 'POST',
        url: '/api/v1/activities',
        permission: 'activity.plan',
        api: true,
        handler: async (request, reply) => {
          const parsed = PlanActivity.safeParse(request.body)
          if (!parsed.success) {
            throw new ValidationError(
              Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'body', issue.message])),
            )
          }
          const input = parsed.data
          const id = await activities.plan(
            request.principal!,
            {
              laCode: input.laCode,
              type: input.type,
              variant: input.variant ?? null,
              onsiteStart: input.onsiteStart,
              topics: input.topics ?? [],
            },
            { requestId: request.id },
          )
          const { activity, milestones, team } = await activities.details(id)
          return reply
            .code(201)
            .header('location', `/api/v1/activities/${id}`)
            .send(toActivity(activity, milestones, team))
        },
      },
    },
    {
      tag: 'Annex A',
      summary: 'Send an Annex A return (the child-level lists) for checking',
      description:
        'The request body is the file itself (an .xlsx workbook, or a .csv for one list), with its Content-Type and its name in the fileName query parameter. Answers 202 at once; poll the returned href until status is no longer processing. The same file sent twice is one version.',
      pathParams: { activityId: 'Activity id' },
      response: AnnexAReturn,
      status: 202,
      route: {
        method: 'POST',
        url: '/api/v1/activities/:activityId/annex-a/returns',
        permission: 'annex-a.upload',
        target: activityTarget,
        api: true,
        handler: async (request, reply) => {
          const activityId = (request.params as Params).activityId!
          const fileName = String((request.query as Record<string, unknown>).fileName ?? '').trim()
          if (!fileName)
            throw new ValidationError({
              fileName: 'Give the file’s name in the fileName query parameter, for example ?fileName=Annex%20A.xlsx',
            })
          const { id } = await annexA.receive(
            request.principal!,
            activityId,
            { fileName, stream: request.body as Readable },
            { requestId: request.id },
          )
          return reply
            .code(202)
            .header('location', `/api/v1/activities/${activityId}/annex-a/returns/${id}`)
            .send(toReturn(await annexA.get(activityId, id)))
        },
      },
    },
    {
      tag: 'Annex A',
      summary: 'Every version of the Annex A return, newest first',
      pathParams: { activityId: 'Activity id' },
      response: AnnexAReturn.array(),
      route: {
        method: 'GET',
        url: '/api/v1/activities/:activityId/annex-a/returns',
        permission: 'annex-a.read',
        target: activityTarget,
        api: true,
        handler: async (request) => (await annexA.versions((request.params as Params).activityId!)).map(toReturn),
      },
    },
    {
      tag: 'Annex A',
      summary: 'One version with its lists and findings (child-level data: the read is audited)',
      pathParams: { activityId: 'Activity id', returnId: 'Return id' },
      response: AnnexAReturnDetail,
      route: {
        method: 'GET',
        url: '/api/v1/activities/:activityId/annex-a/returns/:returnId',
        permission: 'annex-a.read',
        target: activityTarget,
        api: true,
        handler: async (request) => {
          const { activityId, returnId } = request.params as Params & { returnId: string }
          const record = await annexA.get(activityId!, returnId)
          const read =
            record.status === 'valid' || record.status === 'errors'
              ? await annexA.findings(request.principal!, activityId!, returnId, { requestId: request.id })
              : undefined
          return {
            ...toReturn(record),
            lists: (read?.result.lists ?? []).map((list) => ({ list: list.list, sheet: list.sheet, rows: list.rows })),
            findings: (read?.findings ?? []).map((f) => ({
              list: f.list,
              sheet: f.sheet,
              row: f.row,
              column: f.column,
              value: f.value,
              rule: f.rule,
              severity: f.severity,
              message: f.message,
            })),
            counts: read ? { total: read.result.counts.total, bySeverity: { ...read.result.counts.bySeverity } } : null,
          }
        },
      },
    },
  ]
}

/** The docs, the OpenAPI JSON, and the page where a signed-in user manages API tokens. */
export function apiRoutes(deps: {
  register: RegisterService
  activities: ActivitiesService
  annexA: AnnexAReturnsService
  db: Kysely<Database>
  clock: Clock
  baseUrl: string
}): RouteSpec[] {
  const operations = apiOperations(deps)
  const document = openApiDocument(operations, deps.baseUrl)
  const renderTokens = async (
    request: FastifyRequest,
    reply: import('fastify').FastifyReply,
    created?: string,
    errors: Record<string, string> = {},
  ) =>
    reply.code(Object.keys(errors).length ? 400 : 200).page('api/tokens.njk', {
      tokens: await listApiTokens(deps.db, request.principal!.id),
      created,
      errors,
      errorList: errorList(errors),
    })
  return [
    ...operations.map((operation) => operation.route),
    { method: 'GET', url: '/api/v1/openapi.json', permission: 'public', api: true, handler: async () => document },
    {
      method: 'GET',
      url: '/api/docs',
      permission: 'public',
      handler: async (_request, reply) =>
        reply.page('api/docs.njk', {
          rows: operations.map((op) => [
            { text: op.route.method, classes: 'app-nowrap' },
            { html: `<code>${escapeHtml(op.route.url)}</code>` },
            { text: op.description ? `${op.summary}. ${op.description}` : op.summary },
            { text: op.route.permission },
          ]),
          documentJson: JSON.stringify(document, null, 2),
        }),
    },
    {
      method: 'GET',
      url: '/account/api-tokens',
      permission: 'home.view',
      handler: async (request, reply) => renderTokens(request, reply),
    },
    {
      method: 'POST',
      url: '/account/api-tokens',
      permission: 'home.view',
      handler: async (request, reply) => {
        const name = text(request.body as FormBody, 'name')
        if (!name)
          return renderTokens(request, reply, undefined, {
            name: 'Enter a name for the token, for example “Case management system”',
          })
        return renderTokens(request, reply, await createApiToken(deps.db, request.principal!, name, request.id))
      },
    },
    {
      method: 'POST',
      url: '/account/api-tokens/:tokenId/revoke',
      permission: 'home.view',
      handler: async (request, reply) => {
        const ok = await revokeApiToken(
          deps.db,
          request.principal!,
          (request.params as Params).tokenId ?? '',
          deps.clock.now(),
          request.id,
        )
        if (!ok) throw new NotFoundError()
        return reply.redirect('/account/api-tokens', 303)
      },
    },
  ]
}
