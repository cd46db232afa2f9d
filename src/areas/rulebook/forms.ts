import { z } from 'zod'
import { RULE_IDS } from '../../rules/types.js'

/** The route inputs of the rulebook (ADR 0008): a rule id of RULES.md, in either case; any other is not a page. */
export const ruleParams = z.object({ ruleId: z.string().toUpperCase().pipe(z.enum(RULE_IDS)) })
