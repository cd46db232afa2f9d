import { describe, expect, it } from 'vitest'
import { frameworkInForce, pathwayGrade } from './frameworks.js'
import { checkJudgement } from './judgement-input.js'
import type { RegisterJudgementInput } from './types.js'

const base: RegisterJudgementInput = {
  framework: 'ilacs-2023',
  activityType: 'standard-inspection',
  inspectionStart: '2024-03-04',
  inspectionEnd: '2024-03-15',
  publishedOn: '2024-04-26',
  grades: {
    overall: 'inadequate',
    'help-and-protection': 'inadequate',
    'children-in-care': 'requires-improvement',
    'care-leavers': 'requires-improvement',
    leaders: 'inadequate',
  },
}
const context = { today: '2026-11-23', previous: undefined }

function check(form: Partial<RegisterJudgementInput>, ctx: Parameters<typeof checkJudgement>[1] = context) {
  const { judgement, errors } = checkJudgement({ ...base, ...form }, ctx)
  return { valid: judgement, errors }
}

describe('checkJudgement', () => {
  it('accepts a complete ILACS 2023 judgement with care leavers graded separately', () => {
    expect(check({}).valid?.grades['care-leavers']).toBe('requires-improvement')
  })

  it('needs every required area of the framework (002#96)', () => {
    const { valid, errors } = check({ grades: { overall: 'good' } })
    expect(valid).toBeUndefined()
    expect(Object.keys(errors)).toEqual([
      'grade-help-and-protection',
      'grade-children-in-care',
      'grade-care-leavers',
      'grade-leaders',
    ])
  })

  it('records no overall grade for a 2026 framework judgement, and derives the pathway grade from the areas', () => {
    const { valid } = check({
      framework: 'ilacs-2026',
      inspectionStart: '2026-05-11',
      inspectionEnd: '2026-05-22',
      publishedOn: '2026-07-03',
      grades: {
        'help-and-protection': 'good',
        'children-in-care': 'requires-improvement',
        'care-leavers': 'good',
        leaders: 'good',
        overall: 'good',
      },
    })
    expect(valid?.grades.overall).toBeUndefined()
    // Good, good and requires improvement: the middle grade (S6 derivedOverall), not the lowest (issue 14).
    expect(pathwayGrade('ilacs-2026', valid!.grades)).toEqual({ grade: 'good', derived: true })
  })

  it('refuses a framework not yet in force, and the SIF after 2017 unless re-inspecting a SIF inadequate (002#22 fn4)', () => {
    expect(check({ framework: 'ilacs-2026' }).errors.framework).toMatch(/applies to inspections from 1 April 2026/)
    const sifLate: Partial<RegisterJudgementInput> = {
      framework: 'sif',
      activityType: 'post-monitoring-inspection',
      inspectionStart: '2018-06-04',
      inspectionEnd: '2018-06-15',
      publishedOn: '2018-07-27',
      grades: {
        overall: 'requires-improvement',
        'help-and-protection': 'requires-improvement',
        'looked-after': 'requires-improvement',
        leadership: 'good',
      },
    }
    expect(check(sifLate).errors.framework).toMatch(/002#22 footnote 4/)
    expect(
      check(sifLate, { today: '2026-11-23', previous: { framework: 'sif', grades: { overall: 'inadequate' } } }).valid
        ?.framework,
    ).toBe('sif')
  })

  it('keeps the dates in order and the publication in the past', () => {
    expect(check({ inspectionEnd: '2024-03-01' }).errors.inspectionEnd).toBeDefined()
    expect(check({ publishedOn: '2024-03-14' }).errors.publishedOn).toMatch(/on or after the last day/)
    expect(check({ publishedOn: '2027-01-01' }).errors.publishedOn).toMatch(/today or in the past/)
  })

  it('matches the activity type to the framework', () => {
    expect(check({ activityType: 'sif-inspection' }).errors.activityType).toBeDefined()
  })
})

describe('frameworkInForce', () => {
  it.each([
    ['2017-12-31', 'sif'],
    ['2018-01-01', 'ilacs-2018'],
    ['2022-12-31', 'ilacs-2018'],
    ['2023-01-01', 'ilacs-2023'],
    ['2026-04-01', 'ilacs-2026'],
  ])('%s → %s', (start, framework) => expect(frameworkInForce(start)).toBe(framework))
})
