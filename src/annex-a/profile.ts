/**
 * The inspectors' picture of a return: per-list counts, age bands, gender, ethnicity groups and
 * disability; the timeliness measures the lists allow; and the per-child summaries for case
 * selection (002#150-153). Everything is plain JSON so the web layer can store it.
 *
 * While rows stream, counts are kept in typed arrays indexed by code (no string keys per row);
 * labels are attached once, in `finish`.
 */
import { addMonths, addYears, type IsoDate } from '../rules/calendar/dates.js'
import {
  AGE_BANDS,
  CASE_SELECTION_FACTORS,
  FACTORS_NOT_IN_ANNEX_A,
  THRESHOLDS,
  ageBandIndex,
  type CaseSelectionFactor,
} from './case-selection.js'
import { buildChildrenTable, type ChildrenTable } from './children-table.js'
import type { ChildRegistry } from './child-registry.js'
import { Accumulator, makeTally, type RowHook, tallyRecord } from './profile-accumulator.js'
import { careHook } from './profile-care-hooks.js'
import { helpAndProtectionHook } from './profile-help-hooks.js'
import { listMeasures } from './profile-measures.js'
import { dayNumber, type AgeTable } from './day-numbers.js'
import type { WorkingDayCount } from './working-day-count.js'
import type { FieldIndex, RowView } from './row-view.js'
import { LISTS, type ListNumber } from './spec.js'

/** England-and-Wales working days after `from` up to and including `to` (src/rules/calendar/working-days.ts). */
export type WorkingDaysBetween = (from: IsoDate, to: IsoDate) => number

export interface Measure {
  readonly id: string
  readonly label: string
  /** Rows or children meeting the measure. */
  readonly count: number | null
  /** Out of how many. */
  readonly of: number | null
  readonly percent: number | null
  /** Median of a duration, where the measure is one. */
  readonly median?: number | null
  readonly unit?: 'days' | 'working days'
  readonly note?: string
  readonly citation?: string
}

export interface ListProfile {
  readonly list: number
  readonly title: string
  readonly rows: number
  /** Distinct Child Unique IDs (adopters for List 11). */
  readonly children: number
  /** Counts over rows (lists 1 and 2 may have several rows per child). */
  readonly ageBands: Record<string, number>
  readonly genders: Record<string, number>
  readonly ethnicityGroups: Record<string, number>
  readonly disability: Record<string, number> | null
  /** Other breakdowns the list allows: source, case status, category of abuse, placement type … */
  readonly breakdowns: Record<string, Record<string, number>>
  readonly measures: Measure[]
}

export interface AnnexAProfile {
  readonly asOf: IsoDate
  readonly lists: ListProfile[]
  readonly acrossLists: {
    /** Distinct children on lists 1–10. */
    readonly children: number
    /** How many children are on 1, 2, 3 … lists (002#250). */
    readonly childrenByNumberOfLists: Record<string, number>
  }
  readonly caseSelection: {
    readonly factors: (CaseSelectionFactor & { children: number })[]
    readonly notInAnnexA: readonly CaseSelectionFactor[]
    readonly thresholds: { id: string; label: string; children: number }[]
  }
  /** Every child, by Child Unique ID only, in order of first appearance (`childSummary` gives one as an object). */
  readonly children: ChildrenTable
}

/** Collects the profile while the lists stream; `finish` turns it into `AnnexAProfile`. */
export class ProfileBuilder {
  private readonly accumulators = new Map<number, Accumulator>()
  private readonly asOfDay: number
  private readonly days: { sixMonths: number; twelveMonths: number; twoYears: number }

  constructor(
    private readonly asOf: IsoDate,
    /** Working days between two day numbers; undefined leaves the working-day measures empty. */
    private readonly workingDaysBetween: WorkingDayCount | undefined,
    private readonly registry: ChildRegistry,
    private readonly ages: AgeTable,
  ) {
    this.asOfDay = dayNumber(asOf)
    this.days = {
      sixMonths: dayNumber(addMonths(asOf, -6)),
      twelveMonths: dayNumber(addMonths(asOf, -12)),
      twoYears: dayNumber(addYears(asOf, -2)),
    }
  }

  /** Age on the inspection date of a child born on `dob` (-1 when unborn). */
  ageOn(dob: number): number {
    return this.ages.age(dob)
  }

  /** Prepare for a list sheet (field indices are resolved once here); returns the function to call for each row. */
  startList(list: ListNumber, f: FieldIndex, known: (field: number) => boolean): (v: RowView, slot: number) => void {
    let acc = this.accumulators.get(list)
    if (!acc) this.accumulators.set(list, (acc = new Accumulator(list)))
    const a = acc
    const person = this.personHook(list, f, known, a)
    const specific = this.listHook(list, f, a)
    return (v, slot) => {
      person(v, slot, a)
      specific(v, slot, a)
    }
  }

