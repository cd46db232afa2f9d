import { auditActionLabel } from '../../auth/audit-actions.js'
import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import type { AccountsService } from '../../auth/accounts.js'
import { ROLE_INFO, ROLES } from '../../auth/roles.js'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { errorList, type FieldErrors, type FormState, valueOf } from '../../web/forms.js'
import { pageFilter, paginationLinks } from '../../web/list-filters.js'
import { escapeHtml } from '../../web/html.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import type { RegisterService } from '../register/index.js'
import { accountForm, auditQuery, buttonForm, passwordForm, userParams, userQuery, usersQuery } from './forms.js'
import { type AccountAction, adminPaths } from './paths.js'
import type { AdminService } from './service.js'

const PAGE_SIZE = 50

type UserRequest = SignedInRequest<z.output<typeof userParams>>

export interface AdminRouteDeps {
  readonly accounts: AccountsService
  readonly admin: AdminService
  /** The regions and LAs an account may be scoped to. */
  readonly register: Pick<RegisterService, 'regions' | 'localAuthorities'>
}

/**
 * Accounts (create, disable, enable, clear a sign-in wait, set a password) and the audit log. The regions and
 * LAs are the register's reference data, read once when the routes are built: the account form
 * checks its choices against them.
 */
export async function adminRoutes({ accounts, admin, register }: AdminRouteDeps): Promise<RouteSpec[]> {
  const [regions, las] = await Promise.all([register.regions(), register.localAuthorities()])
  const newAccountForm = accountForm({
    regionCodes: regions.map((region) => region.code),
    laCodes: las.map((la) => la.laCode),
  })
  const context = (request: SignedInRequest) => request.id

  async function usersPage(request: SignedInRequest<unknown, z.output<typeof usersQuery>>, reply: FastifyReply) {
    const { query } = request
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
            : account.signInSlowedUntil
              ? '<strong class="govuk-tag govuk-tag--orange">Sign-in slowed</strong>'
              : '<strong class="govuk-tag govuk-tag--green">Active</strong>',
        },
      ]),
      count: list.length,
    })
  }

  async function newUserPage(_request: SignedInRequest, reply: FastifyReply, state?: FormState) {
    const values = state?.values ?? {}
    return reply.page('admin/new-user.njk', {
      values,
      errors: state?.errors ?? {},
      errorList: formErrorList(newAccountForm, state),
      formAction: adminPaths.newUser.build({}),
      backHref: adminPaths.users.build({}),
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
          selected: valueOf(values, 'regionCode') === region.code,
        })),
      ],
      laItems: [
        { value: '', text: 'Not applicable' },
        ...las.map((la) => ({
          value: la.laCode,
          text: `${la.name} (${la.laCode})`,
          selected: valueOf(values, 'laCode') === la.laCode,
        })),
      ],
    })
  }

  /** An account with its actions; `done` says which one has just been done. */
  async function accountPage(request: UserRequest, reply: FastifyReply, state?: FormState, done?: string) {
    const { userId } = request.params
    const account = await accounts.get(userId)
    return reply.page('admin/user.njk', {
      account,
      roleLabel: ROLE_INFO[account.role].label,
      errors: state?.errors ?? {},
      errorList: formErrorList(passwordForm, state),
      done,
      actionHref: (action: AccountAction) => adminPaths[action].build({ userId }),
    })
  }

  async function auditPage(request: SignedInRequest<unknown, z.output<typeof auditQuery>>, reply: FastifyReply) {
    const { query } = request
    const errors: FieldErrors = {}
    const from = query.from?.trim() || undefined
    const to = query.to?.trim() || undefined
    if (from && !isIsoDate(from)) errors.from = 'Enter the from date as YYYY-MM-DD, for example 2026-11-01'
    if (to && !isIsoDate(to)) errors.to = 'Enter the to date as YYYY-MM-DD, for example 2026-11-30'
    // Seven digits is beyond any log.
    const { page, error: pageError } = pageFilter(query.page?.trim(), 7)
    if (pageError) errors.page = pageError
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
    const [result, vocabulary] = await Promise.all([admin.searchAudit(search), admin.auditVocabulary()])
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
      pagination: paginationLinks(page, pages, pageHref),
    })
  }

  /** Where an account's page goes after an action, saying it was done. */
  const doneHref = (request: UserRequest, done: string) => `${adminPaths.user.build(request.params)}?done=${done}`
  /** An account's one-button action (disable, enable, unlock): done, it shows the account again saying so. */
  const buttonRoute = (action: Exclude<AccountAction, 'password'>, run: (request: UserRequest) => Promise<unknown>) =>
    route({
      method: 'POST',
      url: adminPaths[action].pattern,
      permission: 'users.manage',
      params: userParams,
      form: buttonForm,
      page: accountPage,
      conflictField: 'action',
      submit: async (request: UserRequest) => {
        await run(request)
        return doneHref(request, action)
      },
    })

  return [
    route({
      method: 'GET',
      url: adminPaths.users.pattern,
      permission: 'users.manage',
      query: usersQuery,
      handler: usersPage,
    }),
    route({ method: 'GET', url: adminPaths.newUser.pattern, permission: 'users.manage', handler: newUserPage }),
    route({
      method: 'POST',
      url: adminPaths.newUser.pattern,
      permission: 'users.manage',
      form: newAccountForm,
      page: newUserPage,
      submit: async (request, input) => {
        const id = await accounts.create(request.principal, input, context(request))
        return `${adminPaths.user.build({ userId: id })}?done=created`
      },
    }),
    route({
      method: 'GET',
      url: adminPaths.user.pattern,
      permission: 'users.manage',
      params: userParams,
      query: userQuery,
      handler: (request, reply) => accountPage(request, reply, undefined, request.query.done),
    }),
    buttonRoute('disable', (request) =>
      accounts.setDisabled(request.principal, request.params.userId, true, context(request)),
    ),
    buttonRoute('enable', (request) =>
      accounts.setDisabled(request.principal, request.params.userId, false, context(request)),
    ),
    buttonRoute('unlock', (request) => accounts.unlock(request.principal, request.params.userId, context(request))),
    route({
      method: 'POST',
      url: adminPaths.password.pattern,
      permission: 'users.manage',
      params: userParams,
      form: passwordForm,
      page: accountPage,
      conflictField: 'action',
      submit: async (request, input) => {
        await accounts.resetPassword(request.principal, request.params.userId, input.password, context(request))
        return doneHref(request, 'password')
      },
    }),
    route({
      method: 'GET',
      url: adminPaths.audit.pattern,
      permission: 'audit.search',
      query: auditQuery,
      handler: auditPage,
    }),
  ]
}
