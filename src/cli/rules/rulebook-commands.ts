/**
 * `ilacs rules list` and `ilacs rules show ID`: the rulebook (every rule of RULES.md with its
 * citation, e.g. C2 `002#73 fn18`).
 */
import type { Command } from 'commander'
import { RULEBOOK, ruleById } from '../../rules/rulebook.js'
import { UsageError, action } from '../io.js'
import { output, withRuleErrors } from './shared.js'

/** Register `ilacs rules`. */
export function registerRulebookCommands(program: Command): void {
  const rules = program.command('rules').description('the rulebook: every rule with its citation')
  withRuleErrors(rules.command('list'), 'see `ilacs rules --help`')
    .description('every rule: id, title and citation')
    .option('--json', 'print one JSON value')
    .action(
      action((options: { json?: boolean }) => {
        const list = RULEBOOK.map((entry) => ({
          id: entry.id,
          title: entry.title,
          citation: entry.citation,
          section: entry.section,
        }))
        output(options.json, list, () =>
          list.map((entry) => `${entry.id.padEnd(4)} ${entry.title} (${entry.citation})`).join('\n'),
        )
      }),
    )
  withRuleErrors(rules.command('show'), 'see `ilacs rules list`')
    .description('one rule in full: statement, citation, quote, decision and implementing functions')
    .argument('<id>', 'e.g. C2')
    .option('--json', 'print one JSON value')
    .action(
      action((id: string, options: { json?: boolean }) => {
        const entry = ruleById(id.toUpperCase())
        if (!entry) throw new UsageError(`ID ${id} is not a rule id; see \`ilacs rules list\``)
        output(options.json, entry, () =>
          [
            `${entry.id} ${entry.title} (${entry.citation})`,
            '',
            entry.statement,
            '',
            `“${entry.quote}”`,
            ...(entry.decision ? ['', `Decision: ${entry.decision}`] : []),
            '',
            `Implemented by: ${entry.implementedBy.map((item) => `${item.module}: ${item.exports.join(', ')}`).join('; ')}`,
          ].join('\n'),
        )
      }),
    )
}
