import type { RouteSpec } from '../../web/routing.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { can } from '../../auth/policy.js'
import type { RegisterService } from '../register/index.js'
import { registerPaths } from '../register/index.js'
import { programmePaths } from '../programme/index.js'
import { type DashboardProvider, sortDashboard } from './dashboard.js'
import { ruleLink } from '../../web/rule-links.js'

/** The home page: what needs you today, what you can do, and the LAs in your scope. */
export function homeRoutes(register: RegisterService, providers: readonly DashboardProvider[]): RouteSpec[] {
  return [
    {
      method: 'GET',
      url: '/',
      permission: 'home.view',
      handler: async (request, reply) => {
        const principal = request.principal!
        const role = ROLE_INFO[principal.role]
        const scoped = role.kind === 'la' || role.kind === 'dfe'
        const entries = scoped && can(principal, 'register.view') ? await register.list(principal) : []
        const needs = sortDashboard((await Promise.all(providers.map((provider) => provider(principal)))).flat())
        return reply.page('home/index.njk', {
          role,
          needs: needs.map((item) => ({
            ...item,
            tag:
              item.urgency === 'overdue'
                ? '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
                : item.urgency === 'today'
                  ? '<strong class="govuk-tag govuk-tag--orange">Today</strong>'
                  : '<strong class="govuk-tag govuk-tag--grey">Coming up</strong>',
            ruleHtml: item.rule ? ruleLink(item.rule, item.citation) : '',
          })),
          yourLas: entries.map((entry) => ({
            name: entry.la.name,
            href: registerPaths.show.build({ laCode: entry.la.laCode }),
          })),
          scoped,
          links: [
            can(principal, 'register.view') && {
              href: registerPaths.list.build({}),
              text: 'Register of local authorities',
              hint: 'Latest judgements and history',
            },
            can(principal, 'rules.view') && {
              href: '/rules',
              text: 'Rulebook',
              hint: 'Every rule and date the service computes, with its source',
            },
            can(principal, 'users.manage') && {
              href: '/admin/users',
              text: 'Accounts',
              hint: 'Create, disable and unlock accounts',
            },
            can(principal, 'audit.search') && { href: '/admin/audit', text: 'Audit log', hint: 'Who did what, when' },
            can(principal, 'activity.view') && {
              href: '/activities',
              text: 'Inspections and visits',
              hint: 'Timelines, teams, notice and Annex A',
            },
            can(principal, 'programme.view') && {
              href: programmePaths.plan.build({}),
              text: 'Programme',
              hint: 'Due windows and planned activities month by month; propose and check new ones',
            },
            can(principal, 'activity.view') &&
              ROLE_INFO[principal.role].kind === 'ofsted' && {
                href: '/calendar-feed',
                text: 'Your calendar feed',
                hint: 'Subscribe to your inspections in Outlook',
              },
            { href: '/account/api-tokens', text: 'API tokens', hint: 'Let your own systems use the API' },
          ].filter(Boolean),
        })
      },
    },
  ]
}
