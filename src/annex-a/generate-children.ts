/**
 * The child pool of a synthetic Annex A return (generate.ts): how many rows each list gets, the
 * segments of the pool each list draws its children from, and each child's own details, a pure
 * function of the seed and the child's number, so a child is the same in every list (002#250)
 * without being held in memory. `createDraw` gathers what every list's row builder draws on.
 */
import { wholeYears } from './day-numbers.js'
import { ETHNICITIES, GENDERS, Rng, childRandom, pickWeighted } from './generate-random.js'
import { LISTS, type ListNumber } from './spec.js'
import type { CellValue } from './xlsx-writer.js'

/** A value before it is written: a day number, a code (by its token), or a raw cell (for planted errors). */
export type GenValue = number | string | null | { day: number } | { code: string } | { raw: CellValue }

/** One row's values by field key (`spec.ts`). */
export type RowValues = Record<string, GenValue>

// Shares of a return's rows by list, roughly as a mid-sized LA's return splits.
const SHARES: Record<ListNumber, number> = {
  1: 0.35,
  2: 0.1,
  3: 0.12,
  4: 0.12,
  5: 0.05,
  6: 0.12,
  7: 0.035,
  8: 0.05,
  9: 0.03,
  10: 0.008,
  11: 0.007,
}

export interface Child {
  readonly id: string
  readonly gender: string
  readonly ethnicity: string
  readonly dob: number
  readonly age: number
  readonly disability: string
}

/** Index ranges of the child pool: each list draws its children from fixed segments. */
export interface Segments {
  readonly cla: number
  readonly cp: number
  readonly cin: number
  readonly front: number
  readonly earlyHelp: number
  readonly careLeavers: number
  readonly total: number
  readonly adoption: number
}

function segmentsFor(counts: Record<ListNumber, number>): Segments {
  const cla = counts[8]
  const cp = cla + counts[7]
  const cin = Math.max(cp, counts[6])
  const front = cin + Math.max(counts[3], counts[4], counts[5])
  const earlyHelp = front + counts[2]
  const careLeavers = earlyHelp + counts[9]
  return { cla, cp, cin, front, earlyHelp, careLeavers, total: careLeavers, adoption: Math.min(counts[10], cla) }
}

/** The row being built by a list's builder: the child, its number in the pool, and its values so far. */
export interface ChildRow {
  readonly i: number
  readonly c: Child
  /** The earliest day an episode can start: the birth, at most 18 years back (an unborn child's: today). */
  readonly born: number
  readonly v: RowValues
}

/**
 * What every list's row builder draws on. `rng` is the one stream of the whole return: rows must
 * draw from it in the same order every time, so a seed always gives the same workbook.
 */
export interface Draw {
  readonly seed: number
  readonly rng: Rng
  readonly asOfDay: number
  /** Data rows per list. */
  readonly counts: Record<ListNumber, number>
  readonly seg: Segments
  /** The day `days` before the inspection date. */
  before(days: number): number
  /** A day `lo` to `hi` days after `day`, not after the inspection date. */
  after(day: number, lo: number, hi: number): number
  notBefore(day: number, floor: number): number
  /** Whether child `i` of the children-in-care segment is still in care (else it left in the window). */
  inCareOpen(i: number): boolean
  /** Whether child `i`'s child protection plan is still open. */
  cpOpen(i: number): boolean
  /** Child `i`'s own details, the same in every list. */
  child(i: number): Child
  /** The columns every child list shares (002#250), with the team and worker drawn from `rng`. */
  person(c: Child): RowValues
  /** Which child row `j` of list `list` is about. */
  childIndex(list: ListNumber, j: number): number
}

/** The draw for a return of about `rows` data rows on the inspection day `asOfDay`. */
export function createDraw(seed: number, asOfDay: number, rows: number): Draw {
  const rng = new Rng(seed)
  const counts = Object.fromEntries(LISTS.map((l) => [l.list, Math.floor(rows * SHARES[l.list])])) as Record<
    ListNumber,
    number
  >
  const seg = segmentsFor(counts)
  const child = (i: number): Child => {
    const r = (salt: number) => childRandom(seed, i, salt)
    let age: number
    if (i < seg.adoption) age = Math.floor(r(1) * 6)
    else if (i < seg.cla) age = Math.floor(r(1) * 18)
    else if (i < seg.cp) age = r(2) < 0.03 ? -1 : Math.floor(r(1) * 18)
    else if (i < seg.earlyHelp) age = r(2) < 0.01 ? -1 : Math.floor(r(1) * 18)
    else age = 17 + Math.floor(r(1) * 7)
    // Care leavers' dates of birth are at least 17 years back, so the list-9 ages are 17 to 23.
    const dob =
      age < 0 ? asOfDay + 10 + Math.floor(r(3) * 150) : asOfDay - Math.floor(age * 365.25) - 1 - Math.floor(r(3) * 360)
    return {
      id: `FAKE-${String(i + 1).padStart(7, '0')}`,
      gender: age < 0 ? 'Not stated/recorded' : pickWeighted(GENDERS, r(4)),
      ethnicity: pickWeighted(ETHNICITIES, r(5)),
      dob,
      age: dob > asOfDay ? -1 : wholeYears(dob, asOfDay),
      disability: pickWeighted(
        [
          ['Yes', 10],
          ['No', 85],
          ['Unknown', 5],
        ],
        r(6),
      ),
    }
  }
  const inCareOpen = (i: number) => childRandom(seed, i, 7) < 0.9
  const cpOpen = (i: number) => childRandom(seed, i, 8) < 0.9
  const before = (days: number) => asOfDay - days
  const after = (day: number, lo: number, hi: number) => Math.min(asOfDay, day + rng.int(lo, hi))
  const notBefore = (day: number, floor: number) => Math.max(day, floor)

  const person = (c: Child): RowValues => ({
    childId: c.id,
    gender: { code: c.gender },
    ethnicity: { code: c.ethnicity },
    dateOfBirth: { day: c.dob },
    age: c.age,
    disability: { code: c.disability },
    allocatedTeam: rng.pick([
      'Assessment Team 1',
      'Assessment Team 2',
      'Child Protection North',
      'Child Protection South',
      'Children in Care Team',
      'Leaving Care Team',
      'Disabled Children Team',
    ]),
    allocatedWorker: `Worker ${String(rng.int(1, 400)).padStart(3, '0')}`,
  })

  const childIndex = (list: ListNumber, j: number): number => {
    switch (list) {
      case 1:
        return rng.int(0, seg.earlyHelp - 1)
      case 2:
        return seg.front + j
      case 3:
        return seg.cla + j
      case 4:
        return seg.cla + Math.floor(counts[7] / 2) + j
      case 5:
        return seg.cla + j
      case 6:
        return j
      case 7:
        return seg.cla + j
      case 8:
        return j
      case 9:
        return seg.earlyHelp + j
      case 10:
        return j
      case 11:
        return j
    }
  }
  return { seed, rng, asOfDay, counts, seg, before, after, notBefore, inCareOpen, cpOpen, child, person, childIndex }
}
