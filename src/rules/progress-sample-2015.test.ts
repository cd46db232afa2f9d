import { describe, expect, it } from 'vitest'
import { type ProgressCase, progressEvidence, progressSampleCounts } from './progress-sample-2015.js'

const selected = (n: number, extra: Partial<ProgressCase> = {}): ProgressCase[] =>
  Array.from({ length: n }, () => ({
    source: 'selected',
    cse: false,
    laAudit: false,
    standardsEvident: null,
    riskManaged: null,
    ...extra,
  }))

describe('progressSampleCounts (I5; 000 Annex H)', () => {
  it('counts 28 of 30 cases and 1 of 2 CSE as short, and the LA’s four on top', () => {
    const cases = [
      ...selected(1, { cse: true }),
      ...selected(6, { laAudit: true }),
      ...selected(21),
      ...selected(2, { source: 'la-child-protection' }),
      ...selected(2, { source: 'la-child-in-need' }),
    ]
    expect(progressSampleCounts(cases).map((count) => [count.text, count.met])).toEqual([
      ['28 of 30 cases selected by the lead inspector', false],
      ['1 of 2 with a child sexual exploitation dimension', false],
      ['2 of 2 child protection cases offered by the LA', true],
      ['2 of 2 children in need cases offered by the LA', true],
      ['6 of 6 cases the LA audits', true],
    ])
  })
})

describe('progressEvidence (I5, E9; Annex H fn 3 and Annex B)', () => {
  it('gives Annex B’s words for 20 of 30 and finds at least a majority', () => {
    const cases = [
      ...selected(20, { standardsEvident: true, riskManaged: true }),
      ...selected(10, { standardsEvident: false, riskManaged: true }),
    ]
    expect(progressEvidence(cases)).toMatchObject({
      standardsText: 'In 20 of 30 cases seen (66.7%, large majority) the practice standards were evident',
      majority: true,
      everyRiskManaged: true,
    })
  })

  it('gives a number, not a band, for 29 of 30 (a gap), and one child at risk fails the second test', () => {
    const cases = [
      ...selected(28, { standardsEvident: true, riskManaged: true }),
      ...selected(1, { standardsEvident: true, riskManaged: false }),
      ...selected(1, { standardsEvident: false, riskManaged: true }),
      ...selected(3),
    ]
    const evidence = progressEvidence(cases)
    expect(evidence.standardsText).toBe('In 29 of 30 cases seen (96.7%) the practice standards were evident')
    expect(evidence.everyRiskManaged).toBe(false)
  })
})
