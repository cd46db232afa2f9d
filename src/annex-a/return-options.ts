/**
 * The options of one return's check, built the same way by the CLI (`ilacs annex-a validate`)
 * and the web upload, so the same files give the same answer (issue 10): the inspection date,
 * the lists asked for and the lists declared empty. Both use the pipeline's own calendar (the
 * rules core's England-and-Wales working days) and its default limits.
 */
import type { IsoDate } from '../rules/calendar/dates.js'
import type { ListNumber } from './spec.js'

export interface ReturnOptions {
  readonly asOf: IsoDate
  readonly asked?: readonly ListNumber[] | undefined
  readonly declaredEmpty?: readonly ListNumber[] | undefined
}

export function annexAOptions({ asOf, asked, declaredEmpty }: ReturnOptions): {
  asOf: IsoDate
  asked?: readonly ListNumber[]
  declaredEmpty?: readonly ListNumber[]
} {
  return { asOf, ...(asked ? { asked } : {}), ...(declaredEmpty ? { declaredEmpty } : {}) }
}
