/** The shape of the rulebook's entries and the sections of RULES.md they fall in (each entry cites its paragraph, e.g. 002#242). */
import type { RuleId } from '../types.js'

/** An export of `src/rules/` that implements a rule: `module` is its path under src/rules without `.ts`. */
export interface Implementation {
  module: string
  exports: string[]
}

/** One rule of RULES.md. */
export interface RulebookEntry {
  id: RuleId
  section: string
  title: string
  statement: string
  citation: string
  quote: string
  decision: string | null
  implementedBy: Implementation[]
}

/** The sections of RULES.md, in order. */
export const RULEBOOK_SECTIONS = [
  'Calendar',
  'Pathways and proportionate timing',
  'Activity outside inspection',
  'Standard, short inspections and focused visits',
  'Evidence, feedback, reports',
  'After an inadequate judgement',
  'The 2015 improvement offer',
  'Government intervention',
] as const
