import { describe, expect, it } from 'vitest'
import { afterInadequate } from './after-inadequate.js'
import type { HistoryEntry } from './history.js'
import { deferralAllowed, pathwayStatus, type PathwayStatus } from './pathways.js'

function status(history: HistoryEntry[], on: string): PathwayStatus {
  const result = pathwayStatus(history, on)
  if (!result.ok) throw new Error(result.reason)
  return result.status
}

describe('the pathway of the latest overall grade (P1–P3, P5)', () => {
  it.each([
    ['outstanding', 1],
    ['good', 1],
    ['requires-improvement', 2],
    ['inadequate', 3],
  ] as const)('%s → pathway %i', (grade, pathway) => {
    expect(
      status([{ published: '2019-03-15', type: 'standard-inspection', overall: grade }], '2019-06-03').pathway,
    ).toBe(pathway)
  })
})

describe('the due window of the next inspection (P4, P8: three-year anniversary ± 6 months of publication, 002#13)', () => {
  it.each([
    ['2019-03-15', '2022-03-15', '2021-09-15', '2022-09-15', 'ordinary'],
    // Issue 14: the window is the clamped anniversary ± 6 months, as P8 says, not publication + 30/42 months.
    [
      '2020-02-29',
      '2023-02-28',
      '2022-08-28',
      '2023-08-28',
      'a leap day clamps to 28 February, and so does the window (P8)',
    ],
    ['2019-08-31', '2022-08-31', '2022-02-28', '2023-02-28', 'a month end clamps (31 Aug − 6 months = 28 Feb)'],
  ])('published %s → anniversary %s, window %s to %s (%s)', (published, _anniversary, from, to) => {
    const next = status([{ published, type: 'standard-inspection', overall: 'requires-improvement' }], published).next
    expect({ from: next.from, to: next.to }).toEqual({ from, to })
  })
})

describe('pathwayStatus (P1–P5, P7, P8)', () => {
  it('requires improvement → pathway 2, a standard inspection in the window, up to two focused visits (002#20-21)', () => {
    const result = status(
      [{ published: '2019-03-15', type: 'standard-inspection', overall: 'requires-improvement' }],
      '2021-01-01',
    )
    expect(result).toMatchObject({
      pathway: 2,
      next: { type: 'standard-inspection', from: '2021-09-15', to: '2022-09-15', rule: 'P2' },
      focusedVisits: { max: 2, used: 0, remaining: 2 },
      overdue: [],
    })
  })

  it('good → pathway 1, a short inspection, usually one focused visit, with the 002#24 conflict shown (P1)', () => {
    const result = status([{ published: '2018-06-20', type: 'short-inspection', overall: 'good' }], '2019-01-01')
    expect(result).toMatchObject({
      pathway: 1,
      next: { type: 'short-inspection', from: '2020-12-20', to: '2021-12-20' },
      focusedVisits: { max: 1, conflict: { max: 2, citation: '002#24' } },
    })
    expect(result.next.alternatives).toEqual([
      expect.objectContaining({ type: 'standard-inspection', rule: 'P4', citation: '002#19' }),
    ])
  })

  it('inadequate under ILACS → pathway 3, re-inspection window from the 2017 arrangements (P3, M6)', () => {
    const result = status(
      [{ published: '2023-03-01', type: 'standard-inspection', overall: 'inadequate' }],
      '2023-06-01',
    )
    expect(result).toMatchObject({
      pathway: 3,
      next: { type: 'standard-inspection', from: '2024-06-14', to: '2025-06-14' },
      focusedVisits: { max: 0 },
    })
    expect(result.next.to).toBe(afterInadequate('2023-03-01').reinspection.latest)
  })

  it('inadequate under the SIF → re-inspection under the SIF, or a post-monitoring inspection (002#22 fn4, M7)', () => {
    const result = status([{ published: '2017-05-10', type: 'sif-inspection', overall: 'inadequate' }], '2017-06-01')
    expect(result.next.type).toBe('sif-inspection')
    expect(result.next.alternatives).toEqual([
      expect.objectContaining({ type: 'post-monitoring-inspection', rule: 'M7' }),
    ])
  })

  it('moves to the pathway of the latest judgement (P5) and ignores what was published after the date', () => {
    const history: HistoryEntry[] = [
      { published: '2017-05-10', type: 'sif-inspection', overall: 'inadequate' },
      { published: '2019-11-01', type: 'post-monitoring-inspection', overall: 'requires-improvement' },
      { published: '2023-02-01', type: 'standard-inspection', overall: 'good' },
    ]
    expect(status(history, '2020-01-01').pathway).toBe(2)
    expect(status(history, '2023-02-01').pathway).toBe(1)
  })

  it('counts focused visits since the judgement and flags too many (P1, P2)', () => {
    const history: HistoryEntry[] = [
      { published: '2019-03-15', type: 'standard-inspection', overall: 'requires-improvement' },
      { published: '2019-12-01', type: 'focused-visit', overall: null },
      { published: '2020-10-01', type: 'focused-visit' },
      { published: '2021-06-01', type: 'focused-visit' },
    ]
    const result = status(history, '2021-07-01')
    expect(result.focusedVisits).toMatchObject({ used: 3, remaining: 0 })
    expect(result.flags).toEqual([expect.objectContaining({ rule: 'P2' })])
  })

  it('reports an overdue inspection after the window closes', () => {
    const result = status(
      [{ published: '2019-03-15', type: 'standard-inspection', overall: 'requires-improvement' }],
      '2022-10-01',
    )
    expect(result.overdue).toEqual([
      expect.objectContaining({ what: 'standard inspection', due: '2022-09-15', rule: 'P2' }),
    ])
  })

  it('refuses a history with no judgement by the date (P5)', () => {
    expect(pathwayStatus([{ published: '2019-03-15', type: 'focused-visit' }], '2020-01-01')).toMatchObject({
      ok: false,
      rule: 'P5',
    })
    expect(
      pathwayStatus([{ published: '2019-03-15', type: 'standard-inspection', overall: 'good' }], '2019-03-14'),
    ).toMatchObject({ ok: false })
  })
})

describe('deferralAllowed (P6, 002#16)', () => {
  it.each([
    ['risk-to-staff', true],
    ['evidence-gathering-severely-restricted', true],
    ['dcs-absence', false],
    ['staff-absence', false],
  ] as const)('%s → %s', (reason, allowed) => {
    expect(deferralAllowed(reason)).toMatchObject({ rule: 'P6', allowed })
  })
})
