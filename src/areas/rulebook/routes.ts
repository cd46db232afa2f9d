import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { NotFoundError } from '../../errors.js'
import { quoteExcerpts, RULEBOOK, RULEBOOK_SECTIONS, ruleById, type RulebookEntry } from '../../rules/rulebook.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { ruleHref } from '../../web/rule-links.js'
import { ruleParams } from './forms.js'
import { rulebookPaths } from './paths.js'

function present(entry: RulebookEntry) {
  return {
    ...entry,
    href: ruleHref(entry.id),
    quoteParts: quoteExcerpts(entry),
    implementations: entry.implementedBy.map((item) => `src/rules/${item.module}.ts: ${item.exports.join(', ')}`),
  }
}

/**
 * The rulebook (issue 4): every rule with its plain-English statement, citation, the quoted
 * source paragraph and any decision we made where the sources are ambiguous. Public: the rules
 * come from public guidance, and LAs should see how every date they are given was worked out.
 */
export function rulebookRoutes(): RouteSpec[] {
  async function indexPage(_request: SignedInRequest, reply: FastifyReply) {
    return reply.page('rulebook/index.njk', {
      sections: RULEBOOK_SECTIONS.map((section) => ({
        title: section,
        id: section.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        rules: RULEBOOK.filter((entry) => entry.section === section).map(present),
      })),
      count: RULEBOOK.length,
      decisions: RULEBOOK.filter((entry) => entry.decision).length,
    })
  }

  async function rulePage(request: SignedInRequest<z.output<typeof ruleParams>>, reply: FastifyReply) {
    const { ruleId } = request.params
    const entry = ruleById(ruleId)
    if (!entry) throw new NotFoundError()
    return reply.page('rulebook/rule.njk', { rule: present(entry) })
  }

  return [
    route({ method: 'GET', url: rulebookPaths.index.pattern, permission: 'public', handler: indexPage }),
    route({
      method: 'GET',
      url: rulebookPaths.rule.pattern,
      permission: 'public',
      params: ruleParams,
      handler: rulePage,
    }),
  ]
}
