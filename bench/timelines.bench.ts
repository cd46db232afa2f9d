/**
 * Times computing every activity timeline (RULES.md S2, S4, E7, M8, I6) for all 153 local
 * authorities over five years of weekly start dates, as the national programme planner would.
 *
 * Figures are ratios against a baseline measured in the same run: the same loops doing only
 * calendar-day arithmetic (one `addDays` per milestone the timeline produces), so the ratio is
 * the cost of working-day arithmetic, checks and milestone building over plain date sums.
 * `npm run bench -- timelines`.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { addDays, type IsoDate } from '../src/rules/calendar/dates.js'
import { requiredOnsiteWeekday, timelineFor } from '../src/rules/timelines/index.js'
import { ACTIVITY_TYPES, type ActivityType } from '../src/rules/types.js'

const here = dirname(fileURLToPath(import.meta.url))
const csv = readFileSync(join(here, '..', 'data', 'local-authorities.csv'), 'utf8')
const authorities = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0]!)
const WEEKS = 5 * 52
const FIRST_MONDAY = '2024-01-01'

// The first on-site day of each week for each type: Monday, or Tuesday for focused and
// monitoring visits (002#103, #129).
const startsByType = new Map<ActivityType, IsoDate[]>()
for (const type of ACTIVITY_TYPES) {
  const offset = (requiredOnsiteWeekday(type) ?? 1) - 1
  startsByType.set(
    type,
    Array.from({ length: WEEKS }, (_, week) => addDays(FIRST_MONDAY, 7 * week + offset)),
  )
}

// How many milestones each type produces, for a baseline of the same number of date sums.
const milestoneCount = new Map<ActivityType, number>()
for (const type of ACTIVITY_TYPES) {
  const result = timelineFor(type, startsByType.get(type)![1]!)
  milestoneCount.set(type, result.ok ? result.timeline.milestones.length : 0)
}

function timed(run: () => number): { ms: number; result: number } {
  const start = process.hrtime.bigint()
  const result = run()
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result }
}

function computeTimelines(type: ActivityType): number {
  let sink = 0
  for (let la = 0; la < authorities.length; la += 1) {
    for (const start of startsByType.get(type)!) {
      const result = timelineFor(type, start)
      sink += result.ok ? result.timeline.milestones.length : 1
    }
  }
  return sink
}

function baseline(type: ActivityType): number {
  const count = milestoneCount.get(type)!
  let sink = 0
  for (let la = 0; la < authorities.length; la += 1) {
    for (const start of startsByType.get(type)!) {
      for (let i = 0; i < count; i += 1) sink += addDays(start, i * 3).length
    }
  }
  return sink
}

// Warm up both paths so the JIT has compiled them before timing.
for (const type of ACTIVITY_TYPES) {
  timelineFor(type, startsByType.get(type)![0]!)
  addDays(FIRST_MONDAY, 1)
}

const perType = ACTIVITY_TYPES.map((type) => {
  const base = timed(() => baseline(type))
  const real = timed(() => computeTimelines(type))
  let refused = 0
  for (const start of startsByType.get(type)!) if (!timelineFor(type, start).ok) refused += 1
  return { type, base: base.ms, real: real.ms, milestones: milestoneCount.get(type)!, refusedWeeks: refused }
})

const timelines = authorities.length * WEEKS * ACTIVITY_TYPES.length
const totalReal = perType.reduce((sum, item) => sum + item.real, 0)
const totalBase = perType.reduce((sum, item) => sum + item.base, 0)
const perTimeline = (ms: number): string => `${((ms * 1000) / (authorities.length * WEEKS)).toFixed(1)} µs`

process.stdout.write(
  `${authorities.length} local authorities × ${WEEKS} weekly starts from ${FIRST_MONDAY} × ${ACTIVITY_TYPES.length} types = ${timelines.toLocaleString('en-GB')} timelines\n\n`,
)
process.stdout.write(
  `${'type'.padEnd(28)} ${'milestones'.padStart(10)} ${'per timeline'.padStart(13)} ${'baseline'.padStart(10)} ${'ratio'.padStart(7)}  refused weeks\n`,
)
for (const item of perType) {
  process.stdout.write(
    `${item.type.padEnd(28)} ${String(item.milestones).padStart(10)} ${perTimeline(item.real).padStart(13)} ${perTimeline(item.base).padStart(10)} ${`${(item.real / item.base).toFixed(1)}×`.padStart(7)}  ${item.refusedWeeks} (start not a working day)\n`,
  )
}
process.stdout.write(
  `\ntotal: ${(totalReal / 1000).toFixed(2)} s for every timeline, ${(totalBase / 1000).toFixed(2)} s baseline (calendar-day sums only): ratio ${(totalReal / totalBase).toFixed(1)}×\n`,
)
