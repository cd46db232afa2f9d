import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import type { AccountsService, AccountInput } from '../../auth/accounts.js'
import { auditActionLabel } from '../../auth/audit-actions.js'
import { auditVocabulary, searchAudit } from '../../auth/audit.js'
import { ROLE_INFO, ROLES } from '../../auth/roles.js'
import type { Database } from '../../db/tables.js'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { ConflictError, ValidationError } from '../../errors.js'
import { errorList, type FieldErrors, type FormBody, text } from '../../web/legacy-forms.js'
import { escapeHtml } from '../../web/html.js'
import { path } from '../../web/path-builder.js'
import type { RouteSpec } from '../../web/routing.js'

export const adminPaths = {
  users: path('/admin/users'),
  newUser: path('/admin/users/new'),
  user: path('/admin/users/:userId'),
  userAction: path('/admin/users/:userId/:action'),
  audit: path('/admin/audit'),
}

const PAGE_SIZE = 50

export function adminRoutes(deps: { db: Kysely<Database>; accounts: AccountsService }): RouteSpec[] {
  const { db, accounts } = deps
  const regionsAndLas = async () => ({
    regions: await db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute(),
    las: await db.selectFrom('local_authorities').select(['la_code', 'name']).orderBy('name').execute(),
  })

  const renderNewUser = async (
    reply: FastifyReply,
    values: Partial<AccountInput> & { laCodesText?: string },
    errors: FieldErrors,
  ) => {
    const { regions, las } = await regionsAndLas()
    return reply.code(Object.keys(errors).length ? 400 : 200).page('admin/new-user.njk', {
      values,
      errors,
      errorList: errorList(errors),
      roleItems: ROLES.map((role) => ({
        value: role,
        text: ROLE_INFO[role].label,
        hint: { text: ROLE_INFO[role].description },
        checked: values.role === role,
      })),
      regionItems: [
        { value: '', text: 'Not applicable' },
        ...regions.map((region) => ({
          value: region.code,
          text: region.name,
          selected: values.regionCode === region.code,
        })),
      ],
      laItems: [
        { value: '', text: 'Not applicable' },
        ...las.map((la) => ({
          value: la.la_code,
          text: `${la.name} (${la.la_code})`,
          selected: values.laCode === la.la_code,
        })),
      ],
    })
  }

  const renderUser = async (reply: FastifyReply, userId: string, errors: FieldErrors = {}, done?: string) => {
    const account = await accounts.get(userId)
    return reply.code(Object.keys(errors).length ? 400 : 200).page('admin/user.njk', {
      account,
      roleLabel: ROLE_INFO[account.role].label,
      errors,
      errorList: errorList(errors),
      done,
      actionHref: (action: string) => adminPaths.userAction.build({ userId, action }),
    })
  }

  return [
    {
      method: 'GET',
      url: adminPaths.users.pattern,
      permission: 'users.manage',
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        const list = await accounts.list({ role: query.role, search: query.q })
        return reply.page('admin/users.njk', {
          query,
          roleItems: [
            { value: '', text: 'Any role' },
            ...ROLES.map((role) => ({ value: role, text: ROLE_INFO[role].label, selected: query.role === role })),
          ],
          rows: list.map((account) => [
            {
              html: `<a class="govuk-link" href="${adminPaths.user.build({ userId: account.id })}">${escapeHtml(account.displayName)}</a>`,
            },
            { text: account.email },
            { text: ROLE_INFO[account.role].label },
            { text: account.laCode ?? account.regionCode ?? (account.laCodes.join(', ') || '–') },
            {
              html: account.disabled
                ? '<strong class="govuk-tag govuk-tag--grey">Disabled</strong>'
                : account.lockedUntil
                  ? '<strong class="govuk-tag govuk-tag--orange">Locked</strong>'
                  : '<strong class="govuk-tag govuk-tag--green">Active</strong>',
            },
          ]),
          count: list.length,
        })
      },
    },
    {
      method: 'GET',
      url: adminPaths.newUser.pattern,
      permission: 'users.manage',
      handler: async (_request, reply) => renderNewUser(reply, {}, {}),
    },
    {
      method: 'POST',
      url: adminPaths.newUser.pattern,
      permission: 'users.manage',
      handler: async (request, reply) => {
        const body = request.body as FormBody
        const laCodesText = text(body, 'laCodes')
        const input: AccountInput = {
          email: text(body, 'email'),
          displayName: text(body, 'displayName'),
          role: text(body, 'role'),
          regionCode: text(body, 'regionCode'),
          laCode: text(body, 'laCode'),
          laCodes: laCodesText.split(/[\s,;]+/).filter(Boolean),
          password: typeof body.password === 'string' ? body.password : '',
        }
        try {
          const id = await accounts.create(request.principal!, input, request.id)
          return reply.redirect(adminPaths.user.build({ userId: id }) + '?done=created', 303)
        } catch (error) {
          if (error instanceof ValidationError)
            return renderNewUser(reply, { ...input, password: '', laCodesText }, { ...error.fieldErrors })
          throw error
        }
      },
    },
    {
      method: 'GET',
      url: adminPaths.user.pattern,
      permission: 'users.manage',
      handler: async (request, reply) => {
        const { userId } = request.params as { userId: string }
        return renderUser(reply, userId, {}, (request.query as Record<string, string>).done)
      },
    },
    {
      method: 'POST',
      url: adminPaths.userAction.pattern,
      permission: 'users.manage',
      handler: async (request, reply) => {
        const { userId, action } = request.params as { userId: string; action: string }
        const admin = request.principal!
        try {
          if (action === 'disable') await accounts.setDisabled(admin, userId, true, request.id)
          else if (action === 'enable') await accounts.setDisabled(admin, userId, false, request.id)
          else if (action === 'unlock') await accounts.unlock(admin, userId, request.id)
          else if (action === 'password')
            await accounts.resetPassword(admin, userId, String((request.body as FormBody).password ?? ''), request.id)
          else return renderUser(reply, userId, { action: 'Choose an action on this page' })
        } catch (error) {
          if (error instanceof ValidationError) return renderUser(reply, userId, { ...error.fieldErrors })
          if (error instanceof ConflictError) return renderUser(reply, userId, { action: error.message })
          throw error
        }
        return reply.redirect(`${adminPaths.user.build({ userId })}?done=${action}`, 303)
      },
    },
    {
      method: 'GET',
      url: adminPaths.audit.pattern,
      permission: 'audit.search',
      handler: async (request, reply) => {
        const query = request.query as Record<string, string | undefined>
        const errors: FieldErrors = {}
        const from = query.from?.trim() || undefined
        const to = query.to?.trim() || undefined
        if (from && !isIsoDate(from)) errors.from = 'Enter the from date as YYYY-MM-DD, for example 2026-11-01'
        if (to && !isIsoDate(to)) errors.to = 'Enter the to date as YYYY-MM-DD, for example 2026-11-30'
        const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1)
        const search = {
          actor: query.actor?.trim() || undefined,
          action: query.action || undefined,
          recordType: query.recordType || undefined,
          recordId: query.recordId?.trim() || undefined,
          laCode: query.laCode?.trim() || undefined,
          from: errors.from ? undefined : from,
          to: errors.to ? undefined : to,
          page,
          pageSize: PAGE_SIZE,
        }
        const [result, vocabulary] = await Promise.all([searchAudit(db, search), auditVocabulary(db)])
        const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
        const pageHref = (n: number) =>
          `${adminPaths.audit.build({})}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== 'page' && value)), page: String(n) } as Record<string, string>).toString()}`
        return reply.code(Object.keys(errors).length ? 400 : 200).page('admin/audit.njk', {
          query,
          errors,
          errorList: errorList(errors),
          total: result.total,
          rows: result.events.map((event) => [
            {
              text: new Intl.DateTimeFormat('en-GB', {
                dateStyle: 'medium',
                timeStyle: 'medium',
                timeZone: 'Europe/London',
              }).format(new Date(event.occurred_at)),
              classes: 'app-nowrap',
            },
            { text: event.actor_label },
            { text: auditActionLabel(event.action) },
            { text: `${event.record_type}${event.record_id ? ` ${event.record_id}` : ''}` },
            { text: event.la_code ?? '' },
            { text: event.summary },
          ]),
          actionItems: [
            { value: '', text: 'Any action' },
            ...vocabulary.actions.map(({ value, label }) => ({ value, text: label, selected: value === query.action })),
          ],
          recordTypeItems: [
            { value: '', text: 'Any record' },
            ...vocabulary.recordTypes.map((value) => ({ value, text: value, selected: value === query.recordType })),
          ],
          pagination:
            pages > 1
              ? {
                  previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
                  next: page < pages ? { href: pageHref(page + 1) } : undefined,
                  items: Array.from({ length: pages }, (_, i) => i + 1)
                    .filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2)
                    .flatMap((n, i, list) =>
                      i > 0 && n - list[i - 1]! > 1
                        ? [{ ellipsis: true }, { number: n, href: pageHref(n), current: n === page }]
                        : [{ number: n, href: pageHref(n), current: n === page }],
                    ),
                }
              : undefined,
        })
      },
    },
  ]
}
