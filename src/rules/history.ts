/**
 * An authority's judgement history: the published outcomes that decide its pathway (002#17,
 * #20, #23) and whether the DfE must appoint a commissioner (004#When does a council children's
 * services department go into intervention and why?).
 */
import type { IsoDate } from './calendar/dates.js'
import type { Grade } from './judgements.js'
import type { ActivityType } from './types.js'

/**
 * The activity types a history may hold, plus an inspection under the single inspection framework
 * and a joint targeted area inspection (JTAI, led with other inspectorates; 002#18, #21).
 */
export type HistoryType = ActivityType | 'sif-inspection' | 'jtai'

/** One published outcome. `overall` is the overall effectiveness grade of a judgement inspection. */
export interface HistoryEntry {
  published: IsoDate
  /** The first day of fieldwork, when known: G2 reads the five years by both dates. */
  fieldworkStart?: IsoDate | undefined
  type: HistoryType
  overall?: Grade | null
}

/** The framework a judgement was made under (002#22 fn4: re-inspection under the same one). */
export type Framework = 'ilacs' | 'sif'

/** Activity types that give an overall effectiveness grade. */
export const JUDGEMENT_TYPES: readonly HistoryType[] = [
  'standard-inspection',
  'short-inspection',
  'post-monitoring-inspection',
  'sif-inspection',
]

/** A graded judgement from the history. */
export interface Judgement extends HistoryEntry {
  overall: Grade
  framework: Framework
}

/** The framework of a judgement inspection: ILACS for standard and short inspections, else the SIF. */
export function frameworkOf(type: HistoryType): Framework {
  return type === 'standard-inspection' || type === 'short-inspection' ? 'ilacs' : 'sif'
}

/**
 * The graded judgements published on or before `on`, oldest first (entries on the same day keep
 * their input order).
 */
export function judgementsUpTo(history: readonly HistoryEntry[], on: IsoDate): Judgement[] {
  return history
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.published <= on && JUDGEMENT_TYPES.includes(entry.type) && entry.overall)
    .sort((a, b) =>
      a.entry.published < b.entry.published ? -1 : a.entry.published > b.entry.published ? 1 : a.index - b.index,
    )
    .map(({ entry }) => ({ ...entry, overall: entry.overall as Grade, framework: frameworkOf(entry.type) }))
}

/** The latest graded judgement published on or before `on`. */
export function latestJudgement(history: readonly HistoryEntry[], on: IsoDate): Judgement | undefined {
  return judgementsUpTo(history, on).at(-1)
}
