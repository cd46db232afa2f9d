/**
 * Sample-size descriptors (RULES.md E9; 000#Annex H/B): the words a report uses for a
 * proportion of the cases seen. The progress inspection applies "in at least a majority of the
 * cases seen" (000#Annex H fn3).
 *
 * The bands are whole percentages with gaps between them: exactly 50%, and any percentage
 * between two bands (e.g. 29 of 30 cases = 96.7%, between 96 and 97). A percentage in a gap is
 * reported as a gap, never rounded into a band.
 */

/** One band of the 000#Annex H/B table. */
export interface DescriptorBand {
  from: number
  to: number
  words: string
}

/** The table, highest band first, in the seed's words. */
export const DESCRIPTOR_BANDS: readonly DescriptorBand[] = [
  { from: 97, to: 100, words: 'Vast/overwhelming majority or almost all' },
  { from: 80, to: 96, words: 'Very large majority, most' },
  { from: 65, to: 79, words: 'Large majority' },
  { from: 51, to: 64, words: 'Majority' },
  { from: 35, to: 49, words: 'Minority' },
  { from: 20, to: 34, words: 'Small minority' },
  { from: 4, to: 19, words: 'Very small minority, few' },
  { from: 0, to: 3, words: 'Almost no/very few' },
]

/** The words for a percentage, or the gap it falls in. */
export type Descriptor =
  | { percent: number; words: string; gap: false; band: string; rule: 'E9'; citation: string }
  | { percent: number; words: null; gap: true; between: [string, string]; rule: 'E9'; citation: string }

const CITATION = '000#Annex H/B'

const bandName = (band: DescriptorBand): string => `${band.from}–${band.to}%`

/**
 * The descriptor for `percent` (0–100): the band's words, or a gap between two bands (E9).
 * Bands are closed intervals of the real line, so 85.5% is "Very large majority, most" but 96.7%
 * and exactly 50% are gaps. Exported for `ilacs descriptor`, which takes a percentage; the
 * judgement page uses it through `descriptorForCases`.
 */
export function descriptorFor(percent: number): Descriptor {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    throw new RangeError(`A percentage must be between 0 and 100: ${percent}`)
  const band = DESCRIPTOR_BANDS.find((item) => percent >= item.from && percent <= item.to)
  if (band) return { percent, words: band.words, gap: false, band: bandName(band), rule: 'E9', citation: CITATION }
  const above = [...DESCRIPTOR_BANDS].reverse().find((item) => item.from > percent)!
  const below = DESCRIPTOR_BANDS.find((item) => item.to < percent)!
  return {
    percent,
    words: null,
    gap: true,
    between: [bandName(below), bandName(above)],
    rule: 'E9',
    citation: CITATION,
  }
}

/** The descriptor for `count` of `total` cases (E9), e.g. 29 of 30 (a gap). */
export function descriptorForCases(count: number, total: number): Descriptor {
  if (!Number.isInteger(count) || !Number.isInteger(total) || total <= 0 || count < 0 || count > total) {
    throw new RangeError(`Not a count of cases: ${count} of ${total}`)
  }
  return descriptorFor((count * 100) / total)
}

/** True when `count` of `total` is "at least a majority" (51% or more; 000#Annex H fn3). */
export function atLeastAMajority(count: number, total: number): boolean {
  return descriptorForCases(count, total).percent >= 51
}
