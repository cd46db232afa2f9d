import { publicationTimeliness } from '../../rules/timelines/publication.js'
import { type PublishedKind, timelineColumn } from './kinds.js'
import type { Publication } from './types.js'

/**
 * Drift (issue 11, "Drift is real"): how long published reports and letters took from the end of
 * fieldwork against the 21 or 16 working days of 002#216, grouped by type, region and year.
 * Pure: built from published facts only (partner letters go with their report and are left out,
 * so no publication is counted twice).
 */
export const TIMED_KINDS = ['inspection-report', 'focused-visit-letter', 'monitoring-visit-letter'] as const
export type TimedKind = (typeof TIMED_KINDS)[number]

export function isTimedKind(kind: PublishedKind): kind is TimedKind {
  return (TIMED_KINDS as readonly string[]).includes(kind)
}

/** One publication's timing. */
export interface Timed {
  readonly publication: Publication
  readonly kind: TimedKind
  readonly workingDays: number
  readonly statutory: number
  readonly daysLate: number
}

/** The figures of one group (a type, a region or a year). */
export interface TimelinessGroup {
  readonly key: string
  readonly label: string
  readonly count: number
  /** null when the group has no publications. */
  readonly medianWorkingDays: number | null
  readonly medianDaysLate: number | null
  readonly onTime: number
  readonly statutory: number | null
}

export function timed(publications: readonly Publication[]): Timed[] {
  return publications.flatMap((publication) => {
    const { kind, activityType } = publication
    // A 2015 offer's letter (no activity) is timed by the offer, not by 002#216.
    if (!isTimedKind(kind) || !activityType) return []
    const timing = publicationTimeliness(
      timelineColumn(kind, activityType),
      publication.fieldworkEnd,
      publication.publishedOn,
    )
    return [
      { publication, kind, workingDays: timing.workingDays, statutory: timing.statutory, daysLate: timing.daysLate },
    ]
  })
}

/** The median (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The figures of each group, in the order of `groups` (empty groups included, so a region with none shows). */
export function groupTimeliness(
  items: readonly Timed[],
  groups: ReadonlyArray<{ key: string; label: string }>,
  keyOf: (item: Timed) => string,
): TimelinessGroup[] {
  return groups.map((group) => {
    const members = items.filter((item) => keyOf(item) === group.key)
    const statutories = [...new Set(members.map((item) => item.statutory))]
    return {
      key: group.key,
      label: group.label,
      count: members.length,
      medianWorkingDays: median(members.map((item) => item.workingDays)),
      medianDaysLate: median(members.map((item) => item.daysLate)),
      onTime: members.filter((item) => item.daysLate === 0).length,
      statutory: statutories.length === 1 ? statutories[0]! : null,
    }
  })
}
