import { describe, expect, it } from 'vitest'
import { formatDate } from '../calendar/dates.js'
import { standardInspectionTimeline } from './standard-inspection.js'
import { shortInspectionTimeline } from './short-inspection.js'
import { accepted, datesByKey } from '../../../test/support/timelines.js'

describe('standardInspectionTimeline (S1–S4, E5, E7; 002#52-53, #73, #216, #242)', () => {
  it.each([
    [
      'ordinary June 2023 fortnight',
      '2023-06-12',
      {
        notice: '2023-06-05',
        'annex-a.request': '2023-06-05',
        'annex-a.child-level-data': '2023-06-06',
        'annex-a.audits': '2023-06-06',
        'annex-a.management-information': '2023-06-07',
        'annex-a.case-information': '2023-06-08',
        'team.telephone-conference': '2023-06-09',
        'onsite.start': '2023-06-12',
        'schools-hmi.on-site': '2023-06-13',
        'team.off-site-evaluation-week-1': '2023-06-16',
        'onsite.week-2': '2023-06-19',
        'onsite.end': '2023-06-23',
        feedback: '2023-06-23',
        'report.to-la-for-factual-accuracy': '2023-07-07',
        'report.factual-accuracy-due': '2023-07-12',
        'report.final-to-la': '2023-07-19',
        'report.published': '2023-07-24',
        'action-plan.due': '2023-10-26',
      },
    ],
    [
      'Platinum Jubilee in the notice week (C2 example: notice Thursday 26 May)',
      '2022-06-06',
      {
        notice: '2022-05-26',
        'annex-a.child-level-data': '2022-05-27',
        'annex-a.management-information': '2022-05-30',
        'annex-a.case-information': '2022-05-31',
        'onsite.end': '2022-06-17',
        'report.published': '2022-07-18',
      },
    ],
    [
      'Easter Monday 2020 notice moves to Maundy Thursday (002#73 fn18)',
      '2020-04-20',
      { notice: '2020-04-09', 'annex-a.child-level-data': '2020-04-14' },
    ],
    [
      'spring bank holiday inside the fortnight: day 10 moves to Monday 5 June 2023',
      '2023-05-22',
      { 'onsite.week-2': '2023-05-30', feedback: '2023-06-05' },
    ],
  ])('%s (fieldwork %s)', (_case, onsite, expected) => {
    const dates = datesByKey(accepted(standardInspectionTimeline(onsite)))
    expect(dates).toMatchObject(expected)
  })

  it('names the rule and citation of every milestone', () => {
    const timeline = accepted(standardInspectionTimeline('2023-06-12'))
    expect(timeline.milestones.find((item) => item.key === 'annex-a.case-information')).toMatchObject({
      rule: 'S4',
      citation: '002#242',
    })
    expect(timeline.milestones.find((item) => item.key === 'report.published')).toMatchObject({
      rule: 'E7',
      citation: '002#216',
    })
    for (const item of timeline.milestones) expect(item.citation).toMatch(/^00\d#/)
  })

  it('flags a schedule whose weekday column a bank holiday breaks, and explains the moved notice (M8, C2)', () => {
    const jubilee = accepted(standardInspectionTimeline('2022-06-06'))
    expect(jubilee.flags.map((flag) => flag.message).join('\n')).toMatch(
      /Notice falls on Thursday 26 May 2022, not the Monday/,
    )
    expect(jubilee.notes.some((note) => note.rule === 'C2')).toBe(true)
    const spring = accepted(standardInspectionTimeline('2023-05-22'))
    expect(spring.flags.some((flag) => /week 2 Monday falls on Tuesday 30 May 2023/.test(flag.message))).toBe(true)
    expect(accepted(standardInspectionTimeline('2023-06-12')).flags).toEqual([])
  })

  it('flags fieldwork beginning over Christmas and New Year (C3, 002#14)', () => {
    expect(accepted(standardInspectionTimeline('2024-12-30')).flags).toContainEqual(
      expect.objectContaining({ rule: 'C3', citation: '002#14' }),
    )
  })

  it.each([
    ['2022-06-04', "is a Saturday; a standard inspection's fieldwork starts on a Monday"],
    ['2023-06-13', "is a Tuesday; a standard inspection's fieldwork starts on a Monday"],
    [
      '2022-05-02',
      "is a bank holiday in England and Wales: Early May bank holiday; a standard inspection's fieldwork must start on a working day",
    ],
  ])('refuses fieldwork starting %s (C5, 002#52-53)', (onsite, reason) => {
    expect(standardInspectionTimeline(onsite)).toEqual({
      ok: false,
      rule: 'C5',
      citation: '002#52-53',
      reason: `${formatDate(onsite)} ${reason}`,
    })
  })
})

describe('shortInspectionTimeline (S2, 002#54-55, #216)', () => {
  it('runs one week on site with feedback on the Friday', () => {
    const dates = datesByKey(accepted(shortInspectionTimeline('2023-06-12')))
    expect(dates).toMatchObject({
      notice: '2023-06-05',
      'onsite.start': '2023-06-12',
      'team.judgement-meeting': '2023-06-15',
      'onsite.end': '2023-06-16',
      feedback: '2023-06-16',
      'report.to-la-for-factual-accuracy': '2023-06-30',
      'report.factual-accuracy-due': '2023-07-05',
      'report.final-to-la': '2023-07-12',
      'report.published': '2023-07-17',
    })
  })

  it('refuses a Wednesday start (C5, 002#54-55)', () => {
    expect(shortInspectionTimeline('2023-06-14')).toMatchObject({ ok: false, rule: 'C5', citation: '002#54-55' })
  })

  it('notes the three questions of a short inspection (S8, 002#57)', () => {
    expect(accepted(shortInspectionTimeline('2023-06-12')).notes).toContainEqual(
      expect.objectContaining({ rule: 'S8', citation: '002#57' }),
    )
  })
})
