/**
 * Where Ofsted's files disagree about an inspection (issue 14, ADR 0030): the register keeps one
 * value and shows the other, never hides it. A newer file (by the date it is "as at") changes
 * what an earlier file's import gave; an older or same-date file, or a second table of the same
 * file, is listed as a disagreement and kept beside the record as a reading.
 */
import type { JudgementActivityType } from '../frameworks.js'
import type { OutcomeReading } from '../readings.repository.js'

/** The fields of an inspection two readings can disagree on (the export's names). */
export type ReadingField = OutcomeReading['field']

/** A disagreement as `ilacs register import --json` prints it, under "disagreements". */
export interface Disagreement {
  readonly sheet: string
  readonly row: number
  readonly laCode: string
  readonly field: ReadingField
  readonly kept: string
  readonly fileSays: string
}

export interface FieldChange {
  readonly field: ReadingField
  readonly before: string
  readonly after: string
}

/** The fields on which `offered` says something other than `held` (what one does not say is no disagreement). */
export function differingFields(
  held: { activityType: JudgementActivityType | null; start: string | null },
  offered: { activityType: JudgementActivityType | null; start: string | null },
): FieldChange[] {
  const changes: FieldChange[] = []
  if (held.activityType && offered.activityType && held.activityType !== offered.activityType)
    changes.push({ field: 'type', before: held.activityType, after: offered.activityType })
  if (held.start && offered.start && held.start !== offered.start)
    changes.push({ field: 'start', before: held.start, after: offered.start })
  return changes
}

/** The file a record's source names ("file.ods, sheet row 3; …" → "file.ods"). */
export function fileOf(sourceDetail: string | null): string | null {
  return sourceDetail ? (sourceDetail.split(', ')[0] ?? null) : null
}

/**
 * Whether the file being imported (as at `asAt`) is newer than the file a record came from:
 * only then does it change the record. A file that does not say its date is never newer.
 */
export function isNewerFile(
  asAt: string | null,
  sourceDetail: string | null,
  fileDates: ReadonlyMap<string, string | null>,
): boolean {
  const file = fileOf(sourceDetail)
  const held = file ? fileDates.get(file) : null
  return Boolean(asAt && held && asAt > held)
}

/** A change in words, for the dry run: "type standard-inspection → short-inspection". */
export function describeChange(change: FieldChange): string {
  return `${change.field} ${change.before} → ${change.after}`
}
