import { FRAMEWORK_INFO, type Grade, pathwayGrade } from './frameworks.js'
import type { JudgementRecord, Standing } from './types.js'

/**
 * Reading an append-only judgement history: a record corrected by a later record is kept for
 * the audit trail but no longer counts; the LA's standing is its latest current judgement.
 */
export function currentRecords(records: readonly JudgementRecord[]): JudgementRecord[] {
  return records.filter((record) => record.correctedById === null)
}

/** The latest current judgement by publication date (ties: the later recorded). */
export function latestJudgement(records: readonly JudgementRecord[]): JudgementRecord | undefined {
  let latest: JudgementRecord | undefined
  for (const record of currentRecords(records)) {
    if (
      !latest ||
      record.publishedOn > latest.publishedOn ||
      (record.publishedOn === latest.publishedOn && record.recordedAt > latest.recordedAt)
    ) {
      latest = record
    }
  }
  return latest
}

/** The LA's standing from its latest judgement, or undefined when it has none. */
export function standing(records: readonly JudgementRecord[]): Standing | undefined {
  const record = latestJudgement(records)
  if (!record) return undefined
  const grade = pathwayGrade(record.framework, record.grades)
  return grade ? { ...grade, record } : undefined
}

/** The versions of a record, from the first entry to the latest correction. */
export function correctionChain(records: readonly JudgementRecord[], id: string): JudgementRecord[] {
  const byId = new Map(records.map((record) => [record.id, record]))
  let first = byId.get(id)
  while (first?.correctsId) first = byId.get(first.correctsId)
  const chain: JudgementRecord[] = []
  let next = first
  while (next) {
    chain.push(next)
    next = next.correctedById ? byId.get(next.correctedById) : undefined
  }
  return chain
}

/** Area rows for a record in its framework's order, with "Not graded" where no grade was given. */
export function gradeRows(record: JudgementRecord): Array<{ key: string; label: string; grade: Grade | undefined }> {
  return FRAMEWORK_INFO[record.framework].areas.map((area) => ({
    key: area.key,
    label: area.label,
    grade: record.grades[area.key],
  }))
}
