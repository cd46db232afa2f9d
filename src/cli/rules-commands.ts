/**
 * The rules part of `ilacs`: the rulebook, working days, timelines, pathways, what follows an
 * inadequate judgement, judgements, descriptors and intervention (issue 4; RULES.md, e.g. the
 * notice of 002#73 and the Annex A milestones of 002#242).
 */
import type { Command } from 'commander'
import { registerCalendarCommands } from './rules/calendar-commands.js'
import { registerInadequateCommands } from './rules/inadequate-commands.js'
import { registerJudgementCommands } from './rules/judgement-commands.js'
import { registerRulebookCommands } from './rules/rulebook-commands.js'
import { registerTimelineCommand } from './rules/timeline-commands.js'

/** Register every rules command on `program`. */
export function registerRulesCommands(program: Command): void {
  registerRulebookCommands(program)
  registerCalendarCommands(program)
  registerTimelineCommand(program)
  registerInadequateCommands(program)
  registerJudgementCommands(program)
}
