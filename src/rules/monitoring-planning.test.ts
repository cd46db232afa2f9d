import { describe, expect, it } from 'vitest'
import { checkMonitoringProposal, monitoringVisitFacts, suggestedMonitoringVisit } from './monitoring-planning.js'
import { pathwayStatus } from './pathways.js'
import type { ProgrammedActivity } from './planning-checks.js'
import { monitoringLetterMilestones } from './timelines/monitoring-visit.js'

// Barnet judged inadequate under ILACS, published Tuesday 1 September 2026: the action plan is
// due 70 working days later, Tuesday 8 December 2026, and the first visit by Tuesday 5 January 2027.
const ilacs = pathwayStatus(
  [{ published: '2026-09-01', type: 'standard-inspection', overall: 'inadequate' }],
  '2026-11-23',
)
const sif = pathwayStatus([{ published: '2017-12-11', type: 'sif-inspection', overall: 'inadequate' }], '2018-03-01')
const good = pathwayStatus([{ published: '2025-03-03', type: 'short-inspection', overall: 'good' }], '2026-11-23')
if (!ilacs.ok || !sif.ok || !good.ok) throw new Error('fixtures')

const visit = (reference: string, onsiteStart: string, status = 'planned'): ProgrammedActivity => ({
  reference,
  laCode: '302',
  type: 'monitoring-visit',
  status,
  fieldwork: { onsiteStart },
})

describe('monitoringVisitFacts (E7, E8)', () => {
  it('follows the framework that judged the LA and counts the visits before this one', () => {
    const one = visit('302-MV-2027-01-05', '2027-01-05')
    expect(monitoringVisitFacts(ilacs.status, [], '302', '2027-01-05')).toMatchObject({
      handbook: 'ilacs',
      visitNumber: 1,
      secondSet: false,
    })
    expect(monitoringVisitFacts(ilacs.status, [one], '302', '2027-04-06').visitNumber).toBe(2)
    // A cancelled visit does not count.
    expect(monitoringVisitFacts(ilacs.status, [{ ...one, status: 'cancelled' }], '302', '2027-04-06').visitNumber).toBe(
      1,
    )
    expect(monitoringVisitFacts(sif.status, [], '302', '2018-04-10').handbook).toBe('2017')
  })
})

describe('suggestedMonitoringVisit (M4)', () => {
  it('suggests the first within four weeks of the action plan deadline, then a quarter after the last', () => {
    expect(suggestedMonitoringVisit(ilacs.status, [], '302', 2)).toMatchObject({ date: '2027-01-05', visitsSoFar: 0 })
    // A quarter after Tuesday 5 January 2027 is Monday 5 April (Easter Monday): the Tuesday after.
    const next = suggestedMonitoringVisit(ilacs.status, [visit('302-MV-2027-01-05', '2027-01-05')], '302', 2)
    expect(next).toMatchObject({ date: '2027-04-06', visitsSoFar: 1 })
    // Wednesday–Thursday visits: the Wednesday on or after.
    expect(suggestedMonitoringVisit(ilacs.status, [visit('302-MV-2027-01-05', '2027-01-05')], '302', 3).date).toBe(
      '2027-04-07',
    )
  })
})

describe('checkMonitoringProposal (M4, M6, M7)', () => {
  const proposal = { laCode: '302', laName: 'Barnet', type: 'monitoring-visit' as const, onsiteStart: '2027-02-02' }
  it('refuses an LA not judged inadequate', () => {
    expect(checkMonitoringProposal(proposal, good.status, [])).toEqual([
      expect.objectContaining({ rule: 'M4', severity: 'error' }),
    ])
  })
  it('warns when a visit is not about a quarter after the last, or after six', () => {
    const checks = checkMonitoringProposal(proposal, ilacs.status, [visit('302-MV-2027-01-05', '2027-01-05')])
    expect(checks.map((check) => [check.rule, check.severity])).toEqual([['M4', 'warning']])
    const six = ['2027-01-05', '2027-04-06', '2027-07-06', '2027-10-05', '2028-01-11', '2028-04-04'].map((day) =>
      visit(`302-MV-${day}`, day),
    )
    const seventh = { ...proposal, onsiteStart: '2028-07-04' }
    expect(checkMonitoringProposal(seventh, ilacs.status, six).map((check) => check.message)).toEqual([
      'This would be visit 7: there are usually between 4 and 6 monitoring visits before a re-inspection',
    ])
  })
  it('warns of a post-monitoring inspection before four visits, or after an ILACS judgement', () => {
    const pmsi = { ...proposal, type: 'post-monitoring-inspection' as const, onsiteStart: '2018-09-10' }
    expect(checkMonitoringProposal(pmsi, sif.status, []).map((check) => check.rule)).toEqual(['M6'])
    expect(
      checkMonitoringProposal({ ...pmsi, onsiteStart: '2027-09-13' }, ilacs.status, []).map((c) => c.rule),
    ).toEqual(['M7', 'M6'])
  })
})

describe('monitoringLetterMilestones (E7)', () => {
  it('dates an ILACS letter from the last day on site and a 2017 letter from day 1', () => {
    expect(monitoringLetterMilestones('ilacs', '2027-01-12', '2027-01-13').map((m) => m.date)).toEqual([
      '2027-01-20',
      '2027-01-22',
      '2027-02-02',
      '2027-02-04',
    ])
    expect(monitoringLetterMilestones('2017', '2027-06-08', '2027-06-09').map((m) => m.date)).toEqual([
      '2027-06-22',
      '2027-06-28',
      '2027-07-06',
      '2027-07-08',
    ])
  })
})
