import { describe, expect, it } from 'vitest'
import {
  checkFrameworkJudgements,
  evidenceHeadingsFor,
  judgementAreas,
  judgementFrameworkFor,
} from './framework-judgements.js'

describe('judgementFrameworkFor', () => {
  it.each([
    ['the last Monday of 2022 is ILACS 2018', 'standard-inspection', '2022-12-26', 'ilacs-2018'],
    ['the first Monday of 2023 is ILACS 2023', 'standard-inspection', '2023-01-02', 'ilacs-2023'],
    ['Tuesday 31 March 2026 is still ILACS 2023', 'short-inspection', '2026-03-31', 'ilacs-2023'],
    ['Wednesday 1 April 2026 is ILACS 2026', 'short-inspection', '2026-04-01', 'ilacs-2026'],
  ])('%s', (_name, type, onsite, framework) => {
    expect(judgementFrameworkFor(type, onsite)).toEqual({ ok: true, framework })
  })

  it('gives a focused visit no framework of judgements (002#108)', () => {
    expect(judgementFrameworkFor('focused-visit', '2027-01-12')).toEqual({
      ok: false,
      reason: 'Only standard, short and post-monitoring inspections give graded judgements (002#96, #108; 001#52)',
    })
  })

  it('refuses a start before ILACS began', () => {
    expect(judgementFrameworkFor('standard-inspection', '2017-11-06').ok).toBe(false)
  })
})

describe('judgementAreas: the four judgements of 002#96 under each framework', () => {
  it.each([
    ['ilacs-2018', ['overall', 'help-and-protection', 'children-in-care', 'leaders']],
    ['ilacs-2023', ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'leaders']],
    ['ilacs-2026', ['help-and-protection', 'children-in-care', 'care-leavers', 'leaders']],
  ] as const)('%s', (framework, keys) => {
    expect(judgementAreas(framework).map((area) => area.key)).toEqual(keys)
  })
})

describe('evidenceHeadingsFor (E2, 002#239-241)', () => {
  it('offers the seven headings of 002#240 to children in care and care leavers as one judgement (2018)', () => {
    expect(evidenceHeadingsFor('ilacs-2018', 'children-in-care')).toHaveLength(7)
  })

  it('gives "Care leavers and transitions" to the care leavers judgement once it is separate, and shares participation', () => {
    expect(evidenceHeadingsFor('ilacs-2023', 'children-in-care').map((h) => h.heading)).not.toContain(
      'Care leavers and transitions',
    )
    expect(evidenceHeadingsFor('ilacs-2023', 'care-leavers').map((h) => h.heading)).toEqual([
      'Participation and direct work with children in care and care leavers',
      'Care leavers and transitions',
    ])
  })

  it('cites no heading for overall effectiveness, which is derived from the others (002#99, #238)', () => {
    expect(evidenceHeadingsFor('ilacs-2023', 'overall')).toEqual([])
    expect(evidenceHeadingsFor('ilacs-2026', 'leaders')).toHaveLength(4)
  })
})

describe('checkFrameworkJudgements (S6)', () => {
  it('lists what is missing and runs no check until the area judgements are in', () => {
    const check = checkFrameworkJudgements(
      'ilacs-2023',
      { 'help-and-protection': 'good', leaders: 'inadequate' },
      undefined,
    )
    expect(check.missing).toEqual([
      'Overall effectiveness',
      'The experiences and progress of children in care',
      'The experiences and progress of care leavers',
    ])
    expect(check.problems).toEqual([])
  })

  it('suggests overall effectiveness from the other three under 2018 (002#99)', () => {
    const check = checkFrameworkJudgements(
      'ilacs-2018',
      { 'help-and-protection': 'good', 'children-in-care': 'requires-improvement', leaders: 'outstanding' },
      undefined,
    )
    expect(check.missing).toEqual(['Overall effectiveness'])
    expect(check.suggestedOverall).toBe('good')
  })

  it('makes an inadequate care leavers judgement a failure to care for children under 2023 (002#100)', () => {
    const check = checkFrameworkJudgements(
      'ilacs-2023',
      {
        overall: 'requires-improvement',
        'help-and-protection': 'good',
        'children-in-care': 'good',
        'care-leavers': 'inadequate',
        leaders: 'requires-improvement',
      },
      true,
    )
    expect(check.problems.map((p) => p.citation)).toEqual(['002#100-101'])
    expect(check.suggestedOverall).toBe('inadequate')
  })

  it('takes the 002#99 range over all four area judgements under 2023, not the worse care grade', () => {
    const grades = {
      'help-and-protection': 'good',
      'children-in-care': 'good',
      'care-leavers': 'outstanding',
      leaders: 'good',
    } as const
    expect(checkFrameworkJudgements('ilacs-2023', { ...grades, overall: 'outstanding' }, undefined).problems).toEqual(
      [],
    )
    const tooLow = checkFrameworkJudgements('ilacs-2023', { ...grades, overall: 'requires-improvement' }, undefined)
    expect(tooLow.problems).toEqual([
      {
        rule: 'S6',
        citation: '002#99, #238',
        message:
          'Overall effectiveness (requires improvement to be good) is derived from the other judgements and should lie between outstanding and good',
      },
    ])
  })

  it('flags leaders inadequate while both practice judgements are RI or better under every framework (002#241)', () => {
    for (const framework of ['ilacs-2018', 'ilacs-2023', 'ilacs-2026'] as const) {
      const grades = {
        overall: 'requires-improvement',
        'help-and-protection': 'requires-improvement',
        'children-in-care': 'good',
        'care-leavers': 'good',
        leaders: 'inadequate',
      } as const
      const problems = checkFrameworkJudgements(framework, grades, undefined).problems
      expect(
        problems.map((p) => p.citation),
        framework,
      ).toEqual(['002#241'])
    }
  })

  it('applies no overall check and suggests no overall grade under 2026', () => {
    const check = checkFrameworkJudgements(
      'ilacs-2026',
      { 'help-and-protection': 'inadequate', 'children-in-care': 'good', 'care-leavers': 'good', leaders: 'good' },
      true,
    )
    expect(check.problems).toEqual([])
    expect(check.suggestedOverall).toBeUndefined()
  })

  it('asks about leaders’ understanding when a practice judgement is inadequate (002#101, #241)', () => {
    const grades = {
      'help-and-protection': 'inadequate',
      'children-in-care': 'good',
      'care-leavers': 'good',
      leaders: 'requires-improvement',
    } as const
    expect(checkFrameworkJudgements('ilacs-2026', grades, undefined).warnings.map((w) => w.citation)).toEqual([
      '002#101, #241',
    ])
    expect(checkFrameworkJudgements('ilacs-2026', grades, false).problems.map((p) => p.citation)).toEqual(['002#241'])
  })
})
