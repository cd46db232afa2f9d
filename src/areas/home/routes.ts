import type { FastifyReply } from 'fastify'
import { can } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { ruleLink } from '../../web/rule-links.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths } from '../activities/index.js'
import { programmePaths } from '../programme/index.js'
import { registerPaths, type RegisterService } from '../register/index.js'
import { sortDashboard } from './dashboard.js'
import { homePaths } from './paths.js'
import type { DashboardItem, DashboardProvider } from './types.js'

export interface HomeRouteDeps {
  /** The LAs an LA or DfE account's home page lists. */
  readonly register: Pick<RegisterService, 'list'>
  /** Each area's part of "what needs you". */
  readonly providers: readonly DashboardProvider[]
}

const URGENCY_TAGS: Readonly<Record<DashboardItem['urgency'], string>> = {
  overdue: '<strong class="govuk-tag govuk-tag--red">Overdue</strong>',
  today: '<strong class="govuk-tag govuk-tag--orange">Today</strong>',
  soon: '<strong class="govuk-tag govuk-tag--grey">Coming up</strong>',
}

/** The home page: what needs you today, what you can do, and the LAs in your scope. */
export function homeRoutes({ register, providers }: HomeRouteDeps): RouteSpec[] {
  async function homePage(request: SignedInRequest, reply: FastifyReply) {
    const { principal } = request
    const role = ROLE_INFO[principal.role]
    const scoped = role.kind === 'la' || role.kind === 'dfe'
    const entries = scoped && can(principal, 'register.view') ? await register.list(principal) : []
    const needs = sortDashboard((await Promise.all(providers.map((provider) => provider(principal)))).flat())
    return reply.page('home/index.njk', {
      role,
      needs: needs.map((item) => ({
        ...item,
        tag: URGENCY_TAGS[item.urgency],
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
        can(principal, 'register.import') && {
          href: '/admin/register-import',
          text: 'Import Ofsted’s outcomes',
          hint: 'Upload Ofsted’s published outcomes file, see what it would change, then import it',
        },
        can(principal, 'activity.view') && {
          href: activityPaths.list.build({}),
          text: 'Inspections and visits',
          hint: 'Timelines, teams, notice and Annex A',
        },
        can(principal, 'programme.view') && {
          href: programmePaths.plan.build({}),
          text: 'Programme',
          hint: 'Due windows and planned activities month by month; propose and check new ones',
        },
        can(principal, 'activity.view') &&
          role.kind === 'ofsted' && {
            href: activityPaths.feedSettings.build({}),
            text: 'Your calendar feed',
            hint: 'Subscribe to your inspections in Outlook',
          },
        { href: '/account/api-tokens', text: 'API tokens', hint: 'Let your own systems use the API' },
        can(principal, 'reminders.manage') && {
          href: homePaths.reminders.build({}),
          text: 'Your reminders',
          hint: 'What the service emails you about, and stopping a kind',
        },
        can(principal, 'intervention.view') && {
          href: '/interventions',
          text: 'Interventions',
          hint: 'Local authorities in intervention: notices, boards, reports and triggers',
        },
        can(principal, 'engagement.view') && {
          href: '/engagement',
          text: 'Self-evaluation and annual engagement',
          hint: 'Self-evaluations shared, engagement meetings and their letters',
        },
      ].filter(Boolean),
    })
  }

  return [route({ method: 'GET', url: homePaths.home.pattern, permission: 'home.view', handler: homePage })]
}
