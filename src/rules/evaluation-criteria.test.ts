import { describe, expect, it } from 'vitest'
import { seedText } from '../../test/support/seeds.js'
import { EVALUATION_AREAS, EVALUATION_HEADINGS, headingsFor, isEvaluationHeading } from './evaluation-criteria.js'

describe('the 17 evaluation headings (E2, 002#239-241)', () => {
  it('has 17 headings: 6 help and protection, 7 children in care and care leavers, 4 leaders', () => {
    expect(EVALUATION_HEADINGS).toHaveLength(17)
    expect(headingsFor('help-and-protection')).toHaveLength(6)
    expect(headingsFor('children-in-care')).toHaveLength(7)
    expect(headingsFor('leaders')).toHaveLength(4)
  })

  it.each(EVALUATION_HEADINGS.map((heading) => [heading.id, heading.heading]))(
    '%s “%s” is a heading in 002, in order',
    (_id, heading) => {
      expect(seedText('002')).toContain(heading)
    },
  )

  it('keeps the seed’s order within each area', () => {
    const text = seedText('002')
    for (const { area } of EVALUATION_AREAS) {
      const positions = headingsFor(area).map((heading) =>
        text.indexOf(heading.heading, text.indexOf('# Evaluation criteria and grade descriptors')),
      )
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
    }
  })

  it('recognises heading ids', () => {
    expect(isEvaluationHeading('leaders.4')).toBe(true)
    expect(isEvaluationHeading('leaders.5')).toBe(false)
  })
})
