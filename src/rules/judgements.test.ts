import { describe, expect, it } from 'vitest'
import { checkJudgements, derivedOverall, isGrade, type Grade, type JudgementSet } from './judgements.js'

const set = (
  helpAndProtection: Grade,
  childrenInCare: Grade,
  leaders: Grade,
  overall?: Grade,
  leadersUnderstandFailure?: boolean,
): JudgementSet => ({
  helpAndProtection,
  childrenInCare,
  leaders,
  ...(overall ? { overall } : {}),
  ...(leadersUnderstandFailure === undefined ? {} : { leadersUnderstandFailure }),
})

describe('checkJudgements (S6; 002#97-101, #238, #241)', () => {
  it.each([
    ['all good, overall good', set('good', 'good', 'good', 'good'), true, []],
    [
      'help and protection inadequate, overall good (002#100)',
      set('inadequate', 'good', 'good', 'good', true),
      false,
      ['002#100-101'],
    ],
    [
      'children in care inadequate, leaders RI who understand it, overall inadequate (002#101)',
      set('good', 'inadequate', 'requires-improvement', 'inadequate', true),
      true,
      [],
    ],
    [
      'practice inadequate, leaders good who do not understand the failure (002#241)',
      set('inadequate', 'good', 'good', 'inadequate', false),
      false,
      ['002#241'],
    ],
    [
      'practice inadequate, leaders outstanding (002#101 allows good or RI only)',
      set('inadequate', 'good', 'outstanding', 'inadequate', true),
      false,
      ['002#101'],
    ],
    [
      'leaders inadequate, both practice judgements RI or better: outside the descriptors',
      set('good', 'requires-improvement', 'inadequate', 'requires-improvement'),
      false,
      ['002#241'],
    ],
    [
      'overall inadequate with no inadequate judgement (002#100)',
      set('requires-improvement', 'requires-improvement', 'requires-improvement', 'inadequate'),
      false,
      ['002#100, #239-240'],
    ],
    [
      'overall outstanding above every other judgement (002#99)',
      set('good', 'good', 'good', 'outstanding'),
      false,
      ['002#99, #238'],
    ],
    [
      'overall RI between good and RI areas',
      set('good', 'requires-improvement', 'good', 'requires-improvement'),
      true,
      [],
    ],
  ])('%s → consistent %s', (_case, judgements, consistent, citations) => {
    const result = checkJudgements(judgements)
    expect(result.consistent).toBe(consistent)
    expect(result.problems.map((problem) => problem.citation)).toEqual(citations)
    for (const problem of result.problems) expect(problem.rule).toBe('S6')
  })

  // Issue 14: Ofsted's published judgements where care leavers alone were inadequate, each with
  // inadequate overall effectiveness (ILACS_inspection_history, LA_Inspection_Outcomes_as_at_31_March_2025.ods).
  it.each([
    ['Peterborough, published 30 January 2024', 'requires-improvement', 'requires-improvement', 'requires-improvement'],
    ['Cheshire East, published 16 May 2024', 'requires-improvement', 'requires-improvement', 'requires-improvement'],
    ['Harrow, published 4 March 2025', 'good', 'good', 'requires-improvement'],
  ] as const)(
    'knows care leavers are a judgement of their own from 2023: %s is consistent',
    (_la, helpAndProtection, childrenInCare, leaders) => {
      const judgements = { helpAndProtection, childrenInCare, leaders, careLeavers: 'inadequate' as const }
      const result = checkJudgements({ ...judgements, overall: 'inadequate', leadersUnderstandFailure: true })
      expect(result.problems).toEqual([])
      expect(checkJudgements(judgements).overall).toBe('inadequate')
      // Without the care leavers judgement, the same grades look like an overall judgement with no failure behind it.
      const { careLeavers: _ignored, ...before2023 } = judgements
      expect(checkJudgements({ ...before2023, overall: 'inadequate' }).problems.map((p) => p.citation)).toContain(
        '002#100, #239-240',
      )
    },
  )

  it('asks for confirmation when leaders are not inadequate beside an inadequate practice judgement and understanding is not stated', () => {
    const result = checkJudgements(set('inadequate', 'good', 'requires-improvement', 'inadequate'))
    expect(result.consistent).toBe(true)
    expect(result.warnings).toEqual([expect.objectContaining({ rule: 'S6', citation: '002#101, #241' })])
  })

  it('suggests the overall grade when none is given, and says so', () => {
    expect(checkJudgements(set('good', 'inadequate', 'inadequate'))).toMatchObject({
      overall: 'inadequate',
      overallSource: 'derived',
      consistent: true,
    })
    expect(checkJudgements(set('good', 'good', 'good'))).toMatchObject({ overall: 'good', overallSource: 'derived' })
  })
})

describe('derivedOverall (decision: inadequate practice → inadequate, else the middle grade)', () => {
  it.each([
    ['outstanding', 'good', 'requires-improvement', 'good'],
    ['requires-improvement', 'requires-improvement', 'good', 'requires-improvement'],
    ['outstanding', 'outstanding', 'good', 'outstanding'],
    ['good', 'inadequate', 'good', 'inadequate'],
  ] as const)('%s / %s / %s → %s', (helpAndProtection, childrenInCare, leaders, overall) => {
    expect(derivedOverall({ helpAndProtection, childrenInCare, leaders })).toBe(overall)
  })

  it.each([
    // Care leavers judged on their own (from 2023): the worse of the two care judgements counts.
    ['good', 'good', 'inadequate', 'good', 'inadequate'],
    ['outstanding', 'outstanding', 'requires-improvement', 'good', 'good'],
    ['good', 'requires-improvement', 'outstanding', 'good', 'good'],
  ] as const)(
    '%s / %s, care leavers %s / %s → %s',
    (helpAndProtection, childrenInCare, careLeavers, leaders, overall) => {
      expect(derivedOverall({ helpAndProtection, childrenInCare, careLeavers, leaders })).toBe(overall)
    },
  )
})

describe('isGrade (002#97)', () => {
  it.each([
    ['good', true],
    ['requires-improvement', true],
    ['satisfactory', false],
    ['Good', false],
  ])('%s → %s', (value, expected) => {
    expect(isGrade(value)).toBe(expected)
  })
})
