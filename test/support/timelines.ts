/**
 * Test helpers for the rules timelines: look a milestone up by key.
 * Used by src/rules/timelines/*.test.ts.
 */
import type { Outcome } from '../../src/rules/types.js'
import type { Timeline } from '../../src/rules/timelines/common.js'

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
