import { describe, expect, it } from 'vitest'
import { derivedFromAreas, type Grade } from '../frameworks.js'
import { dataFile } from '../../../data-files.js'
import { readOds } from './ods-reader.js'
import { parseOutcomes } from './parse-outcomes.js'

/**
 * Issue 14: which grade should stand in for overall effectiveness when a framework gives none
 * (from April 2026)? Tested on every ILACS judgement Ofsted published from 2018 to March 2025,
 * each of which has a real overall grade to compare with.
 */
describe('the pathway grade without an overall grade, against Ofsted’s real judgements', () => {
  it('is the derived grade, which matches the real overall grade far more often than the lowest area grade', async () => {
    const file = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'
    const parsed = parseOutcomes(file, await readOds(dataFile('ofsted-outcomes', file)))
    const judgements = parsed.records.filter(
      (record) => record.kind === 'judgement' && record.source.sheet === 'ILACS_inspection_history',
    )
    expect(judgements).toHaveLength(271)
    const order: Grade[] = ['outstanding', 'good', 'requires-improvement', 'inadequate']
    let derivedMatches = 0
    let lowestMatches = 0
    for (const record of judgements) {
      if (record.kind !== 'judgement') continue
      const { overall, ...areas } = record.grades
      const lowest = Object.values(areas).reduce((a, b) => (order.indexOf(a) >= order.indexOf(b) ? a : b))
      if (derivedFromAreas(areas) === overall) derivedMatches++
      if (lowest === overall) lowestMatches++
    }
    // Measured on the shipped file: the derived grade matches 264 of 271, the lowest area grade 194.
    expect(derivedMatches).toBeGreaterThan(lowestMatches)
    expect({ derivedMatches, lowestMatches }).toEqual({ derivedMatches: 264, lowestMatches: 194 })
  })
})
