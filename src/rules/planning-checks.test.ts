import { describe, expect, it } from 'vitest'
import { type PathwayStatus, pathwayStatus } from './pathways.js'
import {
  checkDueWindow,
  checkFocusedVisits,
  isActive,
  type ProgrammedActivity,
  type ProposedActivity,
} from './planning-checks.js'
import type { ActivityType } from './types.js'

// Kent's latest judgement was published on Monday 1 July 2024: its next judgement inspection is
// due from 1 January 2027 to 1 January 2028 (P8: three years after publication ± six months, 002#13).
function pathway(overall: 'good' | 'requires-improvement' | 'inadequate'): PathwayStatus {
  const outcome = pathwayStatus([{ published: '2024-07-01', type: 'standard-inspection', overall }], '2026-11-23')
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
}

const kent = (type: ActivityType, onsiteStart: string): ProposedActivity => ({
  laCode: '886',
  laName: 'Kent',
  type,
  onsiteStart,
})
const planned = (type: ActivityType, onsiteStart: string, status = 'planned'): ProgrammedActivity => ({
  reference: `886-${onsiteStart}`,
  laCode: '886',
  type,
  status,
  fieldwork: { onsiteStart },
})
const found = (checks: ReadonlyArray<{ severity: string; rule: string; citation: string }>) =>
  checks.map((check) => `${check.severity} ${check.rule} ${check.citation}`)

describe('checkDueWindow (P2-P5, P7, P8)', () => {
  it.each<[string, ProposedActivity, PathwayStatus | undefined, readonly ProgrammedActivity[], string[]]>([
    [
      'no graded judgement: nothing to check against (P5)',
      kent('standard-inspection', '2027-03-01'),
      undefined,
      [],
      ['warning P5 002#17, #20, #23'],
    ],
    [
      'a standard inspection on Monday 1 March 2027, inside the window, for pathway 2',
      kent('standard-inspection', '2027-03-01'),
      pathway('requires-improvement'),
      [],
      [],
    ],
    [
      'a short inspection for pathway 2 (002#20)',
      kent('short-inspection', '2027-03-01'),
      pathway('requires-improvement'),
      [],
      ['error P2 002#20'],
    ],
    [
      'a standard inspection on Monday 7 December 2026, before the window opens on 1 January 2027 (002#13)',
      kent('standard-inspection', '2026-12-07'),
      pathway('requires-improvement'),
      [],
      ['warning P4 002#13'],
    ],
    [
      'a standard inspection on Monday 17 January 2028, after the window closed on 1 January 2028',
      kent('standard-inspection', '2028-01-17'),
      pathway('requires-improvement'),
      [],
      ['warning P4 002#13'],
    ],
    [
      'a focused visit on Tuesday 2 March 2027, while the judgement inspection is due (002#9)',
      kent('focused-visit', '2027-03-02'),
      pathway('requires-improvement'),
      [],
      ['warning P4 002#9, #13'],
    ],
    [
      'a second standard inspection in the cycle, the first planned from Monday 1 March 2027 (002#24)',
      kent('standard-inspection', '2027-06-14'),
      pathway('requires-improvement'),
      [planned('standard-inspection', '2027-03-01')],
      ['warning P7 002#24'],
    ],
    [
      'the first of them cancelled: no longer a second',
      kent('standard-inspection', '2027-06-14'),
      pathway('requires-improvement'),
      [planned('standard-inspection', '2027-03-01', 'cancelled')],
      [],
    ],
  ])('%s', (_name, proposal, status, activities, expected) => {
    expect(found(checkDueWindow(proposal, status, activities))).toEqual(expected)
  })
})

describe('checkFocusedVisits (P1-P3, P7)', () => {
  const visit = kent('focused-visit', '2027-06-15')
  it.each<[string, PathwayStatus, readonly ProgrammedActivity[], string[]]>([
    ['a first focused visit for pathway 2', pathway('requires-improvement'), [], []],
    [
      'a third for pathway 2, two planned since 1 July 2024 (002#21, #24)',
      pathway('requires-improvement'),
      [planned('focused-visit', '2025-06-03'), planned('focused-visit', '2026-03-03')],
      ['error P2'],
    ],
    [
      'a second for pathway 1: over the usual one of 002#18',
      pathway('good'),
      [planned('focused-visit', '2025-06-03')],
      ['warning P1'],
    ],
    ['any focused visit for pathway 3 (002#22)', pathway('inadequate'), [], ['error P3']],
    [
      'deferred visits and visits before the latest judgement do not count',
      pathway('requires-improvement'),
      [planned('focused-visit', '2026-06-02', 'deferred'), planned('focused-visit', '2024-03-05')],
      [],
    ],
  ])('%s', (_name, status, activities, expected) => {
    const checks = checkFocusedVisits(visit, status, activities)
    expect(checks.map((check) => `${check.severity} ${check.rule}`)).toEqual(expected)
  })

  it('cites the usual one of 002#18 for a second pathway 1 visit, with the 002#24 table as a note', () => {
    const [check] = checkFocusedVisits(visit, pathway('good'), [planned('focused-visit', '2025-06-03')])
    expect(check).toMatchObject({ rule: 'P1', citation: '002#18', severity: 'warning' })
    expect(check!.note).toMatch(/002#24/)
  })

  it('checks nothing for other types, or without a pathway', () => {
    expect(checkFocusedVisits(kent('standard-inspection', '2027-03-01'), pathway('good'), [])).toEqual([])
    expect(checkFocusedVisits(visit, undefined, [])).toEqual([])
  })
})

describe('isActive', () => {
  it.each([
    ['planned', true],
    ['notified', true],
    ['cancelled', false],
    ['deferred', false],
  ])('%s → %s', (status, expected) => expect(isActive({ status })).toBe(expected))
})
