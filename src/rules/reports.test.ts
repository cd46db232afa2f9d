import { describe, expect, it } from 'vitest'
import { FIRST_PAGE_QUESTIONS, reportPageLimit } from './reports.js'
import { seedText } from '../../test/support/seeds.js'

describe('reports (E6, 002#205, #212; 001#65)', () => {
  it.each([
    ['standard-inspection', 10, '002#212'],
    ['short-inspection', 10, '002#212'],
    ['post-monitoring-inspection', 12, '001#65'],
  ] as const)('%s: at most %i pages (%s)', (type, maxPages, citation) => {
    expect(reportPageLimit(type)).toEqual({ rule: 'E6', citation, maxPages })
  })

  it('sets no page limit for a focused visit letter', () => expect(reportPageLimit('focused-visit')).toBeUndefined())

  it('asks the four first-page questions of 002#205, word for word', () => {
    for (const question of FIRST_PAGE_QUESTIONS) expect(seedText('002')).toContain(question)
  })
})
