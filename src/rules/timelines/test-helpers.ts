/**
 * Test helpers for timelines (002#242, #216): look a milestone up by key. Kept out of the
 * production entry points; used only by the *.test.ts files beside it.
 */
import type { Outcome } from '../types.js'
import type { Timeline } from './common.js'

/** The timeline of an outcome that must not be a refusal; fails the test otherwise. */
export function accepted(outcome: Outcome<{ timeline: Timeline }>): Timeline {
  if (!outcome.ok) throw new Error(`Refused: ${outcome.reason}`)
  return outcome.timeline
}

/** Milestone dates by key (the first milestone with each key). */
export function datesByKey(timeline: Timeline): Record<string, string> {
  const dates: Record<string, string> = {}
  for (const item of timeline.milestones) dates[item.key] ??= item.date
  return dates
}