  private personHook(list: ListNumber, f: FieldIndex, known: (field: number) => boolean, acc: Accumulator): RowHook {
    const spec = LISTS[list - 1]!
    const has = (key: string) => spec.columns.some((c) => c.key === key)
    const dob = has('dateOfBirth') ? f('dateOfBirth') : -1
    const age = has('age') ? f('age') : -1
    const gender = f('gender')
    const ethnicity = f('ethnicity')
    const disability = has('disability') ? f('disability') : -1
    const genders = acc.genders.counts
    const ethnicities = acc.ethnicity.counts
    const unknownGender = genders.length - 1
    const unknownEthnicity = ethnicities.length - 1
    let disabilities: Float64Array | undefined
    if (disability >= 0 && known(disability)) {
      acc.disability ??= makeTally('Disability', list === 11 ? 'YN' : 'YNU', false)
      disabilities = acc.disability.counts
    }
    const bands = acc.ageBands
    return (v) => {
      acc.rows++
      if (list !== 11) {
        const years = dob >= 0 && v.has(dob) ? this.ageOn(v.day(dob)) : age >= 0 && v.has(age) ? v.int(age) : NaN
        bands[ageBandIndex(years)]!++
      }
      const g = v.codeIndex(gender)
      genders[g >= 0 ? g : unknownGender]!++
      const e = v.codeIndex(ethnicity)
      ethnicities[e >= 0 ? e : unknownEthnicity]!++
      if (disabilities) {
        const d = v.codeIndex(disability)
        disabilities[d >= 0 ? d : disabilities.length - 1]!++
      }
    }
  }

  private listHook(list: ListNumber, f: FieldIndex, acc: Accumulator): RowHook {
    const ctx = { days: this.days, asOf: this.asOfDay, reg: this.registry, workingDaysBetween: this.workingDaysBetween }
    return list <= 7
      ? helpAndProtectionHook(list as 1 | 2 | 3 | 4 | 5 | 6 | 7, f, acc, ctx)
      : careHook(list as 8 | 9 | 10 | 11, f, acc, ctx)
  }

  /** The profile, once every list has been read. `adopters` is List 11's distinct adopter count. */
  finish(adopters: number): AnnexAProfile {
    const reg = this.registry
    const children = buildChildrenTable(reg, this.asOfDay, this.days.sixMonths, (dob) => this.ageOn(dob))
    const distinct = new Float64Array(12)
    const byNumber: Record<string, number> = {}
    const factorCounts = new Float64Array(CASE_SELECTION_FACTORS.length)
    const thresholdCounts = new Float64Array(THRESHOLDS.length)
    for (let i = 0; i < children.count; i++) {
      const onLists = children.lists[i]! & LISTS_1_TO_10
      countBits(onLists, distinct)
      const lists = bitCount(onLists)
      byNumber[lists] = (byNumber[lists] ?? 0) + 1
      countBits(children.factors[i]!, factorCounts)
      countBits(children.thresholds[i]!, thresholdCounts)
    }
    distinct[11] = adopters
    const lists: ListProfile[] = []
    for (const [list, acc] of [...this.accumulators].sort((a, b) => a[0] - b[0])) {
      const ageBands: Record<string, number> = {}
      if (list !== 11) AGE_BANDS.forEach((band, i) => (ageBands[band] = acc.ageBands[i]!))
      const breakdowns: Record<string, Record<string, number>> = {}
      for (const tally of acc.tallies) breakdowns[tally.label] = tallyRecord(tally, true)
      lists.push({
        list,
        title: LISTS[list - 1]!.title,
        rows: acc.rows,
        children: distinct[list]!,
        ageBands,
        genders: tallyRecord(acc.genders, true),
        ethnicityGroups: tallyRecord(acc.ethnicity, true),
        disability: acc.disability ? tallyRecord(acc.disability, true) : null,
        breakdowns,
        measures: listMeasures(list, acc, this.workingDaysBetween !== undefined),
      })
    }
    return {
      asOf: this.asOf,
      lists,
      acrossLists: { children: reg.size, childrenByNumberOfLists: byNumber },
      caseSelection: {
        factors: CASE_SELECTION_FACTORS.map((factor, i) => ({ ...factor, children: factorCounts[i]! })),
        notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
        thresholds: THRESHOLDS.map((t, i) => ({ id: t.id, label: t.label, children: thresholdCounts[i]! })),
      },
      children,
    }
  }
}

/** Bits 1–10 of a child's `lists`: the child lists (List 11 is adopters). */
const LISTS_1_TO_10 = 0b111_1111_1110

function bitCount(bits: number): number {
  let n = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) n++
  return n
}

/** Add one to `counts[b]` for each bit b set in `bits` (visiting only the set bits). */
function countBits(bits: number, counts: Float64Array): void {
  for (let rest = bits; rest !== 0; rest &= rest - 1) counts[31 - Math.clz32(rest & -rest)]!++
}
