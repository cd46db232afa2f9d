/**
 * The judgement history file read by `ilacs pathway` and `ilacs intervention`: a JSON array of
 * {published, type, overall} (and fieldworkStart, optional: G2 then reads the five years by both
 * dates). Kept in its own module so zod loads only for these commands.
 * A judgement without an overall grade (from April 2026 none is given) may give its area grades
 * instead, `grades: {helpAndProtection, childrenInCare, careLeavers?, leaders}`, as the export
 * does; the rules core's derived grade (S6) then stands in (issue 14: such histories were refused).
 */
import { z } from 'zod'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { JUDGEMENT_TYPES, type HistoryEntry } from '../../rules/history.js'
import { derivedOverall, GRADES, type Grade } from '../../rules/judgements.js'
import { ACTIVITY_TYPES } from '../../rules/types.js'

const entry = z
  .object({
    published: z.string().refine(isIsoDate, 'published must be a date written YYYY-MM-DD'),
    fieldworkStart: z.string().refine(isIsoDate, 'fieldworkStart must be a date written YYYY-MM-DD').optional(),
    type: z.enum([...ACTIVITY_TYPES, 'sif-inspection'], {
      message: `type must be one of ${[...ACTIVITY_TYPES, 'sif-inspection'].join(', ')}`,
    }),
    overall: z.enum(GRADES, { message: `overall must be one of ${GRADES.join(', ')}` }).nullish(),
    grades: z
      .object({
        helpAndProtection: z.enum(GRADES).nullish(),
        childrenInCare: z.enum(GRADES).nullish(),
        careLeavers: z.enum(GRADES).nullish(),
        leaders: z.enum(GRADES).nullish(),
      })
      .partial()
      .passthrough()
      .nullish(),
  })
  .transform(({ grades, ...item }) => ({ ...item, overall: item.overall ?? fromAreas(grades) }))
  .refine((item) => !JUDGEMENT_TYPES.includes(item.type) || Boolean(item.overall), {
    message: 'a judgement inspection needs its overall grade, or its area grades to derive one from',
    path: ['overall'],
  })

type Areas = {
  helpAndProtection?: Grade | null
  childrenInCare?: Grade | null
  careLeavers?: Grade | null
  leaders?: Grade | null
}

/** The derived overall grade (S6) of a judgement given only its areas, or null when an area is missing. */
function fromAreas(grades: Areas | null | undefined): Grade | null {
  if (!grades?.helpAndProtection || !grades.childrenInCare || !grades.leaders) return null
  return derivedOverall({
    helpAndProtection: grades.helpAndProtection,
    childrenInCare: grades.childrenInCare,
    careLeavers: grades.careLeavers,
    leaders: grades.leaders,
  })
}

/** The schema of a history file. */
export const historySchema: z.ZodType<HistoryEntry[], unknown> = z.array(entry)
