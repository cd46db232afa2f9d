import type { HistoryEntry } from '../../rules/history.js'
import { type PathwayStatus, pathwayStatus } from '../../rules/pathways.js'
import { currentRecords } from './history.js'
import { pathwayGrade } from './frameworks.js'
import type { JudgementRecord } from './types.js'

/**
 * The rules core's view of an LA's history: one entry per current judgement, with the grade its
 * pathway follows (overall effectiveness, or the grade derived from the areas where the framework gave no
 * overall grade — the decision in frameworks.ts `pathwayGrade`).
 */
export function historyEntries(records: readonly JudgementRecord[]): HistoryEntry[] {
  return currentRecords(records)
    .map((record) => ({
      published: record.publishedOn,
      type: record.activityType,
      overall: pathwayGrade(record.framework, record.grades)?.grade ?? null,
    }))
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0))
}

/** The LA's pathway, next judgement inspection and focused-visit allowance today (P1–P8). */
export function registerPathway(
  records: readonly JudgementRecord[],
  today: string,
  extra: readonly HistoryEntry[] = [],
): PathwayStatus | undefined {
  const outcome = pathwayStatus([...historyEntries(records), ...extra], today)
  return outcome.ok ? outcome.status : undefined
}
