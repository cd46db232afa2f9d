import { randomUUID } from 'node:crypto'
import view from '@fastify/view'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import fp from 'fastify-plugin'
import '@fastify/csrf-protection'
import './session.js'
import nunjucks from 'nunjucks'
import { type Action, can, type Principal } from '../../auth/policy.js'
import { SUBMISSION_FIELD } from '../../auth/form-submissions.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { formatDate, formatLongDate, isIsoDate } from '../../rules/calendar/dates.js'
import { govukFrontendDist } from '../paths.js'
import { plural } from '../words.js'
import { citationLink, sourcesHtml } from '../rule-links.js'
import { PART_SLOT, cachedParts } from '../cached-parts.js'
import { renderTable, type TableParams } from '../table.js'

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Render a page inside the layout with the request's shared context (user, CSRF, nonce).
     * `csrf: false` renders no CSRF token (and so sets no cookie) for a visitor who is not signed
     * in, on public pages that have no form and may be cached (issue 11: `/published`).
     */
    page(template: string, context?: Record<string, unknown>, options?: { csrf?: boolean }): FastifyReply
  }
}

export interface ViewsOptions {
  /** Folders searched for templates, in order; GOV.UK Frontend's come last. */
  readonly viewDirs: readonly string[]
  readonly production: boolean
  readonly demoData: boolean
}

export const SERVICE_NAME = "Inspection of local authority children's services"

interface NavigationItem {
  readonly href: string
  readonly text: string
  readonly active: boolean
}

const NAVIGATION: ReadonlyArray<{ href: string; text: string; action: Action }> = [
  { href: '/', text: 'Home', action: 'home.view' },
  { href: '/register', text: 'Register', action: 'register.view' },
  { href: '/activities', text: 'Inspections and visits', action: 'activity.view' },
  { href: '/programme', text: 'Programme', action: 'programme.view' },
  { href: '/interventions', text: 'Interventions', action: 'intervention.view' },
  { href: '/monitoring', text: 'Monitoring', action: 'monitoring.view' },
  { href: '/engagement', text: 'Engagement', action: 'engagement.view' },
  { href: '/rules', text: 'Rulebook', action: 'rules.view' },
  { href: '/admin/users', text: 'Accounts', action: 'users.manage' },
  { href: '/admin/audit', text: 'Audit log', action: 'audit.search' },
]

/**
 * Who is signed in, as the header shows it: the name, then the role unless the name already
 * says it (the demo accounts are named after their roles).
 */
export function accountLabel(principal: Pick<Principal, 'displayName' | 'role'>): string {
  const role = ROLE_INFO[principal.role].label
  return principal.displayName.toLowerCase().includes(role.toLowerCase())
    ? principal.displayName
    : `${principal.displayName} (${role})`
}

/** Service navigation for the signed-in role: only what the role may use. */
export function navigationFor(principal: Principal | undefined, currentPath: string): NavigationItem[] {
  if (!principal) return []
  return NAVIGATION.filter((item) => can(principal, item.action)).map((item) => ({
    href: item.href,
    text: item.text,
    active:
      item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
  }))
}

/**
 * Every folder of templates: each area's `views/`, `auth/views/`, the shared `web/views/`, and
 * `web/` itself for components (`components/timeline/macro.njk`). Found, not listed, so a new
 * area's views need no registration; each area keeps its templates under a folder of its own
 * name, so two areas never offer the same template path.
 */
export function findViewDirs(srcDir: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const path = join(dir, entry.name)
      if (entry.name === 'views') found.push(path)
      else walk(path)
    }
  }
  walk(srcDir)
  // The shared layout first, so `layout.njk` and `form-page.njk` are always ours.
  const shared = join(srcDir, 'web', 'views')
  return [shared, join(srcDir, 'web'), ...found.filter((dir) => dir !== shared).sort()]
}

/**
 * `{{ csrfField() }}`: the hidden inputs every form carries: the page's CSRF token, and a key of
 * this form's own, made now, by which a second sending of the same form is recognised and done
 * once (src/auth/form-submissions.ts).
 */
function csrfField(this: { ctx: Record<string, unknown> }): nunjucks.runtime.SafeString {
  const token = String(this.ctx.csrfToken ?? '')
  const escape = (nunjucks.lib as unknown as { escape(text: string): string }).escape
  return new nunjucks.runtime.SafeString(
    `<input type="hidden" name="_csrf" value="${escape(token)}"><input type="hidden" name="${SUBMISSION_FIELD}" value="${randomUUID()}">`,
  )
}

/** The app's filters and globals; each environment (one per app) keeps its own cached parts. */
export function configureViews(env: nunjucks.Environment): void {
  env.addGlobal('csrfField', csrfField)
  env.addGlobal('cachedPart', cachedParts())
  env.addGlobal('partSlot', new nunjucks.runtime.SafeString(PART_SLOT))
  // `appTable(params)`: GOV.UK's table from the same parameters as `govukTable`, without a macro per cell.
  env.addGlobal('appTable', (params: TableParams) => new nunjucks.runtime.SafeString(renderTable(params)))
  env.addGlobal('citationLink', (citation: string) => new nunjucks.runtime.SafeString(citationLink(citation)))
  env.addFilter('date', (value: unknown) => (typeof value === 'string' && isIsoDate(value) ? formatDate(value) : value))
  env.addFilter('longDate', (value: unknown) =>
    typeof value === 'string' && isIsoDate(value) ? formatLongDate(value) : value,
  )
  env.addFilter('dateTime', (value: unknown) =>
    value instanceof Date || typeof value === 'string'
      ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }).format(
          new Date(value),
        )
      : value,
  )
  env.addFilter('plural', (count: number, one: string, many?: string) => plural(Number(count), one, many))
  env.addFilter('roleLabel', (role: string) => ROLE_INFO[role as keyof typeof ROLE_INFO]?.label ?? role)
}

/** Nunjucks views with GOV.UK Frontend, and `reply.page()` for the shared layout context. */
export const viewsPlugin = fp(async function views(app: FastifyInstance, options: ViewsOptions) {
  await app.register(view, {
    engine: { nunjucks },
    templates: [...options.viewDirs, govukFrontendDist],
    production: options.production,
    options: {
      onConfigure: configureViews,
      autoescape: true,
      throwOnUndefined: false,
      trimBlocks: true,
      lstripBlocks: true,
    },
  })
  app.decorateReply(
    'page',
    function page(
      this: FastifyReply,
      template: string,
      context: Record<string, unknown> = {},
      pageOptions: { csrf?: boolean } = {},
    ) {
      const request: FastifyRequest = this.request
      const path = request.url.split('?')[0] ?? '/'
      const principal = request.principal
      // The layout's one form (sign out) shows only to a signed-in user, who always gets a token.
      const csrf = pageOptions.csrf !== false || principal !== undefined
      return this.view(template, {
        serviceName: SERVICE_NAME,
        principal,
        roleLabel: principal ? ROLE_INFO[principal.role].label : undefined,
        accountLabel: principal ? accountLabel(principal) : undefined,
        navigation: navigationFor(principal, path),
        currentPath: path,
        csrfToken: csrf ? this.sessionCsrfToken() : undefined,
        cspNonce: (this as FastifyReply & { cspNonce?: { script?: string } }).cspNonce?.script,
        demoData: options.demoData,
        errorSourcesHtml: sourcesHtml(request.errorSources ?? []),
        ...context,
      })
    },
  )
})
