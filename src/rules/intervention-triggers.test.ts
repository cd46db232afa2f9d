import { describe, expect, it } from 'vitest'
import { commissionerDecision, inadequateReading, type DatedJudgement } from './intervention.js'
import { interventionTriggers } from './intervention-triggers.js'

const judgement = (fieldworkStart: string, published: string, inadequate = true): DatedJudgement => ({
  fieldworkStart,
  published,
  inadequate,
})

// Reports published 5.2 years apart whose fieldwork started 4.7 years apart (the second report's
// publication delayed, as many were in 2020): the two readings of G2 disagree.
const FLIPS = [judgement('2015-01-12', '2015-03-16'), judgement('2019-09-23', '2020-05-27')]

describe('commissionerDecision (G2, by publication and by fieldwork dates)', () => {
  it.each([
    [
      'three years apart on both readings',
      [judgement('2016-03-07', '2016-05-04'), judgement('2019-04-01', '2019-05-31')],
      true,
      true,
    ],
    [
      'six years apart on both readings',
      [judgement('2013-11-04', '2014-01-30'), judgement('2019-11-04', '2020-01-10')],
      false,
      false,
    ],
    ['5.2 years by publication, 4.7 by fieldwork', FLIPS, false, true],
    ['one inadequate judgement', [judgement('2019-04-01', '2019-05-31')], false, false],
  ] as const)('%s', (_case, judgements, byPublication, byFieldwork) => {
    const result = commissionerDecision(judgements, '2021-01-04')
    expect(result.byPublication.commissionerRequired).toBe(byPublication)
    expect(result.byFieldwork?.commissionerRequired).toBe(byFieldwork)
    expect(result.differ).toBe(byPublication !== byFieldwork)
    expect(result.rule).toBe('G2')
  })

  it('requires a commissioner on either reading; without fieldwork dates, by publication alone', () => {
    expect(commissionerDecision(FLIPS, '2021-01-04')).toMatchObject({ commissionerRequired: true, differ: true })
    const publishedOnly = FLIPS.map(({ published, inadequate }) => ({ published, inadequate }))
    expect(commissionerDecision(publishedOnly, '2021-01-04')).toMatchObject({
      commissionerRequired: false,
      byFieldwork: undefined,
      differ: false,
    })
  })

  it('gives the years apart on each reading and flags the difference for a person to decide', () => {
    const result = commissionerDecision(FLIPS, '2021-01-04')
    expect(result.byPublication.yearsApart).toBe(5.2)
    expect(result.byFieldwork?.yearsApart).toBe(4.7)
    expect(result.flags[0]?.message).toMatch(
      /^The readings differ: by publication dates .* 5.2 years apart, by fieldwork dates 4.7/,
    )
  })

  it('counts exactly five years (Saturday 1 June 2019 to Monday 1 June 2024) as within, and flags it', () => {
    const result = commissionerDecision(
      [judgement('2019-03-04', '2019-06-01'), judgement('2024-03-04', '2024-06-01')],
      '2024-07-01',
    )
    expect(result.byPublication).toMatchObject({ commissionerRequired: true, exactlyFiveYears: true })
    expect(result.flags.some((flag) => flag.message.startsWith('Exactly five years'))).toBe(true)
  })

  it('reads only what was published by the day asked, and nothing once the latest is better (G4)', () => {
    expect(commissionerDecision(FLIPS, '2020-05-26').byFieldwork?.commissionerRequired).toBe(false)
    const improved = [...FLIPS, judgement('2022-06-06', '2022-07-29', false)]
    expect(commissionerDecision(improved, '2022-08-01')).toMatchObject({
      differ: false,
      byFieldwork: { commissionerRequired: false },
    })
  })
})

describe('inadequateReading (G2): with and without an overall grade', () => {
  it('reads the overall effectiveness grade when there is one', () => {
    expect(inadequateReading('inadequate', ['good'])).toMatchObject({ inadequate: true, derived: false })
    expect(inadequateReading('requires-improvement', ['inadequate'])).toMatchObject({ inadequate: false })
  })

  it('from April 2026, with no overall grade, reads any inadequate area as inadequate (002#100-101)', () => {
    expect(inadequateReading(undefined, ['good', 'inadequate', 'requires-improvement'])).toMatchObject({
      inadequate: true,
      derived: true,
      citation: '002#100-101',
    })
    expect(inadequateReading(null, ['good', 'requires-improvement']).inadequate).toBe(false)
  })
})

describe('interventionTriggers (G2, G7, M3, M4)', () => {
  const keys = (triggers: ReturnType<typeof interventionTriggers>) =>
    triggers.filter((trigger) => trigger.active).map((trigger) => trigger.key)

  it('alerts the DfE to a new inadequate judgement, with the monitoring programme beside it (G7, M2-M6)', () => {
    const triggers = interventionTriggers({ judgements: [judgement('2026-09-14', '2026-11-06')], on: '2026-11-23' })
    expect(keys(triggers)).toEqual(['new-inadequate'])
    const alert = triggers[0]!
    expect(alert).toMatchObject({ rule: 'G7', since: '2026-11-06' })
    // 70 working days after Friday 6 November 2026, over Christmas (Monday 28 December a substitute day) and New Year: Wednesday 17 February 2027.
    expect(alert.milestones?.find((m) => m.key === 'action-plan.due')?.date).toBe('2027-02-17')
  })

  it('stops alerting once a record is opened for that judgement', () => {
    const triggers = interventionTriggers({
      judgements: [judgement('2026-09-14', '2026-11-06')],
      on: '2026-11-23',
      acknowledgedPublished: '2026-11-06',
    })
    expect(keys(triggers)).toEqual([])
    expect(triggers[0]!.detail).toMatch(/has opened its intervention record/)
  })

  it('shows the five-year trigger on either reading, and the monitoring and action-plan triggers when recorded', () => {
    const triggers = interventionTriggers({
      judgements: FLIPS,
      on: '2021-01-04',
      acknowledgedPublished: '2020-05-27',
      monitoringRefusedOn: '2020-07-01',
      actionPlanDifferenceOn: '2020-11-02',
    })
    expect(keys(triggers)).toEqual(['two-in-five-years', 'monitoring-refused', 'action-plan-difference'])
    expect(triggers[1]!.fiveYears?.differ).toBe(true)
    expect(triggers[2]).toMatchObject({ rule: 'M4', citation: '002#113; 001#3' })
    expect(triggers[3]).toMatchObject({ rule: 'M3', citation: '001#22; 002#126' })
  })
})
