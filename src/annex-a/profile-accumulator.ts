/**
 * What the profile counts while rows stream (profile.ts): tallies by code index, named counters
 * and durations per list, and the tools each list's row hook is built with.
 */
import { AGE_BANDS } from './case-selection.js'
import type { ChildRegistry } from './child-registry.js'
import { CODE_SETS, type CodeSetName } from './code-sets.js'
import type { Measure } from './profile.js'
import type { RowView } from './row-view.js'
import type { ListNumber } from './spec.js'
import type { WorkingDayCount } from './working-day-count.js'

/** Counts by code index of one column; the last slot counts blanks and unreadable values. */
export interface Tally {
  readonly label: string
  readonly set: CodeSetName | null
  /** Labels of a tally that is not over a code set (stages). */
  readonly labels?: readonly string[]
  readonly counts: Float64Array
  /** Report by Ofsted's group rather than by code. */
  readonly grouped: boolean
}

export class Accumulator {
  rows = 0
  readonly ageBands = new Float64Array(AGE_BANDS.length)
  readonly genders: Tally
  readonly ethnicity: Tally
  disability: Tally | undefined
  readonly tallies: Tally[] = []
  /** Named counters, one slot per name (see `counter`). */
  readonly counters: Float64Array
  private readonly counterNames: string[] = []
  readonly durations = new Map<string, number[]>()

  constructor(list: ListNumber) {
    this.genders = makeTally('Gender', list === 11 ? 'GENDER_ADOPTER' : 'GENDER', false)
    this.ethnicity = makeTally('Ethnicity', 'ETHNICITY', true)
    this.counters = new Float64Array(32)
  }

  /** The slot of a counter (resolved once per sheet, not per row). */
  counter(name: string): number {
    let index = this.counterNames.indexOf(name)
    if (index < 0) {
      index = this.counterNames.length
      this.counterNames.push(name)
    }
    return index
  }

  n(name: string): number {
    const index = this.counterNames.indexOf(name)
    return index < 0 ? 0 : this.counters[index]!
  }

  tally(label: string, set: CodeSetName, grouped: boolean): Float64Array {
    let found = this.tallies.find((t) => t.label === label)
    if (!found) this.tallies.push((found = makeTally(label, set, grouped)))
    return found.counts
  }

  tallyOf(label: string, labels: readonly string[]): Float64Array {
    const tally: Tally = { label, set: null, labels, grouped: false, counts: new Float64Array(labels.length) }
    this.tallies.push(tally)
    return tally.counts
  }

  duration(name: string): number[] {
    let list = this.durations.get(name)
    if (!list) this.durations.set(name, (list = []))
    return list
  }

  median(name: string): number | null {
    const values = this.durations.get(name)
    if (!values || values.length === 0) return null
    // A typed array sorts numbers natively, several times faster than sort() with a comparator.
    const sorted = new Float64Array(values).sort()
    const mid = values.length >> 1
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  }
}

export function makeTally(label: string, set: CodeSetName, grouped: boolean): Tally {
  return { label, set, grouped, counts: new Float64Array(CODE_SETS[set].codes.length + 1) }
}

/** A tally as `{ label: count }`, by code or by group, "Not known" for blanks. */
export function tallyRecord(tally: Tally, includeUnknown: boolean): Record<string, number> {
  const out: Record<string, number> = {}
  if (tally.labels) {
    tally.labels.forEach((label, i) => {
      if (tally.counts[i]! > 0) out[label] = tally.counts[i]!
    })
    return out
  }
  const set = CODE_SETS[tally.set!]
  set.codes.forEach((code, i) => {
    const n = tally.counts[i]!
    if (n === 0) return
    const key = tally.grouped ? code.group : set.codeIsLabel ? code.label : `${code.code} ${code.label}`
    out[key] = (out[key] ?? 0) + n
  })
  const unknown = tally.counts[set.codes.length]!
  if (includeUnknown && unknown > 0) out['Not known'] = unknown
  return out
}

export type RowHook = (v: RowView, slot: number, acc: Accumulator) => void

export function measure(id: string, label: string, count: number, of: number, extra: Partial<Measure> = {}): Measure {
  return { id, label, count, of, percent: of > 0 ? Math.round((count / of) * 1000) / 10 : null, ...extra }
}

export function indexOfCode(set: CodeSetName, code: string): number {
  return CODE_SETS[set].codes.findIndex((c) => c.code === code)
}

/** What a list's row hook reads beyond its row: the dates it compares with and the registry it fills. */
export interface HookContext {
  readonly days: { readonly sixMonths: number; readonly twelveMonths: number; readonly twoYears: number }
  /** The inspection date as a day number. */
  readonly asOf: number
  readonly reg: ChildRegistry
  /** Working days between two day numbers; undefined leaves the working-day measures empty. */
  readonly workingDaysBetween: WorkingDayCount | undefined
}

/** The shorthands every list's hook uses: counter slots, the counters, "Yes" in YNU and YN, a tally's count. */
export function hookTools(acc: Accumulator) {
  return {
    c: (name: string) => acc.counter(name),
    n: acc.counters,
    yes: indexOfCode('YNU', 'Yes'),
    yesYN: indexOfCode('YN', 'Yes'),
    countIf: (counts: Float64Array, index: number) => {
      counts[index >= 0 ? index : counts.length - 1]!++
    },
  }
}
