/**
 * The judgement history file read by `ilacs pathway` and `ilacs intervention`: a JSON array of
 * {published, type, overall}. Kept in its own module so zod loads only for these commands.
 */
import { z } from 'zod'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { JUDGEMENT_TYPES, type HistoryEntry } from '../../rules/history.js'
import { GRADES } from '../../rules/judgements.js'
import { ACTIVITY_TYPES } from '../../rules/types.js'

const entry = z
  .object({
    published: z.string().refine(isIsoDate, 'published must be a date written YYYY-MM-DD'),
    type: z.enum([...ACTIVITY_TYPES, 'sif-inspection'], {
      message: `type must be one of ${[...ACTIVITY_TYPES, 'sif-inspection'].join(', ')}`,
    }),
    overall: z.enum(GRADES, { message: `overall must be one of ${GRADES.join(', ')}` }).nullish(),
  })
  .refine((item) => !JUDGEMENT_TYPES.includes(item.type) || Boolean(item.overall), {
    message: 'a judgement inspection needs its overall grade',
    path: ['overall'],
  })

/** The schema of a history file. */
export const historySchema: z.ZodType<HistoryEntry[]> = z.array(entry)
