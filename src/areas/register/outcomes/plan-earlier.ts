/**
 * What an import would do with the inspections under the frameworks before the SIF (issue 14):
 * history only, so never completed or corrected by a later file. The same inspection (LA, type,
 * publication date and former council) read twice is one record; one the register holds with the
 * same grades is unchanged; one it holds with other grades is a conflict for a person to settle.
 */
import type { EarlierInspection } from '../earlier-frameworks.js'
import type { Conflict } from './plan-import.js'
import type { OutcomeEarlier, RowSource } from './records.js'

export interface PlannedEarlier {
  readonly laCode: string
  readonly predecessor: string | null
  readonly framework: OutcomeEarlier['framework']
  readonly inspectionType: OutcomeEarlier['inspectionType']
  readonly start: string | null
  readonly published: string
  readonly grades: OutcomeEarlier['grades']
  readonly sources: readonly RowSource[]
}

const same = (
  a: { laCode: string; inspectionType: string; predecessor: string | null },
  b: { laCode: string; inspectionType: string; predecessor: string | null },
  aPublished: string | null,
  bPublished: string | null,
) =>
  a.laCode === b.laCode &&
  a.inspectionType === b.inspectionType &&
  a.predecessor === b.predecessor &&
  aPublished === bPublished

const gradesText = (grades: OutcomeEarlier['grades']) =>
  JSON.stringify(Object.entries(grades).sort(([a], [b]) => (a < b ? -1 : 1)))

/** Add a row's earlier inspection to the file's list, unless another row already gave it. */
export function mergeEarlier(
  list: PlannedEarlier[],
  laCode: string,
  predecessor: string | null,
  record: OutcomeEarlier,
): void {
  const planned = { laCode, predecessor, inspectionType: record.inspectionType }
  const found = list.findIndex((other) => same(other, planned, other.published, record.published))
  if (found >= 0) list[found] = { ...list[found]!, sources: [...list[found]!.sources, record.source] }
  else {
    const { framework, inspectionType, start, published, grades } = record
    list.push({ laCode, predecessor, framework, inspectionType, start, published, grades, sources: [record.source] })
  }
}

/** Which of the file's earlier inspections are new, which the register holds already, and which disagree. */
export function compareEarlier(
  planned: readonly PlannedEarlier[],
  existing: readonly EarlierInspection[],
): { create: PlannedEarlier[]; unchanged: number; conflicts: Conflict[] } {
  const result = { create: [] as PlannedEarlier[], unchanged: 0, conflicts: [] as Conflict[] }
  for (const next of planned) {
    const found = existing.find((held) => same(held, next, held.publishedOn, next.published))
    if (!found) result.create.push(next)
    else if (gradesText(found.grades) === gradesText(next.grades)) result.unchanged++
    else
      result.conflicts.push({
        laCode: next.laCode,
        sheet: next.sources[0]!.sheet,
        row: next.sources[0]!.row,
        reason: `The file grades the ${next.inspectionType} published ${next.published} ${gradesText(next.grades)}; the register holds ${gradesText(found.grades)}`,
      })
  }
  return result
}
