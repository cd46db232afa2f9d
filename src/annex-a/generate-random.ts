/**
 * Seeded randomness for the synthetic Annex A return (generate.ts): one stream for the rows
 * (`Rng`), and a pure function of the seed and a child's number for the details that must be
 * the same in every list (`childRandom`), so no child is held in memory.
 */
/** Seeded PRNG (mulberry32). */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let r = this.next() * items.reduce((s, [, w]) => s + w, 0)
    for (const [item, w] of items) if ((r -= w) < 0) return item
    return items[items.length - 1]![0]
  }
}

/** A deterministic number in [0, 1) for child `i` and a purpose `salt`. */
export function childRandom(seed: number, i: number, salt: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

/** Genders of generated children, with their weights. */
export const GENDERS: [string, number][] = [
  ['Male', 50],
  ['Female', 48],
  ['Not stated/recorded', 1.5],
  ['Neither', 0.5],
]
/** Ethnicity codes of generated children and adopters, with their weights. */
export const ETHNICITIES: [string, number][] = [
  ['WBRI', 65],
  ['WIRI', 0.5],
  ['WIRT', 0.2],
  ['WOTH', 5],
  ['WROM', 0.5],
  ['MWBC', 3],
  ['MWBA', 1],
  ['MWAS', 1],
  ['MOTH', 3],
  ['AIND', 2],
  ['APKN', 3],
  ['ABAN', 1],
  ['AOTH', 2],
  ['BCRB', 2],
  ['BAFR', 4],
  ['BOTH', 1],
  ['CHNE', 0.5],
  ['OOTH', 2],
  ['REFU', 0.5],
  ['NOBT', 3],
]

/** The item `r` (in [0, 1)) falls on when the items are laid end to end by weight. */
export function pickWeighted<T>(items: readonly (readonly [T, number])[], r: number): T {
  let left = r * items.reduce((s, [, w]) => s + w, 0)
  for (const [item, w] of items) if ((left -= w) < 0) return item
  return items[items.length - 1]![0]
}
