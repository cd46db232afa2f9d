import { z } from 'zod'

/** The route inputs of the rulebook (ADR 0008). */
export const ruleParams = z.object({ ruleId: z.string() })
