import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from './history.js'
import {
  afterReinspectionInIntervention,
  commissionerDecision,
  datedJudgements,
  inspectionIsOf,
  reinspectionAbout,
} from './intervention.js'

const inadequate = (published: string, type: HistoryEntry['type'] = 'sif-inspection'): HistoryEntry => ({
  published,
  type,
  overall: 'inadequate',
})

describe('commissionerDecision from a judgement history, as the CLI reads it (G2, 004#When does a council…)', () => {
  it.each([
    [
      'two inadequate judgements three years apart',
      [inadequate('2016-05-01'), inadequate('2019-06-01', 'post-monitoring-inspection')],
      '2020-01-01',
      true,
      'G2',
    ],
    [
      'exactly five years apart (flagged, counted as within)',
      [inadequate('2015-06-01'), inadequate('2020-06-01', 'standard-inspection')],
      '2020-07-01',
      true,
      'G2',
    ],
    [
      'five years and a day apart',
      [inadequate('2015-05-31'), inadequate('2020-06-01', 'standard-inspection')],
      '2020-07-01',
      false,
      'G2',
    ],
    ['one inadequate judgement', [inadequate('2019-06-01', 'standard-inspection')], '2020-01-01', false, 'G2'],
    [
      'the second not yet published on the date',
      [inadequate('2016-05-01'), inadequate('2019-06-01')],
      '2019-05-31',
      false,
      'G2',
    ],
    [
      'improved since: the latest is requires improvement (G4)',
      [
        inadequate('2016-05-01'),
        inadequate('2018-06-01'),
        { published: '2021-01-10', type: 'standard-inspection', overall: 'requires-improvement' },
      ],
      '2021-06-01',
      false,
      'G4',
    ],
  ] as const)('%s → %s', (_case, history, on, required, rule) => {
    const result = commissionerDecision(datedJudgements(history, on), on)
    expect(result.commissionerRequired).toBe(required)
    expect(result.rule).toBe(rule)
  })

  it('flags the exact five-year boundary that the source does not settle', () => {
    expect(
      commissionerDecision(
        datedJudgements([inadequate('2015-06-01'), inadequate('2020-06-01')], '2020-07-01'),
        '2020-07-01',
      ).flags,
    ).toHaveLength(1)
    expect(
      commissionerDecision(
        datedJudgements([inadequate('2016-05-01'), inadequate('2019-06-01')], '2020-01-01'),
        '2020-01-01',
      ).flags,
    ).toHaveLength(0)
  })

  it('always requires a commissioner after sustained and significant failure (004#What happens once Ofsted has left your council?)', () => {
    expect(
      commissionerDecision(datedJudgements([inadequate('2019-06-01')], '2020-01-01'), '2020-01-01', {
        sustainedAndSignificantFailure: true,
      }),
    ).toMatchObject({ commissionerRequired: true, citation: '004#What happens once Ofsted has left your council?' })
  })
})

describe('after re-inspection in intervention (G4)', () => {
  it.each([
    ['requires-improvement', true, '2024-05-15'],
    ['good', true, undefined],
    ['inadequate', false, undefined],
  ] as const)('%s → lifted %s, support until %s', (overall, lifted, supportUntil) => {
    const result = afterReinspectionInIntervention(overall, '2023-05-15')
    expect(result.lifted).toBe(lifted)
    expect(result.supportUntil).toBe(supportUntil)
  })

  it('puts the re-inspection about 2.5 years after the inadequate judgement', () => {
    expect(reinspectionAbout('2020-08-31')).toBe('2023-02-28')
  })
})

describe('structured content (G5, G6)', () => {
  it('inspects the local authority unless a s497A(4A) direction applies (002#228, #232)', () => {
    expect(inspectionIsOf('s497A(4)').inspected).toMatch(/^the local authority/)
    expect(inspectionIsOf('s497A(4A)').inspected).toMatch(/nominee/)
  })
})
